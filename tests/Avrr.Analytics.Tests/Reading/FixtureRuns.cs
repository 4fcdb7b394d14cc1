using System.Text.Json;
using System.Text;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Results;
using Avrr.Analytics.Runs;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Tests.Reading;

/// <summary>Runs fixtures through the real entry points (EvaluationRun, ValidationRun) and reads back what they wrote.</summary>
internal static class FixtureRuns
{
    /// <summary>Settings for a run of the given fixtures (file names under Data/, or full paths) into a fresh temp folder.</summary>
    public static RunSettings Settings(params string[] inputs) => new()
    {
        Inputs = inputs.Select(i => Path.IsPathRooted(i) ? i : TestFiles.Data(i)).ToArray(),
        OutputFolder = Path.Combine(TestFiles.TempFolder(), "results"),
        Formats = OutputFormats.Csv,
        MinCell = 1,
        Threads = 1,
    };

    /// <summary>The settings without insights, audit, report and workbook: for a test that checks none of them (docs/development.md, "Tests").</summary>
    public static RunSettings TablesOnly(this RunSettings settings) => settings with { Insights = false, Audit = false, Report = false };

    public sealed record Evaluation(RunResult Result, string Folder)
    {
        public IReadOnlyList<Dictionary<string, string>> Scores => ReadCsv(Path.Combine(Folder, "returnee_scores.csv"));
        public IReadOnlyList<Dictionary<string, string>> Rejects => ReadCsv(Path.Combine(Folder, "rejects.csv"));
        public string ScoresText => File.ReadAllText(Path.Combine(Folder, "returnee_scores.csv"), Encoding.UTF8);
        public JsonElement Manifest => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, EvaluationRun.ManifestFile))).RootElement;
    }

    public static Evaluation Evaluate(RunSettings settings)
    {
        var result = EvaluationRun.Execute(settings);
        Assert.Equal(result.RowsRead, result.RowsScored + result.RowsRejected + result.RowsOutsidePeriod);
        return new Evaluation(result, settings.OutputFolder);
    }

    public static Evaluation Evaluate(params string[] fixtures) => Evaluate(Settings(fixtures));

    public static ValidationReport Validate(RunSettings settings)
    {
        var result = ValidationRun.Execute(settings, examplesPerReason: 100);
        Assert.Equal(result.RowsRead, result.RowsScored + result.RowsRejected + result.RowsOutsidePeriod);
        return result;
    }

    public static ValidationReport Validate(params string[] fixtures) => Validate(Settings(fixtures));

    /// <summary>Every reject of a validation, in row order (at most 100 per reason).</summary>
    public static IReadOnlyList<Reject> AllRejects(this ValidationReport result) =>
        result.FirstRejects.Values.SelectMany(r => r).OrderBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Row).ToList();

    /// <summary>
    /// A small RFC 4180 reader for the outputs (UTF-8, ',' separated, quoted fields with doubled quotes and line
    /// breaks), written here so that the checks do not go through the library that wrote the files.
    /// </summary>
    public static IReadOnlyList<Dictionary<string, string>> ReadCsv(string path)
    {
        var records = ParseCsv(File.ReadAllText(path, Encoding.UTF8));
        var header = records[0];
        return records.Skip(1).Select(r =>
        {
            Assert.Equal(header.Count, r.Count);
            return header.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        }).ToList();
    }

    public static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
            }
            else field.Append(c);
        }
        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); records.Add(record); }
        return records;
    }
}
