using Avrr.Analytics.Cli;

return AvrrApp.Run(args, Spectre.Console.AnsiConsole.Console);
