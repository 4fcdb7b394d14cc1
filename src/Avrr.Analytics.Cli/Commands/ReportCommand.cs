using System.ComponentModel;
using Avrr.Analytics.Reports;
using Avrr.Analytics.Reports.Results;
using Avrr.Analytics.Reports.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Avrr.Analytics.Cli.Commands;

/// <summary>
/// <c>avrr report RESULT_DIR [--lang fr] [--out FILE]</c>: makes report.html again from a result folder,
/// without the inputs, with the renderer the run uses (docs/report.md), so one run can have its English
/// and its French report. It never overwrites a file that is not a report of avrr, and writes into the
/// result folder only over the report the run made there (any other new file there would make the folder
/// one the next run refuses to replace).
/// </summary>
public sealed class ReportCommand(IAnsiConsole console) : Command<ReportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<RESULT_DIR>")]
        [LocalizedDescription("A result folder of avrr run (it holds manifest.json).")]
        public string Result { get; init; } = "";

        [CommandOption("--lang <LANG>")]
        [LocalizedDescription("Language of the report: en or fr (default: the run's, else en).")]
        public string? Lang { get; init; }

        [CommandOption("--out <FILE>")]
        [LocalizedDescription("The file to write (default: report-LANG.html in the current folder).")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ResultFolder result;
        try { result = ResultFolder.Open(settings.Result); }
        catch (ResultFolderException e)
        {
            var said = Catalogue.Of(settings.Lang);
            console.MarkupLine($"[red]{said.Usage.NotAResult}[/] " + Markup.Escape($"{e.Folder}: {e.Message}."));
            console.MarkupLine(said.Console.NothingWritten);
            return (int)ExitCode.InputRefused;
        }
        var code = settings.Lang ?? (ReportLanguage.Of(result.Manifest.Language) is null ? "en" : result.Manifest.Language);
        var language = ReportLanguage.Of(code) ?? throw new UsageException(Said.Of(c => c.Format(c.Usage.ReportLanguages, code, string.Join(c.Usage.Or, ReportLanguage.Codes))));
        var target = Path.GetFullPath(settings.Out ?? $"report-{language.Code}.html");
        Refuse(target, Path.GetFullPath(settings.Result), result);
        var partial = target + ".avrr-partial";
        EvaluationReport.Write(result, language, partial);
        File.Move(partial, target, overwrite: true);
        console.MarkupLine(Catalogue.Of(language.Code).Usage.ReportWritten + Markup.Escape(target));
        return (int)ExitCode.Done;
    }

    /// <summary>Refuses a target that is a folder, a file avrr did not make, or a new file inside the result folder.</summary>
    private static void Refuse(string target, string folder, ResultFolder result)
    {
        if (Directory.Exists(target)) throw new UsageException(Said.Of(c => c.Usage.ReportOutFolder, target));
        var inside = string.Equals(Path.GetDirectoryName(target), folder.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
        if (inside && !(Path.GetFileName(target) == EvaluationReport.File && result.Manifest.Files.Contains(EvaluationReport.File)))
            throw new UsageException(Said.Of(c => c.Usage.ReportOutInside, target, EvaluationReport.File));
        if (File.Exists(target) && !IsReport(target))
            throw new UsageException(Said.Of(c => c.Usage.ReportOutNotOurs, target));
    }

    private static bool IsReport(string path)
    {
        using var reader = new StreamReader(path);
        var head = new char[1024];
        var read = reader.ReadBlock(head);
        return new string(head, 0, read).Contains($"<meta name=\"generator\" content=\"{EvaluationReport.Generator} ", StringComparison.Ordinal);
    }
}
