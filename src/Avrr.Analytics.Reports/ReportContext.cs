using Avrr.Analytics.Reports.Charts;
using Avrr.Analytics.Reports.Html;
using Avrr.Analytics.Reports.Results;
using Avrr.Analytics.Reports.Text;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Reports;

/// <summary>
/// What every section of a report reads and writes with: the result folder (its tables, manifest and
/// scheme), the language, the charts, and the ways a number of a table is shown. A shown number carries
/// where it came from (<c>data-table</c>, <c>data-row</c>, <c>data-col</c>), so that anyone (and the tests)
/// can trace it to its cell; a suppressed one is never shown, only "suppressed (n &lt; 5)".
/// </summary>
public sealed class ReportContext
{
    internal ReportContext(ResultFolder result, ReportLanguage language)
    {
        Result = result;
        Language = language;
        Charts = new ReportCharts(language.Score);
    }

    public ResultFolder Result { get; }
    public ReportLanguage Language { get; }
    public ReportText T => Language.Text;
    internal ReportCharts Charts { get; }

    public ResultTable Aggregates => Result.Aggregates;

    /// <summary>The findings of the result, each list with its families and decisions: what every "significant" or "associated" reads.</summary>
    public Findings.ReportFindings Findings => _findings ??= Reports.Findings.ReportFindings.Of(Result);
    private Findings.ReportFindings? _findings;

    /// <summary>The measures estimated: composite, then the dimensions in scheme order (then the indicators, which the report leaves to the tables).</summary>
    public IReadOnlyList<string> Dimensions => Result.Scheme.Dimensions.Select(d => d.Id).ToArray();

    public string MeasureLabel(string measure)
    {
        if (measure == "composite") return T.Composite;
        var scheme = Result.Scheme;
        if (scheme.Dimensions.FirstOrDefault(d => d.Id == measure) is { } dimension) return scheme.Label(dimension.Labels, dimension.Id, Language.Code);
        if (measure.StartsWith("indicator_", StringComparison.Ordinal) && scheme.Indicators.FirstOrDefault(i => "indicator_" + i.Id == measure) is { } indicator)
            return scheme.Label(indicator.Labels, indicator.Id, Language.Code);
        return measure;
    }

    /// <summary>A grouping value as people read it: a quarter in the language's form, <c>(unknown)</c> translated, anything else as read.</summary>
    public string GroupLabel(string column, string? value) =>
        value is null ? "" : value == SurveyColumns.UnknownCommunity ? T.Unknown : column == SurveyColumns.Quarter ? Language.Quarter(value) : value;

    /// <summary>The rows of a level and measure, in file order (groups in byte order of their values).</summary>
    public IEnumerable<int> Rows(ResultTable table, string level, string measure) =>
        table.RowsWhere("level", level).Where(r => table.Text(r, "measure") == measure);

    /// <summary>The row of a group at a level for a measure (values by column), or null.</summary>
    public int? Find(ResultTable table, string level, string measure, params (string Column, string Value)[] group)
    {
        foreach (var r in Rows(table, level, measure))
            if (group.All(g => table.Text(r, g.Column) == g.Value)) return r;
        return null;
    }

    public bool Suppressed(ResultTable table, int row) => table.Flag(row, "suppressed");

    /// <summary>Writes a number of a table, formatted, with where it came from; a dash when the cell is empty.</summary>
    public void Number(Html.Html html, ResultTable table, int row, string column, Func<double, string>? format = null)
    {
        // Whatever a suppressed row holds, none of its numbers is shown (n_rows is published, but not here).
        if (Suppressed(table, row)) { SuppressedNote(html); return; }
        if (table.Number(row, column) is not { } value) { html.Raw("–"); return; }
        html.Open("span", "num", ("data-table", table.Name), ("data-row", row.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("data-col", column));
        html.Text((format ?? Language.Score)(value));
        html.Close("span");
    }

    public void Count(Html.Html html, ResultTable table, int row, string column) =>
        Number(html, table, row, column, v => Language.Count((long)v));

    /// <summary>"0.51 (0.49–0.53)": the estimate and its interval; "suppressed (n &lt; 5)" for a suppressed row.</summary>
    public void Estimate(Html.Html html, ResultTable table, int row, string estimate = "mean", Func<double, string>? format = null)
    {
        if (Suppressed(table, row)) { SuppressedNote(html); return; }
        Number(html, table, row, estimate, format);
        if (table.Number(row, "ci_low") is not null)
        {
            html.Raw(" <span class=\"ci\">(");
            Number(html, table, row, "ci_low", format);
            // A signed bound reads badly after a dash (+0.02–+0.07): differences are written "+0.02 to +0.07".
            html.Text(format is null ? "–" : " " + T.To + " ");
            Number(html, table, row, "ci_high", format);
            html.Raw(")</span>");
        }
        // A remark of the estimation on this estimate (few PSUs, say), as the table has it.
        if (table.Text(row, "note") is { } note) html.Raw(" ").Element("span", note, "row-note");
    }

    /// <summary>Just the interval, "0.49 – 0.53".</summary>
    public void Interval(Html.Html html, ResultTable table, int row, Func<double, string>? format = null)
    {
        if (Suppressed(table, row) || table.Number(row, "ci_low") is null) { html.Raw("–"); return; }
        Number(html, table, row, "ci_low", format);
        html.Raw(" – ");
        Number(html, table, row, "ci_high", format);
    }

    public void SuppressedNote(Html.Html html) =>
        html.Open("span", "suppressed", ("data-suppressed", "true")).Text(string.Format(T.SuppressedCell, Result.Manifest.MinCell)).Close("span");

    /// <summary>The point a chart draws for a row: none when suppressed or empty.</summary>
    internal IntervalPoint? Point(ResultTable table, int? row, string estimate = "mean")
    {
        if (row is not { } r || Suppressed(table, r) || table.Number(r, estimate) is not { } value) return null;
        return new IntervalPoint(value, table.Number(r, "ci_low"), table.Number(r, "ci_high"));
    }

    /// <summary>A figure: the chart and a caption under it.</summary>
    public void Figure(Html.Html html, string svg, string caption)
    {
        html.Open("figure").Raw(svg);
        html.Element("figcaption", caption);
        html.Close("figure");
    }

    /// <summary>The values of a grouping column at a level, in file order, once each.</summary>
    public IReadOnlyList<string> Values(string level, string column) =>
        Aggregates.RowsWhere("level", level).Select(r => Aggregates.Text(r, column)).OfType<string>().Distinct().ToArray();
}
