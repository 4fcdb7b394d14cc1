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
    /// <summary>
    /// <c>--disjoint-inputs</c>: partials made from the same export (by SHA-256) in periods that overlap hold different
    /// surveys of it on purpose (rows filtered before the run), so the merge does not refuse them (docs/partials.md).
    /// </summary>
    public bool DisjointInputs { get; init; }
    /// <summary><c>--require-signature</c>: every partial must carry a signature made with <see cref="PartialKey"/> (docs/partials.md, "Signatures").</summary>
    public bool RequireSignature { get; init; }
    /// <summary>The organisation's key (<c>AVRR_PARTIAL_KEY</c>), which checks the signatures; never stored.</summary>
    public string? PartialKey { get; init; }
}
