using System.Globalization;
using Avrr.Analytics.Reports.Text;

namespace Avrr.Analytics.Reports.Sections;

/// <summary>
/// Audit of the index (docs/report.md, docs/audit.md): from the result's audit/ tables alone, how the
/// scores move together (a correlation heat map and the questions the data raise), Cronbach's alpha, the
/// principal components (a scree plot), nominal, effective and derived weights, how sure each group's
/// rank is and which modelling choice the ranking depends on, each with a sentence saying what it means
/// for this evaluation. It says when the uncertainty analysis was skipped or subsampled, and why. A
/// statistic on fewer than min-cell surveys is never shown.
/// </summary>
public sealed class AuditSection : ReportSection
{
    /// <summary>The audit tables the section reads (and the workbook writes as sheets), in the run's order.</summary>
    public static readonly string[] AuditTables =
        ["indicator_stats", "correlations", "reliability", "alpha_if_dropped", "pca", "pca_loadings", "weights", "flags", "rank_uncertainty", "sensitivity", "rank_confidence", "notes"];

    public const string Folder = "audit/";

    public override IReadOnlyList<string> Tables => [.. AuditTables.Select(t => Folder + t)];

    public override string Id => "audit";

    public override string Title(ReportContext report) => AuditText.Of(report.Language).Title;

    public override string? Unavailable(ReportContext report)
    {
        if (report.Result.Manifest.MergedPartials is not null) return report.T.NotInMerged;
        var a = AuditText.Of(report.Language);
        if (Needed.Any(name => report.Result.Table(Folder + name) is null))
            return report.Result.Manifest.Files.Any(f => f.StartsWith(Folder, StringComparison.Ordinal)) ? a.NoAuditTables : a.NoAudit;
        return null;
    }

    private static readonly string[] Needed = ["correlations", "reliability", "pca", "weights", "flags", "rank_uncertainty", "sensitivity", "notes"];

    public override void Render(ReportContext report, Html.Html html)
    {
        var audit = new AuditView(report);
        var a = audit.A;
        var level = audit.Note("level") ?? "country";
        html.Element("p", string.Format(a.Lead, level == "country" ? report.T.Countries.ToLower(report.Language.Code == "fr" ? CultureInfo.GetCultureInfo("fr-FR") : CultureInfo.InvariantCulture)
            : string.Format(a.LevelGroups, level)));
        AuditStructure.Render(audit, html);
        AuditRobustness.Render(audit, html);
    }
}
