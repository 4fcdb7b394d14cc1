using System.Globalization;
using Avrr.Analytics.Estimation;

namespace Avrr.Analytics.IO.Writing;

/// <summary>One line of aggregates or panel_change: a measure in a group of a level.</summary>
public sealed record EstimateRow(string Level, IReadOnlyList<string?> GroupValues, string Measure, DomainEstimate Estimate);

/// <summary>
/// Writes aggregates and panel_change (outputs.md): long format, a column per grouping variable used by
/// any level (empty where the level does not use it), then the statistics. Estimates are written in
/// shortest round-trip form, so that the CSV holds the same doubles as the Parquet file; a withheld
/// statistic is an empty cell (a null in Parquet), never 0.
/// </summary>
internal static class EstimateTables
{
    private static readonly string[] AggregateStatistics =
        ["n_rows", "n", "weight_sum", "mean", "se", "ci_low", "ci_high", "n_eff", "median", "p25", "p75", "share_low", "share_medium", "share_high", "suppressed"];

    private static readonly string[] PanelStatistics = ["returnees", "mean_change", "se", "ci_low", "ci_high", "suppressed"];

    public static void WriteAggregates(string folder, IReadOnlyList<string> variables, IReadOnlyList<EstimateRow> rows, Run.OutputFormats formats)
    {
        var columns = new[] { "level" }.Concat(variables).Append("measure").Concat(AggregateStatistics).ToArray();
        Write(folder, "aggregates", columns, rows, formats, e => [
            Count(e.Rows), Count(e.N), e.WeightSum, e.Mean, e.StandardError, e.CiLow, e.CiHigh, e.EffectiveN,
            e.Median, e.P25, e.P75, e.ShareLow, e.ShareMedium, e.ShareHigh, e.Suppressed]);
    }

    public static void WritePanel(string folder, IReadOnlyList<string> variables, IReadOnlyList<EstimateRow> rows, Run.OutputFormats formats)
    {
        var columns = new[] { "level" }.Concat(variables).Append("measure").Concat(PanelStatistics).ToArray();
        Write(folder, "panel_change", columns, rows, formats, e => [
            Count(e.N), e.Mean, e.StandardError, e.CiLow, e.CiHigh, e.Suppressed]);
    }

    /// <summary>A count as a long, or null when withheld.</summary>
    private static object? Count(double n) => double.IsNaN(n) ? null : (long)n;
    private static object? Count(long n) => n;

    private static void Write(string folder, string name, string[] columns, IReadOnlyList<EstimateRow> rows, Run.OutputFormats formats,
        Func<DomainEstimate, object?[]> statistics)
    {
        var groupColumns = columns.Length - 2 - statistics(DomainEstimate.Withheld(0)).Length;
        if (formats.HasFlag(Run.OutputFormats.Csv))
        {
            using var csv = CsvOutput.Create(Path.Combine(folder, name + ".csv"));
            csv.WriteHeader(columns);
            foreach (var row in rows)
            {
                csv.WriteField(row.Level);
                foreach (var value in row.GroupValues) csv.WriteField(value ?? "");
                csv.WriteField(row.Measure);
                foreach (var value in statistics(row.Estimate))
                {
                    // Numbers go in as numbers: written as text, a negative one (a panel change, a lower bound)
                    // would get the spreadsheet-safety apostrophe that CsvOutput gives text starting with '-'.
                    if (value is double d && !double.IsNaN(d)) csv.WriteField(d, "R", CultureInfo.InvariantCulture);
                    else csv.WriteField(Text(value));
                }
                csv.EndRecord();
            }
        }
        if (formats.HasFlag(Run.OutputFormats.Parquet))
        {
            var values = rows.Select(r => statistics(r.Estimate)).ToArray();
            var sample = statistics(DomainEstimate.Withheld(0));
            var fields = new List<Parquet.Schema.DataField> { ParquetTable.Text("level") };
            fields.AddRange(columns.Skip(1).Take(groupColumns).Select(ParquetTable.Text));
            fields.Add(ParquetTable.Text("measure"));
            var statisticNames = columns.Skip(2 + groupColumns).ToArray();
            for (var s = 0; s < statisticNames.Length; s++)
                fields.Add(statisticNames[s] is "suppressed" ? ParquetTable.Flag(statisticNames[s])
                    : statisticNames[s] is "n_rows" or "n" or "returnees" ? ParquetTable.Int64(statisticNames[s])
                    : ParquetTable.Number(statisticNames[s]));
            using var table = new ParquetTable(Path.Combine(folder, name + ".parquet"), fields);
            for (var i = 0; i < rows.Count; i++)
            {
                var r = table.Row;
                var c = 0;
                table.Column<string?>(c++)[r] = rows[i].Level;
                foreach (var value in rows[i].GroupValues) table.Column<string?>(c++)[r] = value;
                table.Column<string?>(c++)[r] = rows[i].Measure;
                foreach (var value in values[i])
                {
                    switch (value)
                    {
                        case bool flag: table.Column<bool>(c)[r] = flag; break;
                        case long count: table.Column<long?>(c)[r] = count; break;
                        case null when fields[c] is Parquet.Schema.DataField<long?>: table.Column<long?>(c)[r] = null; break;
                        default: table.Column<double?>(c)[r] = value is double d && !double.IsNaN(d) ? d : null; break;
                    }
                    c++;
                }
                table.EndRow();
            }
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        double d when double.IsNaN(d) => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
