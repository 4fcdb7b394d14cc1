using Avrr.Analytics.Reports.Results;
using Avrr.Analytics.Reports.Sections;

namespace Avrr.Analytics.Reports.Workbook;

/// <summary>
/// The audit's tables in results.xlsx (docs/outputs.md, docs/audit.md): one sheet per table of audit/,
/// named <c>audit_weights</c> and so on, after the other sheets, when the run wrote them. Each table says
/// which of its columns are text (ids, groups, methods, notes); every other cell is a number or a flag, and
/// a row suppressed in the file (a group below min-cell) keeps only what names it.
/// </summary>
internal static class AuditSheets
{
    private static readonly Dictionary<string, string[]> Text = new(StringComparer.Ordinal)
    {
        ["indicator_stats"] = ["indicator", "level", "group"],
        ["correlations"] = ["a", "b", "method", "basis"],
        ["reliability"] = ["scope"],
        ["alpha_if_dropped"] = ["scope", "indicator"],
        ["pca"] = ["scope"],
        ["pca_loadings"] = ["scope", "indicator"],
        ["weights"] = ["node", "kind", "parent"],
        ["flags"] = ["indicator", "flag", "other"],
        ["sensitivity"] = ["assumption", "nominal", "alternatives", "first_order_withheld", "total_withheld"],
        ["notes"] = ["key", "value"],
    };

    public static async Task WriteAsync(ResultFolder result, Func<string, ResultTable, IReadOnlySet<string>, Task> sheet)
    {
        foreach (var name in AuditSection.AuditTables)
        {
            if (result.Table(AuditSection.Folder + name) is not { } table) continue;
            await sheet("audit_" + name, table, TextColumns(name, table));
        }
    }

    /// <summary>rank_uncertainty's and rank_confidence's group columns (between <c>level</c> and <c>n</c>) are the audit level's, so they are found, not listed; rank_confidence's <c>kind</c> too.</summary>
    private static HashSet<string> TextColumns(string name, ResultTable table)
    {
        if (Text.TryGetValue(name, out var listed)) return listed.ToHashSet(StringComparer.Ordinal);
        var columns = table.Columns.ToList();
        int first = columns.IndexOf("level"), last = columns.IndexOf("n");
        return first < 0 || last < first ? [] : columns.Skip(first).Take(last - first).Append("kind").ToHashSet(StringComparer.Ordinal);
    }
}
