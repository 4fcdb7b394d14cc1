using Avrr.Analytics.IO.Writing.Parquet;

namespace Avrr.Analytics.IO.Partials;

/// <summary>A column of a partial's table: its name and what it holds (text, a number, a whole number, a date).</summary>
internal sealed record PartialColumn(string Name, ParquetKind Kind);
