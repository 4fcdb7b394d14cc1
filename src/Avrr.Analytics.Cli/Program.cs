using Avrr.Analytics.Cli;

var console = Spectre.Console.AnsiConsole.Console;
// Piped into a log or a scheduler, a message is one line however long: a wrapped path cannot be searched for.
if (Console.IsOutputRedirected) console.Profile.Width = 4096;
return AvrrApp.Run(args, console);
