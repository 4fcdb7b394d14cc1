using System.ComponentModel;
using System.Globalization;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Avrr.Analytics.Cli.Commands;

/// <summary><c>avrr scheme show [--scheme FILE]</c>: a scheme as a tree with its weights.</summary>
public sealed class SchemeShowCommand(IAnsiConsole console) : Command<SchemeShowCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--scheme <FILE>")]
        [LocalizedDescription("A scheme file; the built-in rss-15 otherwise.")]
        public string? Scheme { get; init; }

        [CommandOption("--lang <LANG>")]
        [LocalizedDescription("Language of the labels and question wording: en or fr (default: the scheme's first).")]
        public string? Lang { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scheme = settings.Scheme is null ? Scheme.Rss15 : SchemeReader.Load(settings.Scheme);
        var lang = settings.Lang?.Trim().ToLowerInvariant() ?? scheme.Languages[0];
        if (!scheme.Languages.Contains(lang))
            throw new UsageException(Said.Of(c => c.Usage.SchemeLanguages, settings.Lang, scheme.Id, string.Join(", ", scheme.Languages)));
        var fr = lang == "fr";
        console.MarkupLine($"[bold]{TerminalText.Markup(scheme.Id)}[/] — {TerminalText.Markup(scheme.Title(lang))}");
        console.WriteLine(TerminalText.Safe($"{(fr ? "origine" : "source")}: {scheme.Origin} (sha256 {scheme.Sha256[..12]}…)"));
        if (scheme.IsBuiltIn)
            console.MarkupLine(fr
                ? "[yellow]Poids : ce sont les poids ÉGAUX intégrés à chaque niveau, pas les poids officiels de MEASURE (qui ne sont pas publics). Chargez un fichier de schéma avec --scheme pour utiliser des poids officiels.[/]"
                : "[yellow]Weights: these are the built-in EQUAL weights at every level, not the official MEASURE weights (which are not public). Load a scheme file with --scheme to use official weights.[/]");
        else
            console.WriteLine(scheme.HasEqualWeights ? (fr ? "Poids : égaux à chaque niveau." : "Weights: equal at every level.")
                : fr ? "Poids : ceux du fichier (part de chaque niveau indiquée)." : "Weights: as given in the file (shares of each level shown).");
        console.WriteLine(Options(scheme.Options, fr));

        var tree = new Tree(fr
            ? $"composite = moyenne pondérée des {(scheme.Options.CompositeFrom == CompositeSource.Dimensions ? "dimensions" : "indicateurs (poids du composite)")}"
            : $"composite = weighted mean of {(scheme.Options.CompositeFrom == CompositeSource.Dimensions ? "dimensions" : "indicators (composite weights)")}");
        // Shares from the weights relative to their largest sibling, as scoring uses them (no overflow near 1e308).
        var dimensionShares = SchemeWeight.Shares(scheme.Dimensions.Select(d => d.Weight));
        foreach (var (dimension, dimensionShare) in scheme.Dimensions.Zip(dimensionShares))
        {
            var dimensionNode = tree.AddNode(Node(dimension.Id, scheme.Label(dimension.Labels, dimension.Id, lang), dimension.Weight.Value, dimensionShare, fr));
            var indicatorShares = SchemeWeight.Shares(dimension.Indicators.Select(i => i.Weight));
            foreach (var (indicator, indicatorShare) in dimension.Indicators.Zip(indicatorShares))
            {
                var text = Node(indicator.Id, scheme.Label(indicator.Labels, indicator.Id, lang), indicator.Weight.Value, indicatorShare, fr);
                if (scheme.Options.CompositeFrom == CompositeSource.Indicators)
                    text += Markup.Escape($"  {(fr ? "poids dans le composite" : "composite weight")} {Format(indicator.CompositeWeight!.Value.Value)}");
                var indicatorNode = dimensionNode.AddNode(text);
                var questionShares = SchemeWeight.Shares(indicator.Questions.Select(q => q.Weight));
                foreach (var (question, questionShare) in indicator.Questions.Zip(questionShares))
                {
                    var wording = question.Text.Count == 0 ? "" : scheme.Label(question.Text, "", lang);
                    var questionNode = indicatorNode.AddNode(Node(question.Id, wording, question.Weight.Value, questionShare, fr));
                    questionNode.AddNode(TerminalText.Markup($"{(fr ? "échelle" : "scale")} {question.Scale.Id}: {Answers(scheme, question.Scale, lang, fr)}"));
                }
            }
        }
        console.Write(tree);
        return (int)ExitCode.Done;
    }

    /// <summary>A scale's answers as a person reads them: each label in the language with its code and score.</summary>
    private static string Answers(Scheme scheme, Scale scale, string lang, bool fr)
    {
        if (scale.IsCount)
            return fr ? $"un nombre entier n ≥ 0, score min(n, {scale.CountMax}) / {scale.CountMax}" : $"a whole number n ≥ 0, scored min(n, {scale.CountMax}) / {scale.CountMax}";
        return string.Join("; ", scale.Choices.Select(c => $"{scheme.Label(c.Labels, c.Code, lang)} ({c.Code} → {Format(c.Score)})"));
    }

    private static string Node(string id, string label, double weight, double share, bool fr) =>
        $"[bold]{TerminalText.Markup(id)}[/] {TerminalText.Markup(label)}  [grey]{(fr ? "poids" : "weight")} {Markup.Escape(Format(weight))} ({Markup.Escape(share.ToString("P1", fr ? Words.French.Culture : CultureInfo.InvariantCulture))})[/]";

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Options(SchemeOptions o, bool fr) => fr
        ? string.Create(Words.French.Culture,
            $"Options : une dimension demande {o.MinDimensionCoverage:P0} du poids de ses indicateurs ; le composite demande {(o.CompositeRequires == CompositeRequirement.All ? "chaque dimension" : $"{o.MinCompositeCoverage:P0} du poids des dimensions")} ; classes low < {o.Bands.Medium} ≤ medium < {o.Bands.High} ≤ high.")
        : string.Create(CultureInfo.InvariantCulture,
            $"Options: a dimension needs {o.MinDimensionCoverage:P0} of its indicator weight; the composite needs {(o.CompositeRequires == CompositeRequirement.All ? "every dimension" : $"{o.MinCompositeCoverage:P0} of dimension weight")}; bands low < {o.Bands.Medium} ≤ medium < {o.Bands.High} ≤ high.");
}
