using System.ComponentModel;
using System.Globalization;
using Avrr.Analytics.Schemes;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Avrr.Analytics.Cli.Commands;

/// <summary><c>avrr scheme show [--scheme FILE]</c>: a scheme as a tree with its weights.</summary>
public sealed class SchemeShowCommand(IAnsiConsole console) : Command<SchemeShowCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--scheme <FILE>")]
        [Description("A scheme file; the built-in rss-15 otherwise.")]
        public string? Scheme { get; init; }

        [CommandOption("--lang <LANG>")]
        [Description("Language of the labels (default: the scheme's first).")]
        public string? Lang { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scheme = settings.Scheme is null ? Scheme.Rss15 : SchemeReader.Load(settings.Scheme);
        var lang = settings.Lang ?? scheme.Languages[0];
        console.MarkupLine($"[bold]{Markup.Escape(scheme.Id)}[/] — {Markup.Escape(scheme.Name)}");
        console.WriteLine($"source: {scheme.Origin} (sha256 {scheme.Sha256[..12]}…)");
        if (scheme.IsBuiltIn)
            console.MarkupLine("[yellow]Weights: these are the built-in EQUAL weights at every level, not the official MEASURE weights (which are not public). Load a scheme file with --scheme to use official weights.[/]");
        else
            console.WriteLine(scheme.HasEqualWeights ? "Weights: equal at every level." : "Weights: as given in the file (shares of each level shown).");
        console.WriteLine(Options(scheme.Options));

        var tree = new Tree($"composite = weighted mean of {(scheme.Options.CompositeFrom == CompositeSource.Dimensions ? "dimensions" : "indicators (composite weights)")}");
        // Shares from the weights relative to their largest sibling, as scoring uses them (no overflow near 1e308).
        var dimensionShares = SchemeWeight.Shares(scheme.Dimensions.Select(d => d.Weight));
        foreach (var (dimension, dimensionShare) in scheme.Dimensions.Zip(dimensionShares))
        {
            var dimensionNode = tree.AddNode(Node(dimension.Id, scheme.Label(dimension.Labels, dimension.Id, lang), dimension.Weight.Value, dimensionShare));
            var indicatorShares = SchemeWeight.Shares(dimension.Indicators.Select(i => i.Weight));
            foreach (var (indicator, indicatorShare) in dimension.Indicators.Zip(indicatorShares))
            {
                var text = Node(indicator.Id, scheme.Label(indicator.Labels, indicator.Id, lang), indicator.Weight.Value, indicatorShare);
                if (scheme.Options.CompositeFrom == CompositeSource.Indicators)
                    text += Markup.Escape($"  composite weight {Format(indicator.CompositeWeight!.Value.Value)}");
                var indicatorNode = dimensionNode.AddNode(text);
                var questionShares = SchemeWeight.Shares(indicator.Questions.Select(q => q.Weight));
                foreach (var (question, questionShare) in indicator.Questions.Zip(questionShares))
                    indicatorNode.AddNode(Node(question.Id, $"scale {question.Scale.Id}", question.Weight.Value, questionShare));
            }
        }
        console.Write(tree);
        return (int)ExitCode.Done;
    }

    private static string Node(string id, string label, double weight, double share) =>
        $"[bold]{Markup.Escape(id)}[/] {Markup.Escape(label)}  [grey]weight {Markup.Escape(Format(weight))} ({share:P1})[/]";

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Options(SchemeOptions o) => string.Create(CultureInfo.InvariantCulture,
        $"Options: a dimension needs {o.MinDimensionCoverage:P0} of its indicator weight; the composite needs {(o.CompositeRequires == CompositeRequirement.All ? "every dimension" : $"{o.MinCompositeCoverage:P0} of dimension weight")}; bands low < {o.Bands.Medium} ≤ medium < {o.Bands.High} ≤ high.");
}
