using Avrr.Analytics.Reports.Html;
using Avrr.Analytics.Reports.Sections.Insights;

namespace Avrr.Analytics.Reports.Sections;

/// <summary>
/// Insights (docs/report.md, "Insights"; docs/insights.md): the returnee profiles and their mix by country,
/// what goes with better scores (the linear model's differences and the tree model's importance), and the
/// early warning's cross-validated quality with the risk by country — from the tables of insights/ alone,
/// never from risk.csv (the case workers' list of returnees). Every sentence speaks of associations, never
/// causes, and says "no significant association" where the test finds none. Left out, with the reason, when
/// the run was made with the insights off or the result has no insights/ tables.
/// </summary>
public sealed class InsightsSection : ReportSection
{
    public override string Id => "insights";

    public override string Title(ReportContext report) => report.T.Insights.Title;

    public override IReadOnlyList<string> Tables => InsightTables.Shown;

    public override string? Unavailable(ReportContext report)
    {
        if (report.Result.Manifest.MergedPartials is not null) return report.T.NotInMerged;
        if (report.Result.Manifest.Insights == false) return report.T.Insights.TurnedOff;
        return report.Result.Table(InsightTables.Models) is null ? report.T.Insights.NoTables : null;
    }

    public override void Render(ReportContext report, Html.Html html)
    {
        var t = report.T.Insights;
        html.Open("div", "warning", ("role", "note")).Element("strong", t.AssociationsTitle).Raw(" ").Text(t.AssociationsLead).Close("div");
        Sample(report, html);
        ProfilesPart.Render(report, html);
        DriversPart.Render(report, html);
        EarlyWarningPart.Render(report, html);
    }

    /// <summary>"These analyses were trained on a seeded sample of 1,481 of the run's 1,481 returnees (seed 1); the linear model uses every scored survey (1,983)."</summary>
    private static void Sample(ReportContext report, Html.Html html)
    {
        var models = report.Result.Table(InsightTables.Models)!;
        var profiles = models.RowsWhere("model", "profiles").Cast<int?>().FirstOrDefault();
        var linear = models.RowsWhere("model", "drivers_linear").Cast<int?>().FirstOrDefault();
        if (profiles is not { } p || linear is not { } l) return;
        html.Open("p", "note");
        Sentence.Write(html, report.T.Insights.SampleLead,
            h => InsightTables.Count(report, h, models, p, "returnees"),
            h => InsightTables.Count(report, h, models, l, "returnees"),
            h => InsightTables.Count(report, h, models, p, "seed"),
            h => InsightTables.Count(report, h, models, l, "surveys"));
        html.Close("p");
    }
}
