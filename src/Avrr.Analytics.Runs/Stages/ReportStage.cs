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
        // The run's --lang is one of the scheme's languages; the report is written in English or French.
        var language = ReportLanguage.Of(run.Plan.Settings.Language) ?? ReportLanguage.English;
        var workbook = Task.Run(() => StageClock.Measure("results.xlsx", () =>
        {
            ResultsWorkbook.Write(ResultFolder.Open(run.Folder), run.PathOf(ResultsWorkbook.File));
            return 0;
        }));
        StageClock.Measure("report.html", () =>
        {
            _warmUp.GetAwaiter().GetResult();
            EvaluationReport.Write(ResultFolder.Open(run.Folder), language, run.PathOf(EvaluationReport.File));
            return 0;
        });
        workbook.GetAwaiter().GetResult();
    }
}
