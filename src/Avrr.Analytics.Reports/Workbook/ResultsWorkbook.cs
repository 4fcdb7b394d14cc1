using Avrr.Analytics.Reports.Results;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Avrr.Analytics.Reports.Workbook;

/// <summary>
/// results.xlsx (docs/report.md): the result's tables for people who work in Excel, written by
/// SpreadCheetah as it goes (a row at a time). One sheet per level of aggregates (its grouping columns
/// only), then comparisons, panel_change, data_quality, calibration (a calibrated run) and rejects when the result has them, then every table of
/// insights/ but risk.csv (docs/insights.md, "Files"), then the audit's tables (<see cref="AuditSheets"/>). Each sheet has a frozen,
/// bold header row and column widths; numbers are number cells, flags are TRUE/FALSE cells, and text is
/// always a text cell, so a value like <c>=HYPERLINK(…)</c> stays text and is never run as a formula. A
/// withheld statistic is an empty cell beside <c>suppressed</c> TRUE, as in the CSV. The same result gives
/// the same bytes (no document properties, pinned zip times).
/// </summary>
public static class ResultsWorkbook
{
    public const string File = "results.xlsx";

    /// <summary>Excel's last row is 1,048,576: a longer table is cut there, and its last row says so.</summary>
    public const int MaxDataRows = 1_048_576 - 2;

    private static readonly HashSet<string> TextColumns = new(StringComparer.Ordinal)
    {
        "level", "measure", "comparison", "reference", "family", "note", "source", "returnee_id", "column", "value", "reason", "message",
        "question", "indicator", "dimension", "answer",
        // calibration.csv (a calibrated run): the margin's file, its variables
        "margin", "variables",
        // insights/ (docs/insights.md): country and community are not grouping columns there (profile_mix has no measure column).
        "country", "community", "profile", "name", "outcome", "term", "feature", "metric", "model", "method",
    };

    /// <summary>
    /// The tables of insights/, each a sheet named after its file, in the order of docs/insights.md ("Files"): every one is
    /// an aggregate, suppressed by the run. Never risk.csv: it is a list of returnees, case-level data for case workers.
    /// </summary>
    public static readonly IReadOnlyList<string> InsightSheets =
    [
        "insights/models", "insights/profiles", "insights/profile_selection", "insights/profile_mix", "insights/drivers_linear", "insights/drivers_terms",
        "insights/drivers_importance", "insights/early_warning", "insights/early_warning_calibration", "insights/risk_by_country",
    ];

    /// <summary>Columns of insights/ that are numbers though other tables use the name for text (early_warning's value; rejects' value is an answer).</summary>
    private static readonly HashSet<string> InsightNumbers = new(StringComparer.Ordinal) { "value" };

    public static void Write(ResultFolder result, string path)
    {
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write))
            WriteAsync(result, stream).GetAwaiter().GetResult();
        IO.Writing.ZipTimestamps.Pin(path);
    }

    private static async Task WriteAsync(ResultFolder result, Stream stream)
    {
        var options = new SpreadCheetahOptions { DocumentProperties = null, BufferSize = 1 << 16 };
        await using var workbook = await Spreadsheet.CreateNewAsync(stream, options);
        var bold = workbook.AddStyle(new Style { Font = { Bold = true } });
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        var aggregates = result.Aggregates;
        var variables = Variables(aggregates);
        foreach (var level in result.Manifest.Levels)
        {
            var columns = level == "all" ? [] : level.Split('+');
            var shown = aggregates.Columns.Where(c => !variables.Contains(c) || columns.Contains(c)).ToArray();
            await Sheet(workbook, bold, names, level, aggregates, shown, aggregates.RowsWhere("level", level));
        }
        foreach (var name in new[] { "comparisons", "panel_change", "data_quality", "calibration", "rejects" })
            if (result.Table(name) is { } table) await Sheet(workbook, bold, names, name, table, table.Columns.ToArray(), Enumerable.Range(0, table.RowCount));
        foreach (var name in InsightSheets)
            if (result.Table(name) is { } table)
                await Sheet(workbook, bold, names, name[(name.LastIndexOf('/') + 1)..], table, table.Columns.ToArray(), Enumerable.Range(0, table.RowCount), InsightNumbers);
        await AuditSheets.WriteAsync(result, (name, table, text) => Sheet(workbook, bold, names, name, table, table.Columns.ToArray(), Enumerable.Range(0, table.RowCount), textColumns: text));
        await workbook.FinishAsync();
    }

    /// <summary>The grouping columns of an estimate table: those between <c>level</c> and <c>measure</c>.</summary>
    internal static HashSet<string> Variables(ResultTable table)
    {
        var columns = table.Columns.ToList();
        int first = columns.IndexOf("level"), last = columns.IndexOf("measure");
        return first < 0 || last < first ? [] : columns.Skip(first + 1).Take(last - first - 1).ToHashSet(StringComparer.Ordinal);
    }

    /// <param name="numbers">Columns written as numbers even where <see cref="TextColumns"/> or the grouping columns would make them text.</param>
    /// <param name="textColumns">The columns written as text cells; by default those named in <see cref="TextColumns"/> and the grouping columns.</param>
    private static async Task Sheet(Spreadsheet workbook, StyleId bold, HashSet<string> names, string name, ResultTable table, string[] columns, IEnumerable<int> rows,
        HashSet<string>? numbers = null, IReadOnlySet<string>? textColumns = null)
    {
        var variables = Variables(table);
        var text = columns.Select(c => textColumns?.Contains(c) ?? ((TextColumns.Contains(c) || variables.Contains(c)) && numbers?.Contains(c) != true)).ToArray();
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var c = 0; c < columns.Length; c++) options.Column(c + 1).Width = text[c] ? (columns[c] is "message" ? 60 : columns[c] is "value" or "source" or "note" or "name" ? 30 : 16) : Math.Max(10, columns[c].Length + 2);
        await workbook.StartWorksheetAsync(SheetName(name, names), options);
        await workbook.AddHeaderRowAsync(columns, bold);
        var cells = new DataCell[columns.Length];
        var written = 0;
        // A suppressed row keeps what names it, its n_rows, its flag and its family's size (of other groups' tests): every
        // statistic is an empty cell, whatever the file holds.
        var kept = columns.Select((c, i) => text[i] || c is "n_rows" or "suppressed" or "family_size").ToArray();
        var flagged = table.Has("suppressed");
        foreach (var row in rows)
        {
            if (written == MaxDataRows)
            {
                Array.Fill(cells, default);
                cells[0] = new DataCell($"… cut at Excel's last row: {table.File} has all {table.RowCount:N0} rows");
                await workbook.AddRowAsync(cells);
                break;
            }
            var suppressed = flagged && table.Flag(row, "suppressed");
            for (var c = 0; c < columns.Length; c++)
            {
                var value = suppressed && !kept[c] ? null : table.Text(row, columns[c]);
                cells[c] = value is null ? default
                    : text[c] ? new DataCell(value)
                    : value is "true" or "false" ? new DataCell(value == "true")
                    : table.Number(row, columns[c]) is { } number ? new DataCell(number)
                    : new DataCell(value);
            }
            await workbook.AddRowAsync(cells);
            written++;
        }
    }

    /// <summary>A sheet name Excel accepts (31 characters, none of : \ / ? * [ ]), distinct from the others regardless of case.</summary>
    internal static string SheetName(string name, HashSet<string> taken)
    {
        var clean = new string(name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '_' : c).ToArray()).Trim('\'');
        if (clean.Length == 0) clean = "sheet";
        var candidate = clean.Length > 31 ? clean[..31] : clean;
        for (var k = 2; !taken.Add(candidate); k++)
        {
            var suffix = $" ({k})";
            candidate = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }
        return candidate;
    }
}
