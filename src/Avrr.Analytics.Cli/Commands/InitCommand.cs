using System.Globalization;
using System.Text;
using System.Text.Json;
using Avrr.Analytics.Checks;
using Avrr.Analytics.Cli.Output;
using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Vocabulary;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Avrr.Analytics.Cli.Commands;

/// <summary>
/// <c>avrr init EXPORT [--out FILE]</c>: reads an export's header, says how each column would be read,
/// proposes the <c>columns</c> mapping for the required columns it cannot find (the nearest header, or a
/// line to fill in), lists the columns to group by, and writes a commented evaluation file to edit and
/// run (docs/commands.md, "avrr init"). An existing file is never overwritten.
/// </summary>
public sealed class InitCommand(IAnsiConsole console) : Command<InitCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<EXPORT>")]
        [LocalizedDescription("A survey export (.csv, .tsv, .txt, .xlsx or .parquet) whose header is read.")]
        public string Export { get; init; } = "";

        [CommandOption("--out <FILE>")]
        [LocalizedDescription("The evaluation file to write (default: evaluation.json); never overwritten.")]
        public string? Out { get; init; }

        [CommandOption("--scheme <FILE>")]
        [LocalizedDescription("A scheme file; the built-in rss-15 otherwise.")]
        public string? Scheme { get; init; }

        [CommandOption("--sheet <NAME>")]
        [LocalizedDescription("The sheet of XLSX inputs (default: the first).")]
        public string? Sheet { get; init; }

        [CommandOption("--lang <LANG>")]
        [LocalizedDescription("Language for people: en or fr (default: en).")]
        public string? Lang { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var words = Words.For(FlagValues.Language(settings.Lang));
        var output = settings.Out ?? "evaluation.json";
        if (File.Exists(output) || Directory.Exists(output))
            throw new UsageException($"--out {output}: the file exists and is never overwritten; give another name, or remove it yourself");
        if (!File.Exists(settings.Export)) throw new IO.Reading.InputRefusedException(settings.Export, "no such file");
        var scheme = settings.Scheme is null ? Schemes.Scheme.Rss15 : SchemeReader.Load(settings.Scheme);
        var headers = SurveyInput.ReadHeaders(settings.Export, settings.Sheet);
        var known = SurveyColumns.Record.Concat(scheme.Questions.Select(q => q.Id)).ToArray();
        var required = SurveyColumns.Required.Concat(scheme.Questions.Select(q => q.Id)).ToArray();
        var (map, problems) = HeaderMap.Analyze(headers, known, required, new Dictionary<string, string>(), scheme.Questions.SelectMany(q => q.Text.Values));
        var found = map.Ids.OfType<string>().ToHashSet(StringComparer.Ordinal);
        var missing = required.Where(id => !found.Contains(id)).ToArray();
        var unread = Enumerable.Range(0, headers.Count).Where(j => map.Roles[j] == ColumnRole.Read && map.Attributes.Contains(map.Ids[j]!)).Select(j => headers[j]).ToList();
        // A missing column is proposed the nearest header that the run would not otherwise read, else one
        // whose name says what it holds (id_beneficiaire for returnee_id, pays for country).
        var proposals = missing.Select(id => (Id: id, Header: HeaderMap.Closest(id, unread) ?? ByName(id, unread))).ToArray();

        console.WriteLine(TerminalText.Safe($"{settings.Export}:"));
        ValidateCommand.Columns(console, words, map, scheme.Questions.Count);
        foreach (var problem in problems.Where(p => p.Contains("both map", StringComparison.Ordinal) || p.Contains("labels", StringComparison.Ordinal)))
            console.MarkupLine("[yellow]" + TerminalText.Markup(problem) + "[/]");

        var attributes = map.Attributes.Where(a => !proposals.Any(p => p.Header is { } h && HeaderMap.Key(h).EndsWith(a, StringComparison.Ordinal))).ToArray();
        var grouping = attributes.Where(a => IdentifyingNames.Why(a) is null).ToArray();
        var text = EvaluationText(settings.Export, output, scheme, map, proposals, grouping, attributes.Except(grouping).ToArray(), settings.Sheet);
        var folder = Path.GetDirectoryName(Path.GetFullPath(output));
        if (folder is not null) Directory.CreateDirectory(folder);
        using (var stream = new FileStream(output, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
            writer.Write(text);

        var fr = words.Language == "fr";
        console.WriteLine(TerminalText.Safe(fr ? $"Fichier d'évaluation écrit : {output}" : $"Wrote the evaluation file {output}"));
        foreach (var (id, header) in proposals)
            console.WriteLine(TerminalText.Safe(header is null
                ? (fr ? $"  {id} : aucune colonne ne lui ressemble ; indiquez son en-tête dans \"columns\"" : $"  {id}: no header looks like it; give its header in \"columns\"")
                : (fr ? $"  {id} : '{header}' est proposé dans \"columns\" ; vérifiez-le" : $"  {id}: '{header}' is proposed in \"columns\"; check it")));
        if (grouping.Length > 0)
            console.WriteLine(TerminalText.Safe((fr ? "Colonnes pour grouper : " : "Columns to group by: ") + string.Join(", ", grouping)));
        console.WriteLine(TerminalText.Safe(fr ? $"Modifiez-le, puis : avrr validate --config {output} et avrr run --config {output}"
            : $"Edit it, then: avrr validate --config {output} and avrr run --config {output}"));
        return (int)ExitCode.Done;
    }

    // Words of a header's last part that say which record column it holds, in the languages of the forms.
    private static readonly Dictionary<string, string[]> Synonyms = new(StringComparer.Ordinal)
    {
        [SurveyColumns.ReturneeId] = ["id", "identifiant", "beneficiaire", "beneficiary", "case", "dossier", "code"],
        [SurveyColumns.Country] = ["pays", "country"],
        [SurveyColumns.Community] = ["communaute", "commune", "village", "localite", "locality", "district"],
        [SurveyColumns.SurveyDate] = ["date", "date_enquete", "date_entretien", "interview_date"],
    };

    private static string? ByName(string id, IReadOnlyList<string> headers)
    {
        if (!Synonyms.TryGetValue(id, out var words)) return null;
        return headers.FirstOrDefault(h =>
        {
            var last = AnswerText.Normalize(HeaderMap.Key(h)[(HeaderMap.Key(h).LastIndexOf('/') + 1)..]);
            return words.Contains(last) || last.Split(['_', '-', ' ', '.']).Any(words.Contains);
        });
    }

    private static string Json(string text) => JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The evaluation file: JSON with comments, every key the run reads with what it does.</summary>
    private static string EvaluationText(string export, string output, Scheme scheme, HeaderMap map, (string Id, string? Header)[] proposals,
        string[] grouping, string[] identifying, string? sheet)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
        var input = Path.GetRelativePath(folder, Path.GetFullPath(export)).Replace('\\', '/');
        var b = new StringBuilder();
        b.AppendLine($"// Evaluation file made by `avrr init` from {input}.");
        b.AppendLine("// Edit it, then check it with `avrr validate --config THIS-FILE` and run it with `avrr run --config THIS-FILE`.");
        b.AppendLine("// Every key is explained in docs/commands.md (\"The evaluation file\"); relative paths are relative to this file's folder.");
        b.AppendLine("{");
        b.AppendLine($"  \"inputs\": [{Json(input)}],");
        b.AppendLine("  \"out\": \"results\",");
        b.AppendLine(scheme.IsBuiltIn ? "  \"scheme\": null,                 // null: the built-in rss-15 (equal weights); or a scheme file" : $"  \"scheme\": {Json(scheme.Origin)},");
        b.AppendLine("  // The export's columns that hold what the run needs under another name: the run id, then the export's header.");
        b.AppendLine("  \"columns\": {");
        var lines = proposals.Select(p => p.Header is null
            ? $"    // {Json(p.Id)}: \"HEADER\",   (no header looks like it: write the header that holds {p.Id}, then remove the //)"
            : $"    {Json(p.Id)}: {Json(p.Header)},   // proposed: check that it holds {p.Id}").ToList();
        // Trailing commas are allowed in an evaluation file, so every entry keeps one and any can be removed.
        foreach (var line in lines) b.AppendLine(line);
        b.AppendLine("  },");
        b.AppendLine("  // Levels to estimate besides all, country, country+community and country+quarter (up to 4 columns joined by +).");
        b.AppendLine(grouping.Length == 0
            ? "  // The export has no other column to group by."
            : $"  // Columns of this export to group by: {string.Join(", ", grouping)}.");
        if (identifying.Length > 0)
            b.AppendLine($"  // Not proposed (they look identifying; validate says why): {string.Join(", ", identifying)}.");
        b.AppendLine($"  \"levels\": [{string.Join(", ", grouping.Take(2).Select(Json))}],");
        b.AppendLine(map.HasWeight ? "  \"weight\": \"weight\",             // the column of sampling weights" : "  \"weight\": null,                 // the column of sampling weights; null: every survey weighs 1");
        b.AppendLine("  \"cluster\": null,                // the column of clusters (PSUs) of the survey design, e.g. \"community\"");
        b.AppendLine("  \"strata\": null,                 // the column of strata of the survey design");
        b.AppendLine("  \"dateFormat\": null,             // the form of survey_date when it is not ISO 8601, e.g. \"dd/MM/yyyy\"");
        b.AppendLine("  \"period\": null,                 // only the surveys of a quarter, e.g. \"2025-Q3\" (Kobo exports are cumulative)");
        b.AppendLine("  \"keep\": \"first\",                // which submission of a repeated survey is kept: \"first\" or \"last\"");
        b.AppendLine($"  \"sheet\": {(sheet is null ? "null" : Json(sheet))},                  // the sheet of an XLSX export; null: the first");
        b.AppendLine("  \"recode\": {},                   // spellings of one value, e.g. {\"country\": {\"Sénégal\": \"SEN\", \"Senegal\": \"SEN\"}}");
        b.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  \"minCell\": 5,                   // statistics of a group of fewer surveys are withheld"));
        b.AppendLine("  \"lang\": \"en\"                    // en or fr: the summary, the messages and rejects.csv's messages");
        b.AppendLine("}");
        return b.ToString();
    }
}
