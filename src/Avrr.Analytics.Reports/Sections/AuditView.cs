using System.Globalization;
using Avrr.Analytics.Reports.Charts;
using Avrr.Analytics.Reports.Results;
using Avrr.Analytics.Reports.Text;

namespace Avrr.Analytics.Reports.Sections;

/// <summary>What the audit section's parts read with: the report, the audit's words and charts, the tables and notes, and labels of ids.</summary>
internal sealed class AuditView
{
    private readonly Dictionary<string, string> _notes = new(StringComparer.Ordinal);

    public AuditView(ReportContext report)
    {
        Report = report;
        A = AuditText.Of(report.Language);
        Charts = new AuditCharts(report.Charts, report.Language);
        var notes = Table("notes");
        for (var r = 0; r < notes.RowCount; r++)
            if (notes.Text(r, "key") is { } key) _notes[key] = notes.Text(r, "value") ?? "";
    }

    public ReportContext Report { get; }
    public AuditText A { get; }
    public AuditCharts Charts { get; }
    public int MinCell => Report.Result.Manifest.MinCell;

    public ResultTable Table(string name) => Report.Result.Table(AuditSection.Folder + name)!;

    public string? Note(string key) => _notes.GetValueOrDefault(key);

    public long? NoteCount(string key) => long.TryParse(Note(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>A score's id as people read it: the composite, a dimension's or an indicator's label in the report's language, else the id.</summary>
    public string Label(string? id)
    {
        if (id is null) return "";
        if (id == "composite") return Report.T.Composite;
        if (id == "all") return A.AllIndicators;
        if (id == "dimensions") return A.DimensionScores;
        var scheme = Report.Result.Scheme;
        var language = Report.Language.Code;
        if (scheme.Dimensions.FirstOrDefault(d => d.Id == id) is { } dimension) return scheme.Label(dimension.Labels, dimension.Id, language);
        if (scheme.Indicators.FirstOrDefault(i => i.Id == id) is { } indicator) return scheme.Label(indicator.Labels, indicator.Id, language);
        return id;
    }

    /// <summary>A statistic of a row on <c>n</c> surveys: "suppressed (n &lt; 5)" when n is below min-cell, else the traced number.</summary>
    public void Cell(Html.Html html, ResultTable table, int row, string column, Func<double, string>? format = null)
    {
        if (Small(table, row)) { Report.SuppressedNote(html); return; }
        Report.Number(html, table, row, column, format);
    }

    /// <summary>A row computed on fewer than min-cell surveys (or flagged suppressed): none of its numbers is shown.</summary>
    public bool Small(ResultTable table, int row) =>
        Report.Suppressed(table, row) || (table.Has("n") && (table.Count(row, "n") ?? 0) < MinCell);

    /// <summary>A rank as an ordinal: 1st, 2nd, 3rd, 4th, 11th, 21st; in French 1er, 2e, 3e.</summary>
    public string Ordinal(long rank)
    {
        var number = Report.Language.Count(rank);
        if (Report.Language.Code == "fr") return number + (rank == 1 ? "er" : "e");
        var suffix = (rank % 100) is 11 or 12 or 13 ? "th" : (rank % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return number + suffix;
    }

    public string Score(double value) => Report.Language.Score(value);
    public string Percent(double value) => Report.Language.Percent(value);

    /// <summary>A list of items joined as the language writes a list: "a, b and c", "a, b et c".</summary>
    public string List(IReadOnlyList<string> items)
    {
        if (items.Count <= 1) return string.Join("", items);
        var and = Report.Language.Code == "fr" ? " et " : " and ";
        return string.Join(", ", items.Take(items.Count - 1)) + and + items[^1];
    }
}
