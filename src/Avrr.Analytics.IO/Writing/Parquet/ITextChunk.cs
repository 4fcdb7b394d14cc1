using System.Buffers.Binary;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Avrr.Analytics.Collections;
using Avrr.Analytics.Scoring;

namespace Avrr.Analytics.IO.Writing.Parquet;

/// <summary>A text column: <see cref="TextDictionaryChunk"/> or <see cref="PlainTextChunk"/>.</summary>
internal interface ITextChunk
{
    /// <summary>A text cell, or a null one when not <paramref name="defined"/>.</summary>
    void Add(ReadOnlySpan<byte> utf8, bool defined);
}
