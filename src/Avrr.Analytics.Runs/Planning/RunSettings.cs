using Avrr.Analytics.Grouping;
using Avrr.Analytics.IO.Writing;

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
    public string? ClusterColumn { get; init; }
    public string? StrataColumn { get; init; }
    public int MinCell { get; init; } = 5;
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
    /// <summary>Threads for decoding and scoring; 0 for one per core. The output does not depend on it.</summary>
    public int Threads { get; init; }
    /// <summary>Audit the index (docs/audit.md): audit/ in the result. On by default.</summary>
    public bool Audit { get; init; } = true;
    /// <summary>Base samples of the audit's uncertainty analysis (0 skips it).</summary>
    public int AuditSamples { get; init; } = Avrr.Analytics.Audit.AuditOptions.DefaultSamples;
    public const int MaxAuditSamples = 4096;
    /// <summary>Seed of the audit's uncertainty analysis and survey subsample.</summary>
    public int AuditSeed { get; init; } = 1;
    /// <summary>The level whose groups the audit describes and ranks: countries by default.</summary>
    public Level AuditLevel { get; init; } = Level.Parse("country");
}
