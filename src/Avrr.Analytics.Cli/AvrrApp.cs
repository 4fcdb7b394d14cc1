using Avrr.Analytics.Cli.Commands;
using Avrr.Analytics.Grouping;
using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.Runs.Output;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Results;
using Avrr.Analytics.Schemes;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Avrr.Analytics.Cli;

/// <summary>
/// Wires the commands of avrr and turns failures into exit codes: a usage error prints the command's
/// help and exits 2, a refused input exits 3, anything unexpected exits 4. Tests call it with their own console.
/// </summary>
public static class AvrrApp
{
    public static int Run(string[] args, IAnsiConsole console)
    {
        var app = Build(console);
        try
        {
            return app.Run(args);
        }
        catch (CommandParseException e)
        {
            return Usage(console, args, e.Message);
        }
        catch (CommandRuntimeException e)
        {
            return Usage(console, args, e.Message);
        }
        catch (UsageException e)
        {
            return Usage(console, args, e.Message);
        }
        catch (SettingsException e)
        {
            return Usage(console, args, new SettingSources(null).Word(e));
        }
        catch (SchemeException e)
        {
            console.MarkupLine("[red]error:[/] " + Markup.Escape(e.Message));
            return (int)ExitCode.UsageError;
        }
        catch (OutputFolderException e) when (e.Problem == OutputProblem.Refused)
        {
            console.MarkupLine("[red]error:[/] " + Markup.Escape($"--out {e.Folder}: {e.Message}."));
            console.MarkupLine("Nothing was touched.");
            return (int)ExitCode.UsageError;
        }
        catch (OutputFolderException e)
        {
            console.MarkupLine("[red]the result could not be written:[/] " + Markup.Escape($"--out {e.Folder}: {e.Message}."));
            console.MarkupLine("An earlier result in that folder is kept as it was.");
            return (int)ExitCode.OutputFailed;
        }
        catch (NothingScoredException e)
        {
            console.MarkupLine("[red]nothing to score:[/] " + Markup.Escape(e.Message) + ".");
            console.MarkupLine("Nothing was written.");
            return (int)ExitCode.InputRefused;
        }
        catch (TooManyGroupsException e)
        {
            console.MarkupLine("[red]too many groups:[/] " + Markup.Escape(e.Message) + ".");
            console.MarkupLine("Nothing was written.");
            return (int)ExitCode.InputRefused;
        }
        catch (InputRefusedException e)
        {
            console.MarkupLine("[red]input refused:[/] " + Markup.Escape(e.Message));
            console.MarkupLine("Nothing was written.");
            return (int)ExitCode.InputRefused;
        }
        catch (Exception e)
        {
            console.MarkupLine("[red]the run failed:[/] " + Markup.Escape(e.Message));
            console.MarkupLine("Nothing was written. Please report this error with the command you ran.");
            console.WriteLine(e.ToString());
            return (int)ExitCode.Failed;
        }
    }

    private static CommandApp Build(IAnsiConsole console)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("avrr");
            config.SetApplicationVersion(typeof(AvrrApp).Assembly
                .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
                .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0] ?? "0.0.0");
            config.Settings.Console = console;
            config.Settings.Registrar.RegisterInstance(console);
            config.PropagateExceptions();
            config.Settings.StrictParsing = true;
            config.Settings.ShowOptionDefaultValues = true;
            config.AddCommand<RunCommand>("run")
                .WithDescription("The quarterly evaluation: read, validate, score, estimate and write every output.")
                .WithExample("run", "data-samples/rss-sample.csv", "--out", "results");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Read and validate only: print the accounting and the first rejects; exit 1 when anything is rejected.");
            config.AddBranch("scheme", scheme =>
            {
                scheme.SetDescription("Show or check a scoring scheme.");
                scheme.AddCommand<SchemeShowCommand>("show").WithDescription("Print a scheme as a tree with its weights.");
                scheme.AddCommand<SchemeCheckCommand>("check").WithDescription("Check a scheme file and list every problem.");
            });
            config.AddCommand<SampleCommand>("sample")
                .WithDescription("Write a synthetic survey export (deterministic for a seed).")
                .WithExample("sample", "--rows", "3000", "--seed", "42", "--out", "data-samples/rss-sample.csv");
        });
        return app;
    }

    /// <summary>Prints the problem and one line that points to the command's help, and returns 2.</summary>
    private static int Usage(IAnsiConsole console, string[] args, string message)
    {
        console.MarkupLine("[red]error:[/] " + Markup.Escape(message));
        string[] command = args switch
        {
            ["scheme", "show" or "check", ..] => [args[0], args[1]],
            ["run" or "validate" or "sample" or "scheme", ..] => [args[0]],
            _ => [],
        };
        console.WriteLine($"Run 'avrr {string.Join(' ', [.. command, "--help"])}' for the flags.");
        return (int)ExitCode.UsageError;
    }
}
