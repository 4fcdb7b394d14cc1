using Avrr.Analytics.Reports.Results;

namespace Avrr.Analytics.Reports.Findings;

/// <summary>
/// The findings of a result, each list with its families and decisions (docs/report.md, "The findings rules"): the
/// one model every section that says "significant" or "associated" reads, so that no section decides on its own.
/// Made from the result folder alone. A result of an engine without families (no <c>p_adjusted</c>) is read as its
/// <c>significant</c> column (the interval excluding 0), each test decided on its own.
/// </summary>
public sealed class ReportFindings
{
    /// <summary>The level of every decision: 5%.</summary>
    public const double Level = 0.05;

    public const string Comparisons = "comparisons", Panel = "panel_change", Terms = "insights/drivers_terms";

    private readonly ResultFolder _result;

    private ReportFindings(ResultFolder result)
    {
        _result = result;
        Decisions = result.Manifest.Fdr == "bh" ? Decisions.FalseDiscoveryRate : Decisions.EachOnItsOwn;
        if (result.Table(Comparisons) is { } comparisons)
        {
            Countries = FromComparisons(comparisons, "vs_all", ["country"], "composite");
            Weakest = FromComparisons(comparisons, "weakest_dimension", ["all", "country"], null);
            Communities = FromComparisons(comparisons, "vs_parent", ["country+community"], "composite");
            Quarters = FromComparisons(comparisons, "vs_previous_quarter", ["all+quarter", "quarter", "country+quarter"], "composite");
        }
        if (result.Table(Panel) is { } panel) Changes = FromPanel(panel);
    }

    public static ReportFindings Of(ResultFolder result) => new(result);

    public Decisions Decisions { get; }

    /// <summary>Each country against the all-country mean (composite).</summary>
    public FindingsList? Countries { get; }

    /// <summary>Each country's weakest dimension against its next weakest.</summary>
    public FindingsList? Weakest { get; }

    /// <summary>Each community against its country (composite).</summary>
    public FindingsList? Communities { get; }

    /// <summary>Each quarter against the previous one of its group (composite).</summary>
    public FindingsList? Quarters { get; }

    /// <summary>The change from the first to the last survey: all countries (composite and dimensions), each country (composite).</summary>
    public FindingsList? Changes { get; }

    /// <summary>The attributes of one outcome's linear model (insights/drivers_terms), or null when the result has none.</summary>
    public FindingsList? Attributes(string outcome)
    {
        if (!_attributes.TryGetValue(outcome, out var list)) _attributes[outcome] = list = MakeAttributes(outcome);
        return list;
    }

    private readonly Dictionary<string, FindingsList?> _attributes = new(StringComparer.Ordinal);

    private FindingsList? MakeAttributes(string outcome)
    {
        if (_result.Table(Terms) is not { } terms) return null;
        var adjusted = terms.Has("p_adjusted");
        var findings = terms.RowsWhere("outcome", outcome).Select(r =>
        {
            var p = terms.Number(r, adjusted ? "p_adjusted" : "p");
            var tested = !terms.Flag(r, "suppressed") && terms.Number(r, "p") is not null;
            return new Finding(terms, r, tested, tested, tested && p < Level, null, adjusted ? outcome : null);
        }).ToArray();
        return findings.Length == 0 ? null : new FindingsList(terms, findings, adjusted ? Decisions : Decisions.EachOnItsOwn);
    }

    /// <summary>Whether an attribute passed its adjusted test for an outcome: the only attributes whose categories the report may call associated.</summary>
    public bool Associated(string outcome, string? term) =>
        Attributes(outcome) is { } list && list.Significant.Any(f => list.Table.Text(f.Row, "term") == term);

    private FindingsList? FromComparisons(ResultTable table, string comparison, string[] levels, string? measure)
    {
        var rows = levels.SelectMany(level => table.RowsWhere("comparison", comparison)
            .Where(r => table.Text(r, "level") == level && (measure is null || table.Text(r, "measure") == measure))).ToArray();
        if (rows.Length == 0) return null;
        var families = table.Has("p_adjusted");
        var findings = rows.Select(r =>
        {
            var shown = !table.Flag(r, "suppressed") && table.Number(r, "estimate") is not null && table.Number(r, "ci_low") is not null && table.Number(r, "ci_high") is not null;
            var tested = families ? table.Number(r, "p_value") is not null : shown;
            return new Finding(table, r, shown, tested, shown && tested && table.Flag(r, "significant"), table.Number(r, "estimate"), families ? table.Text(r, "family") : null);
        }).ToArray();
        return new FindingsList(table, findings, families ? Decisions : Decisions.EachOnItsOwn);
    }

    private FindingsList? FromPanel(ResultTable table)
    {
        int[] rows = [.. Rows(table, "all", "composite"), .. _result.Scheme.Dimensions.SelectMany(d => Rows(table, "all", d.Id)), .. Rows(table, "country", "composite")];
        if (rows.Length == 0) return null;
        var families = table.Has("p_adjusted");
        var findings = rows.Select(r =>
        {
            var shown = !table.Flag(r, "suppressed") && table.Number(r, "mean_change") is not null && table.Number(r, "ci_low") is not null;
            var significant = families ? table.Flag(r, "significant") : shown && (table.Number(r, "ci_low") > 0 || table.Number(r, "ci_high") < 0);
            var tested = families ? table.Number(r, "p_value") is not null : shown;
            return new Finding(table, r, shown, tested, shown && tested && significant, table.Number(r, "mean_change"), families ? table.Text(r, "family") : null);
        }).ToArray();
        return new FindingsList(table, findings, families ? Decisions : Decisions.EachOnItsOwn);
    }

    private static IEnumerable<int> Rows(ResultTable table, string level, string measure) =>
        table.RowsWhere("level", level).Where(r => table.Text(r, "measure") == measure);
}
