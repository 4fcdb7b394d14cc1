using Avrr.Analytics.Cli.Commands;
using Avrr.Analytics.Cli.Output;
using Avrr.Analytics.Vocabulary;
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
/// Wires the commands of avrr and turns failures into exit codes: a usage error prints the problem and
/// one line pointing to the command's help and exits 2, a refused input exits 3, anything unexpected
/// exits 4. Every text from the data is printed with its control characters escaped (TerminalText).
/// Tests call it with their own consoles.
/// </summary>
public static class AvrrApp
{
    /// <summary>Runs avrr; <paramref name="progress"/> is where progress goes (standard error for the runner; the console itself when null).</summary>
    public static int Run(string[] args, IAnsiConsole console, IAnsiConsole? progress = null)
    {
        var catalogue = Catalogue.Of(CommandLanguage.Of(args));
        var words = catalogue.Console;
        HelpText.Language = words.Language;
        var app = Build(console, new ProgressConsole(progress ?? console), words);
        try
        {
            CheckLanguage(args);
            return app.Run(args);
        }
        catch (CommandParseException e)
        {
            return Usage(console, words, args, WithSuggestion(args, e.Message, catalogue));
        }
        catch (CommandRuntimeException e)
        {
            return Usage(console, words, args, WithSuggestion(args, e.Message, catalogue));
        }
        catch (UsageException e)
        {
            return Usage(console, words, args, words.IsFrench && e.French is { } french ? french : e.Message);
        }
        catch (SettingsException e)
        {
            return Usage(console, words, args, new SettingSources(null).Word(e).In(catalogue));
        }
        catch (SchemeException e)
        {
            console.MarkupLine($"[red]{words.Error}[/] " + TerminalText.Markup(e.Message));
            return (int)ExitCode.UsageError;
        }
        catch (OutputFolderException e) when (e.Problem == OutputProblem.Refused)
        {
            console.MarkupLine($"[red]{words.Error}[/] " + TerminalText.Markup($"{SettingNames.Flag(e.Setting)} {e.Folder}: {e.MessageIn(catalogue.Language)}."));
            console.MarkupLine(words.NothingTouched);
            return (int)ExitCode.UsageError;
        }
        catch (OutputFolderException e)
        {
            console.MarkupLine($"[red]{catalogue.Usage.NotWritten}[/] " + TerminalText.Markup($"{SettingNames.Flag(e.Setting)} {e.Folder}: {e.MessageIn(catalogue.Language)}."));
            // Said only when there is one: a run into a new folder has nothing to keep.
            var earlier = Directory.Exists(e.Folder) && File.Exists(Path.Combine(e.Folder, Runs.EvaluationRun.ManifestFile));
            console.MarkupLine(earlier ? words.EarlierKept : words.NothingWritten);
            return (int)ExitCode.OutputFailed;
        }
        catch (Runs.Merging.PartialRefusedException e)
        {
            console.MarkupLine($"[red]{words.PartialRefused}[/] " + TerminalText.Markup($"{e.Partial}: {e.Message}."));
            console.MarkupLine(words.NothingWritten);
            return (int)ExitCode.InputRefused;
        }
        catch (NothingScoredException e)
        {
            console.MarkupLine($"[red]{words.NothingToScore}[/] " + TerminalText.Markup(e.MessageIn(catalogue.Language)) + ".");
            console.MarkupLine(words.NothingWritten);
            return (int)ExitCode.InputRefused;
        }
        catch (TooManyGroupsException e)
        {
            console.MarkupLine($"[red]{catalogue.Usage.TooManyGroups}[/] " + Markup.Escape(e.Message) + ".");
            console.MarkupLine(words.NothingWritten);
            return (int)ExitCode.InputRefused;
        }
        catch (InputRefusedException e)
        {
            console.MarkupLine($"[red]{words.InputRefused}[/] " + TerminalText.Markup($"{e.Path}: {e.ProblemIn(catalogue.Language)}"));
            console.MarkupLine(words.NothingWritten);
            return (int)ExitCode.InputRefused;
        }
        catch (Exception e)
        {
            console.MarkupLine($"[red]{catalogue.Usage.Failed}[/] " + TerminalText.Markup(e.Message));
            console.MarkupLine(catalogue.Usage.PleaseReport);
            console.WriteLine(TerminalText.SafeLines(e.ToString()));
            return (int)ExitCode.Failed;
        }
    }

    /// <summary>
    /// A language that avrr cannot speak is an error for every command, before anything else: run, validate
    /// and scheme show also accept a language of the scheme's labels (checked with the scheme).
    /// </summary>
    private static void CheckLanguage(string[] args)
    {
        var i = Array.FindIndex(args, a => string.Equals(a, "--lang", StringComparison.OrdinalIgnoreCase));
        if (i < 0 || i + 1 >= args.Length) return;
        var lang = args[i + 1].Trim().ToLowerInvariant();
        if (lang is "en" or "fr") return;
        if (args is ["run" or "validate", ..] or ["scheme", "show", ..] && args.Any(a => a is "--scheme" or "--config")) return;
        throw new UsageException(Said.Of(c => c.Usage.UnknownLanguage, args[i + 1]));
    }

    private static CommandApp Build(IAnsiConsole console, ProgressConsole progress, Words words)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("avrr");
            config.SetApplicationVersion(typeof(AvrrApp).Assembly
                .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
                .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0] ?? "0.0.0");
            if (words.IsFrench) config.SetApplicationCulture(System.Globalization.CultureInfo.GetCultureInfo("fr"));
            config.Settings.Console = console;
            config.Settings.Registrar.RegisterInstance(console);
            config.Settings.Registrar.RegisterInstance(progress);
            config.PropagateExceptions();
            config.Settings.StrictParsing = true;
            config.Settings.ShowOptionDefaultValues = true;
            config.AddCommand<RunCommand>("run")
                .WithDescription(HelpText.For("The quarterly evaluation: read, validate, score, estimate and write every output."))
                .WithExample("run", "data-samples/rss-sample.csv", "--out", "results");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription(HelpText.For("Read and validate only: print the accounting, how each column is read, the checks and the first rejects; exit 1 when anything is rejected."));
            config.AddCommand<InitCommand>("init")
                .WithDescription(HelpText.For("Read an export's header and write an evaluation file to edit and run."))
                .WithExample("init", "exports/RSS_2025_Q3.csv", "--out", "evaluation.json");
            config.AddCommand<MergeCommand>("merge")
                .WithDescription(HelpText.For("Merge partials of several runs (offices, quarters) into the tables and the report of one run over all their surveys."))
                .WithExample("merge", "partials/SEN", "partials/MLI", "--out", "results-all");
            config.AddBranch("partial", partial =>
            {
                partial.SetDescription(HelpText.For("Partials made outside a run: the SQL recipe for a data lake, and sealing its tables."));
                partial.AddCommand<PartialSqlCommand>("sql").WithDescription(HelpText.For("Print the SQL recipe (DuckDB or Spark) that computes a partial's tables from a returnee_scores tree."));
                partial.AddCommand<PartialSealCommand>("seal").WithDescription(HelpText.For("Make the tables the SQL recipe wrote into a partial that avrr merge takes."));
            });
            config.AddCommand<ReportCommand>("report")
                .WithDescription(HelpText.For("Make report.html again from a result folder, in English or French, without the inputs."))
                .WithExample("report", "results", "--lang", "fr", "--out", "rapport.html");
            config.AddBranch("scheme", scheme =>
            {
                scheme.SetDescription(HelpText.For("Show or check a scoring scheme."));
                scheme.AddCommand<SchemeShowCommand>("show").WithDescription(HelpText.For("Print a scheme as a tree with its weights, question wording and answer labels."));
                scheme.AddCommand<SchemeCheckCommand>("check").WithDescription(HelpText.For("Check a scheme file and list every problem."));
            });
            config.AddCommand<SampleCommand>("sample")
                .WithDescription(HelpText.For("Write a synthetic survey export (deterministic for a seed), as CSV or XLSX."))
                .WithExample("sample", "--rows", "3000", "--seed", "42", "--out", "data-samples/rss-sample.csv");
        });
        return app;
    }

    /// <summary>The settings type of the command the arguments name, for "did you mean".</summary>
    private static Type? SettingsOf(string[] args) => args switch
    {
        ["run", ..] => typeof(RunCommand.Settings),
        ["validate", ..] => typeof(ValidateCommand.Settings),
        ["init", ..] => typeof(InitCommand.Settings),
        ["merge", ..] => typeof(MergeCommand.Settings),
        ["partial", "sql", ..] => typeof(PartialSqlCommand.Settings),
        ["partial", "seal", ..] => typeof(PartialSealCommand.Settings),
        ["sample", ..] => typeof(SampleCommand.Settings),
        ["scheme", "show", ..] => typeof(SchemeShowCommand.Settings),
        ["scheme", "check", ..] => typeof(SchemeCheckCommand.Settings),
        _ => null,
    };

    /// <summary>An unknown flag's message with the nearest flag of the command, when one is near enough to be a typo.</summary>
    private static string WithSuggestion(string[] args, string english, Catalogue catalogue)
    {
        var message = catalogue.Usage.Parser(english);
        var match = System.Text.RegularExpressions.Regex.Match(english, "Unknown option '([^']+)'");
        if (!match.Success || SettingsOf(args) is not { } settings) return message;
        var flags = settings.GetProperties()
            .SelectMany(p => p.GetCustomAttributes(typeof(CommandOptionAttribute), true).Cast<CommandOptionAttribute>())
            .SelectMany(o => o.LongNames.Select(n => "--" + n))
            .ToArray();
        var unknown = match.Groups[1].Value;
        var nearest = EditDistance.Nearest(unknown.TrimStart('-'), flags.Select(f => f[2..]));
        return nearest is null ? message : message.TrimEnd('.') + catalogue.Format(catalogue.Usage.DidYouMean, nearest);
    }

    /// <summary>Prints the problem and one line that points to the command's help, and returns 2.</summary>
    private static int Usage(IAnsiConsole console, Words words, string[] args, string message)
    {
        console.MarkupLine($"[red]{words.Error}[/] " + Markup.Escape(TerminalText.SafeLines(message)));
        string[] command = args switch
        {
            ["scheme", "show" or "check", ..] => [args[0], args[1]],
            ["partial", "sql" or "seal", ..] => [args[0], args[1]],
            ["run" or "validate" or "sample" or "scheme" or "init" or "report" or "merge", ..] => [args[0]],
            _ => [],
        };
        console.WriteLine(words.Format(words.SeeHelp, string.Join(' ', [.. command, "--help"])));
        return (int)ExitCode.UsageError;
    }
}
