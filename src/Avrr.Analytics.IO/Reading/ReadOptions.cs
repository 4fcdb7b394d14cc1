using Avrr.Analytics.Surveys;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.IO.Reading;

/// <summary>What a run reads: the column mapping of the export and the sheet of a workbook.</summary>
public sealed record ReadOptions
{
    /// <summary>Run id → header in the export (<c>{"returnee_id": "case_number"}</c>); <c>--weight COL</c> adds weight → COL.</summary>
    public IReadOnlyDictionary<string, string> ColumnMapping { get; init; } = new Dictionary<string, string>();
    /// <summary>The sheet of an XLSX workbook to read; the first sheet when null.</summary>
    public string? Sheet { get; init; }
    /// <summary>No column of weights is read, even one named weight (<c>--unweighted</c>): every survey weighs 1.</summary>
    public bool Unweighted { get; init; }
}
