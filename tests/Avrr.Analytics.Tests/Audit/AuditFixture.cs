using System.Globalization;
using System.Text;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs;
using Avrr.Analytics.Runs.Planning;

namespace Avrr.Analytics.Tests.Audit;

/// <summary>
/// Reference/audit-fixture.csv (400 surveys with indicator scores k/12 and planted structure) run through the
/// whole runner: a scheme with the 15 rss-15 indicators, each one question on a 13-point scale scoring
/// k/12, so that the engine's indicator, dimension and composite scores are the fixture's own doubles;
/// the fixture written as an export with the answer k. The run is made once and shared by the tests.
/// </summary>
public sealed class AuditFixture
{
    public static readonly (string Dimension, string[] Indicators)[] Structure =
    [
        ("economic", ["econ_satisfaction", "food_security", "debt", "employment", "productive_assets"]),
        ("social", ["housing", "education", "documentation_justice", "basic_services", "public_services"]),
        ("psychosocial", ["social_participation", "belonging", "safety", "wellbeing", "remigration"]),
    ];

    public static readonly string[] Indicators = Structure.SelectMany(s => s.Indicators).ToArray();

    private static readonly Lazy<AuditFixture> Shared = new(() => new AuditFixture());

    public static AuditFixture Run => Shared.Value;

    public string Folder { get; }
    public string Audit => Path.Combine(Folder, "audit");
    public List<Dictionary<string, string>> Rows { get; }

    private AuditFixture()
    {
        var work = TestFiles.TempFolder();
        Rows = CsvRecords.ReadTable(TestFiles.Reference("audit-fixture.csv"));
        var scheme = Path.Combine(work, "twelfths.json");
        File.WriteAllText(scheme, SchemeJson());
        var export = Path.Combine(work, "audit-export.csv");
        File.WriteAllText(export, Export(Rows), new UTF8Encoding(false));
        Folder = Path.Combine(work, "results");
        EvaluationRun.Execute(new RunSettings
        {
            Inputs = [export], OutputFolder = Folder, SchemePath = scheme, Formats = OutputFormats.Csv, Threads = 1, AuditSamples = 8,
        });
    }

    /// <summary>The fixture scheme: one 13-point scale (codes 0..12, score k/12), one question per indicator, equal weights, rss-15's options.</summary>
    public static string SchemeJson()
    {
        var invariant = CultureInfo.InvariantCulture;
        var choices = string.Join(",", Enumerable.Range(0, 13).Select(k => $"{{\"code\": \"{k}\", \"score\": {(k / 12.0).ToString("R", invariant)}}}"));
        var dimensions = string.Join(",", Structure.Select(s =>
            $"{{\"id\": \"{s.Dimension}\", \"indicators\": [" +
            string.Join(",", s.Indicators.Select(i => $"{{\"id\": \"{i}\", \"questions\": [{{\"id\": \"q_{i}\", \"scale\": \"twelfths\"}}]}}")) + "]}"));
        return $"{{\"id\": \"audit-fixture\", \"scales\": [{{\"id\": \"twelfths\", \"choices\": [{choices}]}}], \"dimensions\": [{dimensions}]}}";
    }

    /// <summary>The fixture as an export: one survey per row, the answer k of each indicator (empty when missing), its weight and country.</summary>
    private static string Export(List<Dictionary<string, string>> rows)
    {
        var text = new StringBuilder("returnee_id,country,community,survey_date,weight," + string.Join(",", Indicators.Select(i => "q_" + i)) + "\n");
        foreach (var row in rows)
        {
            text.Append($"R{row["row_id"]},{row["country"]},{row["cluster"]},2026-01-15,{row["weight"]}");
            foreach (var indicator in Indicators)
            {
                var value = row["indicator_" + indicator];
                text.Append(',').Append(value.Length == 0 ? "" : Math.Round(double.Parse(value, CultureInfo.InvariantCulture) * 12).ToString(CultureInfo.InvariantCulture));
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>R's column name of a score (indicator_x, economic_score, composite_score) → the audit's name (x, economic, composite).</summary>
    public static string Name(string r) =>
        r.StartsWith("indicator_", StringComparison.Ordinal) ? r["indicator_".Length..] : r.EndsWith("_score", StringComparison.Ordinal) ? r[..^"_score".Length] : r;

    public List<Dictionary<string, string>> Table(string name) => CsvRecords.ReadTable(Path.Combine(Audit, name + ".csv"));

    public static List<Dictionary<string, string>> Expected(string file) => CsvRecords.ReadTable(TestFiles.Reference(file));

    public static double Number(string text) => text.Length == 0 ? double.NaN : double.Parse(text, CultureInfo.InvariantCulture);
}
