using System.Globalization;
using Avrr.Analytics.Estimation;
using Avrr.Analytics.IO.Writing.Parquet;

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
                foreach (var value in statistics(row.Estimate)) WriteStatistic(csv, value);
                csv.EndRecord();
            }
        }
        if (formats.HasFlag(Run.OutputFormats.Parquet))
        {
            var fields = new List<ParquetField> { new("level", ParquetKind.Text) };
            fields.AddRange(columns.Skip(1).Take(groupColumns).Select(c => new ParquetField(c, ParquetKind.Text)));
            fields.Add(new("measure", ParquetKind.Text));
            fields.AddRange(columns.Skip(2 + groupColumns).Select(name => new ParquetField(name, name switch
            {
                "suppressed" => ParquetKind.Flag,
                "n_rows" or "n" or "returnees" => ParquetKind.Int64,
                _ => ParquetKind.Number,
            })));
            using var table = new ParquetTable(Path.Combine(folder, name + ".parquet"), fields);
            foreach (var row in rows)
            {
                var c = 0;
                table.Text(c++, row.Level);
                foreach (var value in row.GroupValues) table.Text(c++, value);
                table.Text(c++, row.Measure);
                foreach (var value in statistics(row.Estimate))
                {
                    switch (fields[c].Kind)
                    {
                        case ParquetKind.Flag: table.Flag(c, (bool)value!); break;
                        case ParquetKind.Int64: table.Int64(c, (long?)value); break;
                        default: table.Number(c, value is double d ? d : double.NaN); break;
                    }
                    c++;
                }
                table.EndRow();
            }
        }
    }

    /// <summary>
    /// A statistic as a number, not as text: the CSV's injection protection applies to text only, so a
    /// negative estimate (a fall in panel_change, a lower bound below 0) stays -0.02, not "'-0.02".
    /// </summary>
    private static void WriteStatistic(CsvHelper.CsvWriter csv, object? value)
    {
        switch (value)
        {
            case double d when !double.IsNaN(d): csv.WriteField(d, "R", CultureInfo.InvariantCulture); break;
            case long n: csv.WriteField(n, default, CultureInfo.InvariantCulture); break;
            case bool b: csv.WriteField(b ? "true" : "false"); break;
            default: csv.WriteField(""); break;
        }
    }
}
