using Spectre.Console;

namespace Avrr.Analytics.Cli.Output;

/// <summary>The console progress goes to: standard error for the runner, so that standard output is the summary or report alone.</summary>
public sealed record ProgressConsole(IAnsiConsole Console);
