using Avrr.Analytics.Grouping;

namespace Avrr.Analytics.Audit;

/// <summary>What an audit of the index analyses and how (docs/audit.md).</summary>
public sealed record AuditOptions
{
    /// <summary>The level whose groups are described (indicator statistics) and ranked (uncertainty analysis): countries by default.</summary>
    public Level Level { get; init; } = Level.Parse("country");

    /// <summary>Groups with fewer surveys than this have their statistics withheld and are not ranked.</summary>
    public int MinCell { get; init; } = 5;

    /// <summary>
    /// Base samples N of the Saltelli design: the uncertainty analysis scores every kept survey under
    /// N × (k + 2) model variants, k being the number of assumptions varied. 0 skips it.
    /// </summary>
    public int Samples { get; init; } = DefaultSamples;

    public const int DefaultSamples = 32;

    /// <summary>Seed of the uncertainty analysis (its design, the noisy weights, the bootstrap) and of the survey subsample.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The weight noise f: each weight is multiplied by a draw from U(1 − f, 1 + f).</summary>
    public double WeightSpread { get; init; } = 0.25;

    /// <summary>The assumptions varied; the others keep their nominal value in every variant.</summary>
    public IReadOnlySet<Assumption> Varied { get; init; } = new HashSet<Assumption>(Enum.GetValues<Assumption>());

    /// <summary>
    /// At most this many surveys are kept (compactly) for the uncertainty analysis and for the correlations
    /// with a dimension or the composite score; above it a seeded subsample of about this many is kept
    /// (docs/audit.md, "Memory and time").
    /// </summary>
    public int MaxKeptSurveys { get; init; } = DefaultMaxKeptSurveys;

    public const int DefaultMaxKeptSurveys = 1 << 17;

    /// <summary>Bootstrap resamples of the sensitivity indices' 5–95% intervals (as COINr's Nboot).</summary>
    public int Bootstrap { get; init; } = 1000;

    /// <summary>Noisy weight sets drawn for the weights assumption (COINr's NrepWeights); a sample picks one.</summary>
    public int WeightSets { get; init; } = 1000;

    /// <summary>Threads for the uncertainty analysis; 0 for one per core. The results do not depend on it.</summary>
    public int Threads { get; init; }
}
