using System.Globalization;
using ExcelDataReader;

namespace Avrr.Analytics.Tests.Reports;

/// <summary>
/// results.xlsx of the sample run (docs/report.md), read back with a second reader (ExcelDataReader):
/// one sheet per level with that level's rows of aggregates.csv, cell for cell — numbers as number cells
/// equal to the CSV's doubles, flags as booleans, text as text, empty where the CSV is empty — then
/// panel_change, data_quality and rejects in full, and every table of insights/ but risk.csv.
/// </summary>
public sealed class ResultsWorkbookTests(SampleResultFixture sample) : IClassFixture<SampleResultFixture>
{
    private Dictionary<string, List<object?[]>> Sheets()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var sheets = new Dictionary<string, List<object?[]>>();
        using var stream = File.OpenRead(Path.Combine(sample.Folder, "results.xlsx"));
        using var reader = ExcelReaderFactory.CreateReader(stream);
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue).ToArray());
            sheets[reader.Name] = rows;
        } while (reader.NextResult());
        return sheets;
    }

    private static void SameCells(List<Dictionary<string, string>> csv, List<object?[]> sheet, string name)
    {
        var header = sheet[0].Select(h => (string)h!).ToArray();
        Assert.Equal(csv.Count, sheet.Count - 1);
        for (var r = 0; r < csv.Count; r++)
            for (var c = 0; c < header.Length; c++)
            {
                var expected = csv[r][header[c]];
                var actual = c < sheet[r + 1].Length ? sheet[r + 1][c] : null;
                var where = $"{name} row {r + 2} {header[c]}";
                switch (actual)
                {
                    case null: Assert.True(expected.Length == 0, $"{where}: empty, the CSV has '{expected}'"); break;
                    case double d: Assert.Equal(double.Parse(expected, CultureInfo.InvariantCulture), d); break;
                    case bool b: Assert.Equal(expected, b ? "true" : "false"); break;
                    // The CSV guards a text that starts like a formula with an apostrophe (docs/outputs.md); the cell holds the text itself.
                    case string s: Assert.Equal(expected.Length > 1 && expected[0] == '\'' && "=+-@\t\r".Contains(expected[1]) ? expected[1..] : expected, s); break;
                    default: Assert.Fail($"{where}: a {actual.GetType().Name} cell"); break;
                }
            }
    }

    [Fact]
    public void Each_level_sheet_holds_the_rows_of_aggregates_csv_of_its_level_cell_for_cell()
    {
        var sheets = Sheets();
        var aggregates = CsvRecords.ReadTable(Path.Combine(sample.Folder, "aggregates.csv"));
        var levels = aggregates.Select(r => r["level"]).Distinct().ToArray();
        Assert.Equal([.. levels, "comparisons", "panel_change", "data_quality", "rejects", .. Insights, .. Avrr.Analytics.Reports.Sections.AuditSection.AuditTables.Select(t => "audit_" + t)], sheets.Keys);
        foreach (var level in levels)
        {
            var sheet = sheets[level];
            var header = sheet[0].Select(h => (string)h!).ToArray();
            Assert.Equal(["level", .. level == "all" ? [] : level.Split('+'), "measure"], header.TakeWhile(h => h != "n_rows"));
            SameCells(aggregates.Where(r => r["level"] == level).ToList(), sheet, level);
        }
        Assert.Contains(sheets["country+quarter"], row => row.Contains(true));   // the sample has suppressed quarters
    }

    [Fact]
    public void Panel_change_data_quality_and_rejects_are_whole_and_numbers_are_number_cells()
    {
        var sheets = Sheets();
        foreach (var table in new[] { "panel_change", "data_quality", "rejects" })
            SameCells(CsvRecords.ReadTable(Path.Combine(sample.Folder, table + ".csv")), sheets[table], table);
        Assert.IsType<double>(sheets["rejects"][1][1]);   // a row number
    }

    /// <summary>The sheets of insights/: every table but risk.csv, in the order of docs/insights.md ("Files").</summary>
    private static readonly string[] Insights =
        ["models", "profiles", "profile_selection", "profile_mix", "drivers_linear", "drivers_terms", "drivers_importance", "early_warning", "early_warning_calibration", "risk_by_country"];

    [Fact]
    public void The_tables_of_insights_are_whole_sheets_with_number_cells_and_risk_csv_is_not_one()
    {
        var sheets = Sheets();
        foreach (var table in Insights)
            SameCells(CsvRecords.ReadTable(Path.Combine(sample.Folder, "insights", table + ".csv")), sheets[table], table);
        // early_warning's value is a number cell (rejects' value is an answer, a text cell).
        var earlyWarning = sheets["early_warning"];
        Assert.IsType<double>(earlyWarning.Single(r => (string?)r[0] == "auc")[1]);
        Assert.DoesNotContain(sheets.Keys, k => k == "risk");
        Assert.DoesNotContain(sheets.Values, s => s[0].Contains("factor_1"));
    }
}
