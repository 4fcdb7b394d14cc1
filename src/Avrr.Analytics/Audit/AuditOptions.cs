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

    /// <summary>
    /// 256 base samples (1,792 variants with five assumptions): with 32, the bootstrap intervals of the Sobol indices
    /// ran from 0 to 2.5 on exports whose ranking moved, and most indices were noise (issue 26); with 256 their 5–95%
    /// intervals are about √8 ≈ 2.8 times narrower, most within <see cref="SobolMaxIntervalWidth"/> (docs/audit.md).
    /// </summary>
    public const int DefaultSamples = 256;

    /// <summary>A Sobol index whose 5–95% bootstrap interval is wider than this is withheld (<see cref="SobolScreen"/>).</summary>
    public double SobolMaxIntervalWidth { get; init; } = 0.3;

    /// <summary>When the ranking moved in fewer than this share of the A and B runs (and fewer than 5), every Sobol index is withheld (<see cref="SobolScreen"/>).</summary>
    public double SobolMinMovedShare { get; init; } = 0.05;

    /// <summary>
    /// What every survey weight is divided by before the audit adds it (docs/audit.md, "Weights of any scale"): a power
    /// of two near the run's weights, so that weights of 1e-320 (whose products with a score lose their digits) or 1e300
    /// (whose squares overflow) give the numbers of weights of 1, and dividing changes no digit of a weight. 1 for
    /// weights within 2^-20 to 2^20, which are used as they are (<see cref="ScaleOf"/>).
    /// </summary>
    public double WeightScale { get; init; } = 1;

    /// <summary>The scale for a run whose typical weight is <paramref name="weight"/>: 1 for plain weights, else the power of two at or below it.</summary>
    public static double ScaleOf(double weight) =>
        !double.IsFinite(weight) || !(weight > 0) || (weight >= PlainLow && weight <= PlainHigh) ? 1 : Math.ScaleB(1, Math.ILogB(weight));

    private static readonly double PlainLow = Math.ScaleB(1, -20), PlainHigh = Math.ScaleB(1, 20);

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

    /// <summary>
    /// At most this many survey variants (kept surveys × variants) are scored by the uncertainty analysis; above it the
    /// variants are scored on a seeded subsample of the kept surveys (docs/audit.md, "Memory and time"): 2^25, about what
    /// 224 variants of 131,072 surveys cost before the default grew to 256 base samples.
    /// </summary>
    public long MaxSurveyVariants { get; init; } = 1L << 25;

    /// <summary>Bootstrap resamples of the sensitivity indices' 5–95% intervals (as COINr's Nboot).</summary>
    public int Bootstrap { get; init; } = 1000;

    /// <summary>Noisy weight sets drawn for the weights assumption (COINr's NrepWeights); a sample picks one.</summary>
    public int WeightSets { get; init; } = 1000;

    /// <summary>Threads for the uncertainty analysis; 0 for one per core. The results do not depend on it.</summary>
    public int Threads { get; init; }
}
