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
        var dimensionTotal = scheme.Dimensions.Sum(d => d.Weight.Value);
        foreach (var dimension in scheme.Dimensions)
        {
            var dimensionNode = tree.AddNode(Node(dimension.Id, scheme.Label(dimension.Labels, dimension.Id, lang), dimension.Weight.Value, dimensionTotal));
            var indicatorTotal = dimension.Indicators.Sum(i => i.Weight.Value);
            foreach (var indicator in dimension.Indicators)
            {
                var text = Node(indicator.Id, scheme.Label(indicator.Labels, indicator.Id, lang), indicator.Weight.Value, indicatorTotal);
                if (scheme.Options.CompositeFrom == CompositeSource.Indicators)
                    text += Markup.Escape($"  composite weight {Format(indicator.CompositeWeight!.Value.Value)}");
                var indicatorNode = dimensionNode.AddNode(text);
                var questionTotal = indicator.Questions.Sum(q => q.Weight.Value);
                foreach (var question in indicator.Questions)
                    indicatorNode.AddNode(Node(question.Id, $"scale {question.Scale.Id}", question.Weight.Value, questionTotal));
            }
        }
        console.Write(tree);
        return (int)ExitCode.Done;
    }

    private static string Node(string id, string label, double weight, double total) =>
        $"[bold]{Markup.Escape(id)}[/] {Markup.Escape(label)}  [grey]weight {Markup.Escape(Format(weight))} ({weight / total:P1})[/]";

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Options(SchemeOptions o) => string.Create(CultureInfo.InvariantCulture,
        $"Options: a dimension needs {o.MinDimensionCoverage:P0} of its indicator weight; the composite needs {(o.CompositeRequires == CompositeRequirement.All ? "every dimension" : $"{o.MinCompositeCoverage:P0} of dimension weight")}; bands low < {o.Bands.Medium} ≤ medium < {o.Bands.High} ≤ high.");
}
