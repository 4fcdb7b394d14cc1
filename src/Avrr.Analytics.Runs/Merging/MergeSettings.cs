using Avrr.Analytics.Estimation;
using Avrr.Analytics.IO.Writing;

namespace Avrr.Analytics.Runs.Merging;

/// <summary>
/// What <c>avrr merge</c> does (docs/partials.md): the partials in order (which is also the order of their
/// surveys, for tied quantiles), the result folder, and the settings that the merge decides rather than the
/// partials. Left null, the suppression threshold, the interval method, the degrees of freedom, the decisions of
/// families and the language are the partials' own, which must then agree.
/// </summary>
public sealed record MergeSettings
{
    public required IReadOnlyList<string> Partials { get; init; }
    public string OutputFolder { get; init; } = "results";
    public int? MinCell { get; init; }
    public IntervalMethod? Ci { get; init; }
    public DegreesOfFreedomRule? Df { get; init; }
    public Inference.MultipleTesting? Fdr { get; init; }
    public string? Language { get; init; }
    public OutputFormats Formats { get; init; } = OutputFormats.Csv | OutputFormats.Parquet;
    public bool Report { get; init; } = true;
}
