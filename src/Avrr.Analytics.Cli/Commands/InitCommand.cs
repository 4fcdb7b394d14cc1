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
/// <c>avrr init EXPORT [--out FILE] [--lang fr]</c>: reads an export's header, says how each column would be
/// read, proposes the <c>columns</c> mapping (and the weight column) for the record columns it cannot find
/// under their own names (the names and labels field teams use in French and English, <see cref="RecordColumnNames"/>;
/// the nearest header for a misspelt required one; or a line to fill in), asks in a comment where it is
/// unsure, lists the columns to group by (never an id, a date or a weight), and writes a commented
/// evaluation file in the language asked for (docs/commands.md, "avrr init"). An existing file is never
/// overwritten. Every text from the export is escaped where it is written, so that the file stays JSON.
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
        var fr = words.IsFrench;
        var output = settings.Out ?? "evaluation.json";
        if (File.Exists(output) || Directory.Exists(output))
            throw new UsageException($"--out {output}: the file exists and is never overwritten; give another name, or remove it yourself")
            {
                French = $"--out {output} : le fichier existe et n'est jamais remplacé ; donnez un autre nom, ou supprimez-le vous-même",
            };
        if (!File.Exists(settings.Export)) throw new IO.Reading.InputRefusedException(settings.Export, Said.Of(t => t.Refusals.NoSuchFile));
        var scheme = settings.Scheme is null ? Schemes.Scheme.Rss15 : SchemeReader.Load(settings.Scheme);
        var headers = SurveyInput.ReadHeaders(settings.Export, settings.Sheet);
        var known = SurveyColumns.Record.Concat(scheme.Questions.Select(q => q.Id)).ToArray();
        var required = SurveyColumns.Required.Concat(scheme.Questions.Select(q => q.Id)).ToArray();
        var (map, problems) = HeaderMap.AnalyzeSaid(headers, known, required, new Dictionary<string, string>(), scheme.Questions.SelectMany(q => q.Text.Values));
        var proposals = Propose(map, headers);

        console.WriteLine(TerminalText.Safe($"{settings.Export}:"));
        ValidateCommand.Columns(console, words, map, scheme.Questions.Count);
        // The problems that init cannot settle by a proposal (chosen by their English, said in the language asked for).
        foreach (var problem in problems.Where(p => p.English.Contains("both map", StringComparison.Ordinal) || p.English.Contains("labels", StringComparison.Ordinal)))
            console.MarkupLine("[yellow]" + TerminalText.Markup(problem.In(Catalogue.Of(settings.Lang))) + "[/]");

        var proposed = proposals.Where(p => p.Header is not null).Select(p => map.Ids[headers.ToList().IndexOf(p.Header!)]).ToHashSet(StringComparer.Ordinal);
        var attributes = map.Attributes.Where(a => !proposed.Contains(a)).ToArray();
        // A level is a place, a time or an attribute: never an id, a date or a weight, even under another name.
        var neverLevels = attributes.Where(a => IdentifyingNames.Why(a) is null && RecordColumnNames.IsNeverALevel(a)).ToArray();
        var grouping = attributes.Where(a => IdentifyingNames.Why(a) is null && !neverLevels.Contains(a)).ToArray();
        var identifying = attributes.Where(a => IdentifyingNames.Why(a) is not null).ToArray();
        var text = EvaluationText(settings.Export, output, scheme, map, proposals, grouping, identifying, neverLevels, settings.Sheet, fr);
        var folder = Path.GetDirectoryName(Path.GetFullPath(output));
        if (folder is not null) Directory.CreateDirectory(folder);
        using (var stream = new FileStream(output, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
            writer.Write(text);

        console.WriteLine(TerminalText.Safe(fr ? $"Fichier d'évaluation écrit : {output}" : $"Wrote the evaluation file {output}"));
        foreach (var p in proposals)
            console.WriteLine(TerminalText.Safe(p.Header is null
                ? (p.Id == SurveyColumns.Weight
                    ? (fr ? "  weight : aucune colonne de poids trouvée ; indiquez-la dans \"weight\", ou écrivez \"weight\": null si l'enquête n'a pas de poids"
                          : "  weight: no column of weights found; name it in \"weight\", or write \"weight\": null if the survey has no weights")
                    : (fr ? $"  {p.Id} : aucune colonne ne lui ressemble ; indiquez son en-tête dans \"columns\"" : $"  {p.Id}: no header looks like it; give its header in \"columns\""))
                : (fr ? $"  {p.Id} : '{p.Header}' est proposé dans \"{Key(p.Id)}\" ; vérifiez-le" : $"  {p.Id}: '{p.Header}' is proposed in \"{Key(p.Id)}\"; check it")
                  + (p.Others.Length == 0 ? "" : fr ? $" (ou {string.Join(", ", p.Others.Select(o => $"'{o}'"))} ?)" : $" (or {string.Join(", ", p.Others.Select(o => $"'{o}'"))}?)")));
        if (grouping.Length > 0)
            console.WriteLine(TerminalText.Safe((fr ? "Colonnes pour grouper : " : "Columns to group by: ") + string.Join(", ", grouping)));
        console.WriteLine(TerminalText.Safe(fr ? $"Modifiez-le, puis : avrr validate --config {output} et avrr run --config {output}"
            : $"Edit it, then: avrr validate --config {output} and avrr run --config {output}"));
        return (int)ExitCode.Done;
    }

    /// <summary>A record column init proposes a header for: the header (null: none found), others that could be it, and whether only a word or the spelling of its name matched.</summary>
    private sealed record Proposal(string Id, string? Header, string[] Others, bool Near);

    /// <summary>The key of the evaluation file where a record column's header goes: "weight" for the weights, "columns" for the others.</summary>
    private static string Key(string id) => id == SurveyColumns.Weight ? "weight" : "columns";

    /// <summary>
    /// For each record column the run would not find under its own name: the export's columns whose name or
    /// label says they hold it (whole names before single words, then header order), else for a required
    /// column the nearest header (a misspelling). Unsure when only a word of the name matched, when the header
    /// is only near, or when several could be it; a header is proposed for one column only.
    /// </summary>
    private static List<Proposal> Propose(HeaderMap map, IReadOnlyList<string> headers)
    {
        var found = map.Ids.OfType<string>().ToHashSet(StringComparer.Ordinal);
        var free = Enumerable.Range(0, headers.Count).Where(j => map.Roles[j] == ColumnRole.Read && map.Attributes.Contains(map.Ids[j]!)).Select(j => headers[j]).ToList();
        var proposals = new List<Proposal>();
        foreach (var id in SurveyColumns.Record.Where(id => !found.Contains(id)))
        {
            var named = free.Select(h => (Header: h, Match: RecordColumnNames.Match(h))).Where(c => c.Match?.Id == id)
                .OrderBy(c => c.Match!.Value.Certainty).Select(c => (c.Header, Sure: c.Match!.Value.Certainty == RecordColumnNames.Certainty.Name)).ToList();
            if (named.Count > 0)
            {
                proposals.Add(new Proposal(id, named[0].Header, named.Skip(1).Select(c => c.Header).ToArray(), !named[0].Sure));
                free.Remove(named[0].Header);
                continue;
            }
            var near = SurveyColumns.Required.Contains(id) ? HeaderMap.Closest(id, free) : null;
            if (near is not null) free.Remove(near);
            // Optional columns with no header are left out, except the weights, whose absence changes every number.
            if (near is not null || SurveyColumns.Required.Contains(id) || id == SurveyColumns.Weight) proposals.Add(new Proposal(id, near, [], near is not null));
        }
        return proposals;
    }

    /// <summary>A JSON string, every character that could end a line or hide itself escaped (U+2028 ends a // comment).</summary>
    private static string Json(string text) => Safe(JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    /// <summary>
    /// A text from the export as written in a comment or a string of the file: control characters, line and paragraph
    /// separators, invisible format characters and lone surrogates as \uXXXX, so that a // comment ends where init ends it.
    /// </summary>
    internal static string Safe(string text)
    {
        var b = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { b.Append(c).Append(text[++i]); continue; }
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate)
                b.Append(string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"));
            else b.Append(c);
        }
        return b.ToString();
    }

    /// <summary>The evaluation file: JSON with comments, every key the run reads with what it does, in English or French.</summary>
    private static string EvaluationText(string export, string output, Scheme scheme, HeaderMap map, List<Proposal> proposals,
        string[] grouping, string[] identifying, string[] neverLevels, string? sheet, bool fr)
    {
        string L(string en, string french) => fr ? french : en;
        var folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
        var input = Path.GetRelativePath(folder, Path.GetFullPath(export)).Replace('\\', '/');
        var b = new StringBuilder();
        b.AppendLine(L($"// Evaluation file made by `avrr init` from {Safe(input)}.", $"// Fichier d'évaluation fait par `avrr init` à partir de {Safe(input)}."));
        b.AppendLine(L("// Edit it, then check it with `avrr validate --config THIS-FILE` and run it with `avrr run --config THIS-FILE`.",
            "// Modifiez-le, puis vérifiez-le avec `avrr validate --config CE-FICHIER` et lancez-le avec `avrr run --config CE-FICHIER`."));
        b.AppendLine(L("// Every key is explained in docs/commands.md (\"The evaluation file\"); relative paths are relative to this file's folder.",
            "// Chaque clé est expliquée dans docs/commands.md (« The evaluation file ») ; les chemins relatifs partent du dossier de ce fichier."));
        b.AppendLine("{");
        b.AppendLine($"  \"inputs\": [{Json(input)}],");
        b.AppendLine("  \"out\": \"results\",");
        b.AppendLine(scheme.IsBuiltIn
            ? L("  \"scheme\": null,                 // null: the built-in rss-15 (equal weights); or a scheme file",
                "  \"scheme\": null,                 // null : le schéma intégré rss-15 (poids égaux) ; ou un fichier de schéma")
            : $"  \"scheme\": {Json(scheme.Origin)},");
        b.AppendLine(L("  // The export's columns that hold what the run needs under another name: the run id, then the export's header.",
            "  // Les colonnes de l'export qui contiennent ce dont l'évaluation a besoin sous un autre nom : le nom de l'évaluation, puis l'en-tête de l'export."));
        b.AppendLine("  \"columns\": {");
        // Trailing commas are allowed in an evaluation file, so every entry keeps one and any can be removed.
        foreach (var p in proposals.Where(p => p.Id != SurveyColumns.Weight))
        {
            if (p.Header is null)
            {
                b.AppendLine(L($"    // {Json(p.Id)}: \"HEADER\",   (no header looks like it: write the header that holds {p.Id}, then remove the //)",
                    $"    // {Json(p.Id)}: \"EN-TÊTE\",   (aucun en-tête ne lui ressemble : écrivez l'en-tête qui contient {p.Id}, puis enlevez les //)"));
                continue;
            }
            b.AppendLine($"    {Json(p.Id)}: {Json(p.Header)},   " + Check(p, L));
        }
        b.AppendLine("  },");
        b.AppendLine(L("  // Levels to estimate besides all, country, country+community and country+quarter (up to 4 columns joined by +).",
            "  // Niveaux à estimer en plus de all, country, country+community et country+quarter (jusqu'à 4 colonnes jointes par +)."));
        b.AppendLine(grouping.Length == 0
            ? L("  // The export has no other column to group by.", "  // L'export n'a pas d'autre colonne pour grouper.")
            : L($"  // Columns of this export to group by: {Safe(string.Join(", ", grouping))}.", $"  // Colonnes de cet export pour grouper : {Safe(string.Join(", ", grouping))}."));
        if (identifying.Length > 0)
            b.AppendLine(L($"  // Not proposed (they look identifying; validate says why): {Safe(string.Join(", ", identifying))}.",
                $"  // Non proposées (elles semblent identifiantes ; validate dit pourquoi) : {Safe(string.Join(", ", identifying))}."));
        if (neverLevels.Length > 0)
            b.AppendLine(L($"  // Not proposed (an id, a date or weights is never a group): {Safe(string.Join(", ", neverLevels))}.",
                $"  // Non proposées (un identifiant, une date ou des poids ne font jamais un groupe) : {Safe(string.Join(", ", neverLevels))}."));
        b.AppendLine($"  \"levels\": [{string.Join(", ", grouping.Take(2).Select(Json))}],");
        var weight = proposals.FirstOrDefault(p => p.Id == SurveyColumns.Weight);
        if (map.HasWeight)
            b.AppendLine(L("  \"weight\": \"weight\",             // the column of sampling weights", "  \"weight\": \"weight\",             // la colonne des poids de sondage"));
        else if (weight?.Header is { } header)
            b.AppendLine($"  \"weight\": {Json(header)},   " + L("// the column of sampling weights; ", "// la colonne des poids de sondage ; ") + Check(weight, L)[3..]);
        else
        {
            // Never "weight": null here: that says the survey has no weights on purpose, and silences the run's warning.
            b.AppendLine(L("  // No column of sampling weights was found. If the export has one, name it: \"weight\": \"HEADER\",",
                "  // Aucune colonne de poids de sondage trouvée. Si l'export en a une, indiquez-la : \"weight\": \"EN-TÊTE\","));
            b.AppendLine(L("  // if the survey has no weights, write \"weight\": null, (every survey then weighs 1, and the run does not warn).",
                "  // si l'enquête n'a pas de poids, écrivez \"weight\": null, (chaque enquête pèse alors 1, et l'évaluation ne prévient pas)."));
        }
        b.AppendLine(L("  \"cluster\": null,                // the column of clusters (PSUs) of the survey design, e.g. \"community\"",
            "  \"cluster\": null,                // la colonne des grappes (UPE) du plan de sondage, par ex. \"community\""));
        b.AppendLine(L("  \"strata\": null,                 // the column of strata of the survey design", "  \"strata\": null,                 // la colonne des strates du plan de sondage"));
        b.AppendLine(L("  \"dateFormat\": null,             // the form of survey_date when it is not ISO 8601, e.g. \"dd/MM/yyyy\"",
            "  \"dateFormat\": null,             // la forme de survey_date quand elle n'est pas ISO 8601, par ex. \"dd/MM/yyyy\""));
        b.AppendLine(L("  \"period\": null,                 // only the surveys of a quarter, e.g. \"2025-Q3\" (Kobo exports are cumulative)",
            "  \"period\": null,                 // seulement les enquêtes d'un trimestre, par ex. \"2025-Q3\" (les exports Kobo sont cumulatifs)"));
        b.AppendLine(L("  \"keep\": \"first\",                // which submission of a repeated survey is kept: \"first\" or \"last\"",
            "  \"keep\": \"first\",                // la soumission gardée d'une enquête répétée : \"first\" (la première) ou \"last\" (la dernière)"));
        b.AppendLine($"  \"sheet\": {(sheet is null ? "null" : Json(sheet))},                  " + L("// the sheet of an XLSX export; null: the first", "// la feuille d'un export XLSX ; null : la première"));
        b.AppendLine(L("  \"recode\": {},                   // spellings of one value, e.g. {\"country\": {\"Sénégal\": \"SEN\", \"Senegal\": \"SEN\"}}",
            "  \"recode\": {},                   // graphies d'une même valeur, par ex. {\"country\": {\"Sénégal\": \"SEN\", \"Senegal\": \"SEN\"}}"));
        b.AppendLine(L("  \"minCell\": 5,                   // statistics of a group of fewer surveys are withheld",
            "  \"minCell\": 5,                   // les statistiques d'un groupe de moins d'enquêtes sont masquées"));
        b.AppendLine(L("  \"lang\": \"en\"                    // en or fr: the summary, the messages, the report and rejects.csv's messages",
            "  \"lang\": \"fr\"                    // en ou fr : le résumé, les messages, le rapport et les messages de rejects.csv"));
        b.AppendLine("}");
        return b.ToString();
    }

    /// <summary>The comment after a proposed header: check it, and when init is unsure, why and what else it could be.</summary>
    private static string Check(Proposal p, Func<string, string, string> L)
    {
        var line = L($"// proposed: check that it holds {p.Id}", $"// proposé : vérifiez qu'il contient {p.Id}");
        if (p.Near) line += L(" (unsure: only a word or the spelling of its name is near)", " (incertain : seul un mot ou l'orthographe de son nom est proche)");
        if (p.Others.Length > 0) line += L($"; unsure: or is it {string.Join(", ", p.Others.Select(Json))}?", $" ; incertain : ou est-ce {string.Join(", ", p.Others.Select(Json))} ?");
        return line;
    }
}
