using Avrr.Analytics.Runs.Partials;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Avrr.Analytics.Cli.Commands;

/// <summary>
/// <c>avrr partial seal DIR</c>: makes the tables the SQL recipe wrote into a partial that <c>avrr merge</c> takes,
/// writing its scheme.json and partial.json (docs/partials.md, "The SQL recipe").
/// </summary>
public sealed class PartialSealCommand(IAnsiConsole console) : Command<PartialSealCommand.Settings>
{
    public sealed class Settings : RecipeSettings
    {
        [CommandArgument(0, "<DIR>")]
        [LocalizedDescription("The folder of the tables the recipe wrote.")]
        public string Folder { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var recipe = settings.ToRecipe();
        settings.Plan(recipe);
        var descriptor = PartialSeal.Seal(settings.Folder, recipe);
        console.MarkupLine(Output.TerminalText.Markup(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Sealed {settings.Folder}: {descriptor.RowsScored:N0} surveys in {descriptor.Files.Count} files; merge it with avrr merge.")));
        return (int)ExitCode.Done;
    }
}
