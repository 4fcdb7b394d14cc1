using Avrr.Analytics.Reports;
using Avrr.Analytics.Reports.Results;
using Avrr.Analytics.Reports.Text;
using Avrr.Analytics.Reports.Workbook;

namespace Avrr.Analytics.Runs.Stages;

/// <summary>
/// report.html and results.xlsx (docs/report.md), made once the manifest is written, from the result
/// folder alone, exactly as <c>avrr report</c> makes them from a finished result: the tables are read
/// back from their files, so every number in the report and the workbook is one the run wrote.
/// </summary>
internal sealed class ReportStage(RunContext run) : RunStage
{
    // Skia's first use costs about a tenth of a second: paid while the rows are read, not after them.
    private readonly Task _warmUp = EvaluationReport.WarmUp();

    public override string Name => "report.html and results.xlsx";

    public override void Finish()
    {
        run.Wrote(EvaluationReport.File);
        run.Wrote(ResultsWorkbook.File);
    }

    /// <summary>
    /// The report and the workbook at once, each from its own reading of the folder (a
    /// <see cref="ResultFolder"/> is read by one thread): on two cores the run ends when the longer is done.
    /// </summary>
    public override void AfterManifest()
    {
        _warmUp.GetAwaiter().GetResult();
        Write(run.Folder, run.Plan.Settings.Language, run.PathOf);
    }

    /// <summary>The report and the workbook of a finished result folder (a run's, or a merge's of partials).</summary>
    internal static void Write(string folder, string languageCode, Func<string, string> pathOf)
    {
        // The run's --lang is one of the scheme's languages; the report is written in English or French.
        var language = ReportLanguage.Of(languageCode) ?? ReportLanguage.English;
        var workbook = Task.Run(() => StageClock.Measure("results.xlsx", () =>
        {
            ResultsWorkbook.Write(ResultFolder.Open(folder), pathOf(ResultsWorkbook.File));
            return 0;
        }));
        StageClock.Measure("report.html", () =>
        {
            EvaluationReport.Write(ResultFolder.Open(folder), language, pathOf(EvaluationReport.File));
            return 0;
        });
        workbook.GetAwaiter().GetResult();
    }
}
