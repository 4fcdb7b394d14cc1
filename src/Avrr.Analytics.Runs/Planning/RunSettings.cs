using Avrr.Analytics.Estimation;
using Avrr.Analytics.Grouping;
using Avrr.Analytics.Inference;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs.Planning;

/// <summary>
/// Everything that decides what a quarterly run computes and writes (docs/outputs.md). The CLI fills it
/// from flags and the evaluation file; a program can fill it directly; the manifest records it.
/// </summary>
public sealed record RunSettings
{
    public required IReadOnlyList<string> Inputs { get; init; }
    public string OutputFolder { get; init; } = "results";
    /// <summary>The scheme file; the built-in rss-15 when null.</summary>
    public string? SchemePath { get; init; }
    /// <summary>Levels asked for beyond the defaults (all, country, country+community, country+quarter).</summary>
    public IReadOnlyList<Level> ExtraLevels { get; init; } = [];
    /// <summary>The column holding sampling weights; <c>weight</c> when null.</summary>
    public string? WeightColumn { get; init; }
    /// <summary>
    /// The run is unweighted on purpose (<c>--unweighted</c>, or <c>"weight": null</c> in the evaluation file): no
    /// column of weights is read, every survey weighs 1, and no warning says a column looks like weights.
    /// </summary>
    public bool Unweighted { get; init; }
    public string? ClusterColumn { get; init; }
    public string? StrataColumn { get; init; }
    public int MinCell { get; init; } = 5;
    /// <summary>How 95% intervals are made: Student's t (default), or normal.</summary>
    public IntervalMethod Ci { get; init; } = IntervalMethod.StudentT;
    /// <summary>Whose degrees of freedom the t intervals and tests use: each estimate's own (default), or the whole design's.</summary>
    public DegreesOfFreedomRule Df { get; init; } = DegreesOfFreedomRule.Domain;
    /// <summary>How the tests of a family (comparisons, panel change, the drivers' terms) are decided together: Benjamini–Hochberg (default) or each on its own.</summary>
    public MultipleTesting Fdr { get; init; } = MultipleTesting.BenjaminiHochberg;
    public string Language { get; init; } = "en";
    public OutputFormats Formats { get; init; } = OutputFormats.Csv | OutputFormats.Parquet;
    /// <summary>The exact form of survey_date (.NET notation such as dd/MM/yyyy); ISO 8601 when null.</summary>
    public string? DateFormat { get; init; }
    /// <summary>Run column id → header in the exports.</summary>
    public IReadOnlyDictionary<string, string> ColumnMapping { get; init; } = new Dictionary<string, string>();
    /// <summary>The sheet of XLSX inputs; the first when null.</summary>
    public string? Sheet { get; init; }
    /// <summary>Estimate every indicator too, not only the composite and the dimensions.</summary>
    public bool Indicators { get; init; }
    /// <summary>Above this share of rejected rows a run still writes everything, but ends with exit code 1 and a warning.</summary>
    public double MaxRejectedShare { get; init; } = DefaultMaxRejectedShare;
    public const double DefaultMaxRejectedShare = 0.10;
    /// <summary>The surveys of the evaluation, by survey date; every date when null.</summary>
    public SurveyPeriod? Period { get; init; }
    /// <summary>Which submission of a repeated survey is kept.</summary>
    public DuplicatePolicy Keep { get; init; } = DuplicatePolicy.KeepFirst;
    /// <summary>Values replaced before grouping: column id → value as written → replacement.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Recode { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();
    /// <summary>Interviews shorter than this (from the form's start and end) are flagged in the checks, never rejected.</summary>
    public double ShortInterviewMinutes { get; init; } = DefaultShortInterviewMinutes;
    public const double DefaultShortInterviewMinutes = 5;
    /// <summary>The run's date, after which a survey date is flagged; today (local time) when null.</summary>
    public DateOnly? Today { get; init; }
    /// <summary>Write report.html and results.xlsx (docs/report.md) beside the tables.</summary>
    public bool Report { get; init; } = true;
    /// <summary>
    /// Threads for decoding and scoring; 0 for one per core, and at most <see cref="MaxThreads"/> (more are
    /// not started). The output does not depend on it.
    /// </summary>
    public int Threads { get; init; }
    /// <summary>Where to write the run's partial (docs/partials.md) besides the result; no partial when null.</summary>
    public string? PartialOut { get; init; }
    /// <summary>How the partial carries panel change: sums per cell (each returnee's surveys in one partial), or a summary per returnee.</summary>
    public PartialPanel PartialPanel { get; init; } = PartialPanel.Cells;
    /// <summary>The secret that salts the one-way hash of returnee ids in a partial with returnee summaries; never stored.</summary>
    public string? PartialSalt { get; init; }
    /// <summary>The organisation's key that signs the partial (HMAC-SHA256, docs/partials.md, "Signatures"); unsigned when null; never stored.</summary>
    public string? PartialKey { get; init; }
    /// <summary>Columns that partition returnee_scores.parquet into a Hive-style tree (returnee_scores/country=SEN/…); a single file when empty.</summary>
    public IReadOnlyList<string> PartitionBy { get; init; } = [];
    /// <summary>Profiles, drivers and the early warning (docs/insights.md), written to insights/; on by default.</summary>
    public bool Insights { get; init; } = true;
    /// <summary>The seed of every random choice of the insights (the training sample, k-means, folds, shuffles).</summary>
    public int InsightsSeed { get; init; } = DefaultInsightsSeed;
    public const int DefaultInsightsSeed = 1;
    /// <summary>How many returnees (with all their surveys) the seeded training sample of the insights holds.</summary>
    public int InsightsSample { get; init; } = DefaultInsightsSample;
    public const int DefaultInsightsSample = 5000;
    /// <summary>The terms of the drivers' models; null for the default (country and every attribute with 2 to 20 values).</summary>
    public IReadOnlyList<string>? DriverTerms { get; init; }

    /// <summary>
    /// The most scoring threads a run starts: four per core. More only add memory (a batch in flight per
    /// thread) and contention, and tens of thousands exhaust the process (docs/commands.md, "Flags").
    /// </summary>
    public static int MaxThreads => 4 * Environment.ProcessorCount;

    /// <summary>The scoring threads the run starts: <see cref="Threads"/>, one per core for 0, at most <see cref="MaxThreads"/>.</summary>
    public int ThreadsUsed => Threads > 0 ? Math.Min(Threads, MaxThreads) : Environment.ProcessorCount;
    /// <summary>Audit the index (docs/audit.md): audit/ in the result. On by default.</summary>
    public bool Audit { get; init; } = true;
    /// <summary>Base samples of the audit's uncertainty analysis (0 skips it).</summary>
    public int AuditSamples { get; init; } = DefaultAuditSamples;
    public const int DefaultAuditSamples = Avrr.Analytics.Audit.AuditOptions.DefaultSamples;
    public const int MaxAuditSamples = 4096;
    /// <summary>Seed of the audit's uncertainty analysis and survey subsample.</summary>
    public int AuditSeed { get; init; } = DefaultAuditSeed;
    public const int DefaultAuditSeed = 1;
    /// <summary>The level whose groups the audit describes and ranks: countries by default.</summary>
    public Level AuditLevel { get; init; } = DefaultAuditLevel;
    public static Level DefaultAuditLevel => Level.Parse("country");

    /// <summary>The margins the weights are calibrated to (docs/methodology.md, "Calibration"): one CSV file each; no calibration when empty.</summary>
    public IReadOnlyList<string> Calibrate { get; init; } = [];
    /// <summary>How the weights are calibrated; null for the default (post-stratification for one margin, raking for several).</summary>
    public Calibration.CalibrationMethod? CalibrateMethod { get; init; }
    /// <summary>The bounds of the weight ratio (calibrated / base weight), for raking and linear calibration; none when null.</summary>
    public (double Lower, double Upper)? CalibrateBounds { get; init; }
    /// <summary>The Newton steps a calibration may take before it is refused.</summary>
    public int CalibrateIterations { get; init; } = Calibration.WeightCalibration.DefaultMaxIterations;
    public const int MaxCalibrateIterations = 10_000;
}
