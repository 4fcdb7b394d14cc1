using System.Buffers.Binary;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Avrr.Analytics.Collections;
using Avrr.Analytics.Scoring;

namespace Avrr.Analytics.IO.Writing.Parquet;

/// <summary>Repeated texts (round, country, community, band, …), dictionary-encoded.</summary>
internal sealed class TextDictionaryChunk(ParquetField field) : DictionaryChunk(field), ITextChunk
{
    private Utf8Table _dictionary = new();

    protected override int DistinctCount => _dictionary.Count;

    /// <summary>A text; empty is a null.</summary>
    public void Add(ReadOnlySpan<byte> utf8) => Add(utf8, !utf8.IsEmpty);

    public void Add(ReadOnlySpan<byte> utf8, bool defined)
    {
        AddRow(defined);
        if (!defined) return;
        if (!_dictionary.TryGet(utf8, out var index))
        {
            index = _dictionary.Count;
            _dictionary.TryAdd(utf8, index);
        }
        AddIndex(index);
    }

    public override void Clear()
    {
        base.Clear();
        _dictionary = new Utf8Table();
    }

    public override bool WriteDictionary(IBufferWriter<byte> page, out int count)
    {
        count = _dictionary.Count;
        for (var i = 0; i < count; i++) PlainTextChunk.WritePlain(_dictionary.KeyAt(i), page);
        return count > 0;
    }

    public override (byte[] Min, byte[] Max)? MinMax()
    {
        if (_dictionary.Count == 0) return null;
        int min = 0, max = 0;
        for (var i = 1; i < _dictionary.Count; i++)
        {
            if (_dictionary.KeyAt(i).SequenceCompareTo(_dictionary.KeyAt(min)) < 0) min = i;
            if (_dictionary.KeyAt(i).SequenceCompareTo(_dictionary.KeyAt(max)) > 0) max = i;
        }
        return (_dictionary.KeyAt(min).ToArray(), _dictionary.KeyAt(max).ToArray());
    }
}
