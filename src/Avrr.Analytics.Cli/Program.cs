using Avrr.Analytics.Cli;

var console = Spectre.Console.AnsiConsole.Console;
// Progress goes to standard error, so that standard output (a summary, a report) can be kept or piped alone.
var progress = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
{
    Out = new Spectre.Console.AnsiConsoleOutput(Console.Error),
});
// Piped into a log or a scheduler, a message is one line however long: a wrapped path cannot be searched for.
if (Console.IsOutputRedirected) console.Profile.Width = 4096;
if (Console.IsErrorRedirected) progress.Profile.Width = 4096;
return AvrrApp.Run(args, console, progress);
