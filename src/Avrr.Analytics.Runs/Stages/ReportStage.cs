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
    public override string Name => "report.html and results.xlsx";

    public override void Finish()
    {
        run.Wrote(EvaluationReport.File);
        run.Wrote(ResultsWorkbook.File);
    }

    public override void AfterManifest()
    {
        var result = ResultFolder.Open(run.Folder);
        // The run's --lang is one of the scheme's languages; the report is written in English or French.
        EvaluationReport.Write(result, ReportLanguage.Of(run.Plan.Settings.Language) ?? ReportLanguage.English, run.PathOf(EvaluationReport.File));
        ResultsWorkbook.Write(result, run.PathOf(ResultsWorkbook.File));
    }
}
