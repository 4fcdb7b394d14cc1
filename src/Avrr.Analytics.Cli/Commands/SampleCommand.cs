using System.ComponentModel;
using System.Globalization;
using Avrr.Analytics.IO.Samples;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Avrr.Analytics.Cli.Commands;

/// <summary><c>avrr sample --rows N --seed S --out FILE</c>: a synthetic survey export, identical for the same seed.</summary>
public sealed class SampleCommand(IAnsiConsole console) : Command<SampleCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--rows <N>")]
        [Description("Data rows to write.")]
        [DefaultValue(3000)]
        public int Rows { get; init; } = 3000;

        [CommandOption("--seed <S>")]
        [Description("Seed of the generator: the same seed gives the same file.")]
        [DefaultValue(1)]
        public int Seed { get; init; } = 1;

        [CommandOption("--out <FILE>")]
        [Description("The CSV file to write.")]
        public string? Out { get; init; }

        public override Spectre.Console.ValidationResult Validate() =>
            Rows < 1 ? Spectre.Console.ValidationResult.Error("--rows must be at least 1")
            : string.IsNullOrWhiteSpace(Out) ? Spectre.Console.ValidationResult.Error("--out FILE is required")
            : Spectre.Console.ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(settings.Out!));
        if (folder is not null) Directory.CreateDirectory(folder);
        SampleExport.Write(settings.Out!, settings.Rows, settings.Seed);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {settings.Rows:N0} synthetic survey rows (seed {settings.Seed}) to {settings.Out}"));
        return (int)ExitCode.Done;
    }
}
