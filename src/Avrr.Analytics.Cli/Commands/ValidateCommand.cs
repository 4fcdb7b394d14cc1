using Avrr.Analytics.Cli.Output;
using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.Runs;
using Avrr.Analytics.Vocabulary;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Avrr.Analytics.Cli.Commands;

/// <summary>
/// <c>avrr validate INPUT...</c>: read and validate only, and print for each input how every column was
/// read, then the accounting, the checks and the first rejects of each reason; exit 1 when anything is rejected.
/// </summary>
public sealed class ValidateCommand(IAnsiConsole console, ProgressConsole progress) : Command<ValidateCommand.Settings>
{
    public sealed class Settings : InputSettings
    {
        [CommandOption("--quiet")]
        [LocalizedDescription("No progress, only the accounting and the first rejects.")]
        public bool Quiet { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (run, sources) = settings.ToRunSettings("validate");
        var words = Words.For(run.Language);
        InputSettings.NoteThreads(console, run);
        ValidationReport result;
        using var interruption = new Interruption(cancellationToken);
        try
        {
            result = RunProgress.Run(console, progress, words, settings.Quiet, observer => ValidationRun.Execute(run, observer: observer, cancel: interruption.Token));
        }
        catch (Runs.Planning.SettingsException e)
        {
            throw new UsageException(sources.Word(e));
        }
        catch (OperationCanceledException) when (interruption.Signal is not null)
        {
            console.MarkupLine($"[yellow]{words.Interrupted}[/] " + Markup.Escape(words.Format(Catalogue.Of(run.Language).Usage.ValidationStopped, interruption.SignalName)));
            return (int)interruption.ExitCode;
        }
        foreach (var input in result.Plan.Inputs)
        {
            console.WriteLine(TerminalText.Safe($"{input.Path}: {input.DescriptionIn(Catalogue.Of(run.Language))}"));
            Columns(console, words, input.Header, result.Plan.Scheme.Questions.Count);
        }
        if (result.Plan.SkippedInputs.Count > 0)
            console.MarkupLine("[yellow]" + TerminalText.Markup(words.Format(words.Skipped, result.Plan.SkippedInputs.Count, words.SkippedList(result.Plan.SkippedInputs.Select(s => (s.Path, s.Reason))))) + "[/]");
        console.MarkupLine(words.Format(words.ValidateLine, result.RowsRead, result.RowsScored, result.RowsRejected));
        if (result.RowsOutsidePeriod > 0)
            console.WriteLine(words.Format(words.OutsidePeriod, result.RowsOutsidePeriod, words.Period(run.Period)));
        if (result.BlankRowsSkipped > 0)
            console.WriteLine(words.Format(words.BlankRows, result.BlankRowsSkipped));
        CheckLines.Print(console, words, result.Checks, result.RejectsByReason.Values.Sum(), details: true);
        foreach (var (reason, count) in result.RejectsByReason.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            console.MarkupLine(words.Format("[yellow]{0}[/]: {1:N0}", reason, count));
            foreach (var reject in result.FirstRejects[reason])
                console.WriteLine(TerminalText.Safe(words.Format(words.IsFrench ? "  {0} ligne {1} : {2}" : "  {0} row {1}: {2}", reject.Source, reject.Row, reject.Message)));
        }
        return (int)(result.RowsRejected > 0 ? ExitCode.TooManyRejected : ExitCode.Done);
    }

    /// <summary>How every column of an input was classified: record, question, bookkeeping, personal data dropped, attribute.</summary>
    internal static void Columns(IAnsiConsole console, Words words, HeaderMap map, int questionCount)
    {
        string List(IEnumerable<string> names)
        {
            var list = names.ToArray();
            return list.Length == 0 ? words.NoneWord : string.Join(", ", list);
        }
        string Named(int j) => HeaderMap.Key(map.Headers[j]) == map.Ids[j] ? map.Headers[j] : $"{map.Headers[j]} → {map.Ids[j]}";
        var columns = Enumerable.Range(0, map.Headers.Count).ToArray();
        var record = columns.Where(j => map.Ids[j] is { } id && SurveyColumns.Record.Contains(id)).Select(Named);
        var questions = columns.Count(j => map.Roles[j] == ColumnRole.Read && map.Ids[j] is { } id && !SurveyColumns.Record.Contains(id) && !map.Attributes.Contains(id));
        console.WriteLine(words.Columns);
        console.WriteLine(TerminalText.Safe(words.Format(words.RecordColumns, List(record))));
        console.WriteLine(words.Format(words.Questions, questions, questionCount));
        console.WriteLine(TerminalText.Safe(words.Format(words.Bookkeeping, List(ColumnRoleNames.Of(map, ColumnRole.Bookkeeping, ColumnRole.Unnamed, ColumnRole.Replaced)))));
        console.WriteLine(TerminalText.Safe(words.Format(words.PersonalData, List(ColumnRoleNames.Of(map, ColumnRole.PersonalData)))));
        console.WriteLine(TerminalText.Safe(words.Format(words.Attributes, List(columns.Where(j => map.Ids[j] is { } id && map.Attributes.Contains(id)).Select(Named)))));
        var options = ColumnRoleNames.Of(map, ColumnRole.SelectMultipleOption);
        if (options.Count > 0) console.WriteLine(TerminalText.Safe(words.Format(words.SelectOptions, List(options))));
        if (map.FullPathAttributes.Count > 0) console.WriteLine(TerminalText.Safe(words.Format(words.FullPath, List(map.FullPathAttributes))));
    }
}
