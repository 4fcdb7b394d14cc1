using Avrr.Analytics.Estimation;
using Avrr.Analytics.IO.Writing.Parquet;

namespace Avrr.Analytics.IO.Writing;

/// <summary>
/// Writes comparisons (docs/outputs.md): <c>level</c>, the grouping columns of aggregates (empty where unused),
/// <c>measure</c>, <c>comparison</c>, <c>reference</c>, then the difference's statistics, its test decided in its
/// family, and a note. As in the
/// estimate tables, numbers are in shortest round-trip form and a withheld or unknown one is an empty cell (a null in Parquet).
/// </summary>
internal static class ComparisonTable
{
    private sealed record Statistic(string Name, ParquetKind Kind, Func<ComparisonRow, object?> Value);

    private static Statistic Number(string name, Func<DomainDifference, double> value) => new(name, ParquetKind.Number, r => value(r.Difference));
    private static Statistic Count(string name, Func<DomainDifference, double> n) => new(name, ParquetKind.Int64, r => double.IsNaN(n(r.Difference)) ? null : (long)n(r.Difference));

    private static readonly Statistic[] Statistics =
    [
        Number("estimate", d => d.Estimate), Number("se", d => d.StandardError), Count("psus", d => d.ContrastPsus), Count("df", d => d.DegreesOfFreedom),
        Number("ci_low", d => d.CiLow), Number("ci_high", d => d.CiHigh),
        .. EstimateTables.DecisionColumns<ComparisonRow>(r => r.Decision).Select(c => new Statistic(c.Name, c.Kind, c.Value)),
        Count("n", d => d.N), Count("n_reference", d => d.ReferenceN), new("suppressed", ParquetKind.Flag, r => r.Difference.Suppressed),
        new("note", ParquetKind.Text, r => r.Difference.Note),
    ];

    public static void Write(string path, OutputFormats format, IReadOnlyList<string> variables, IReadOnlyList<ComparisonRow> rows)
    {
        if (format == OutputFormats.Csv) WriteCsv(path, variables, rows);
        else WriteParquet(path, variables, rows);
    }

    private static IEnumerable<string> Keys(ComparisonRow row) => [row.Measure, row.Comparison, row.Reference];

    private static void WriteCsv(string path, IReadOnlyList<string> variables, IReadOnlyList<ComparisonRow> rows)
    {
        using var csv = CsvOutput.Create(path);
        csv.WriteHeader(["level", .. variables, "measure", "comparison", "reference", .. Statistics.Select(s => s.Name)]);
        foreach (var row in rows)
        {
            csv.WriteField(row.Level);
            foreach (var value in row.GroupValues) csv.WriteField(value ?? "");
            foreach (var key in Keys(row)) csv.WriteField(key);
            foreach (var statistic in Statistics) EstimateTables.WriteStatistic(csv, statistic.Value(row));
            csv.EndRecord();
        }
    }

    private static void WriteParquet(string path, IReadOnlyList<string> variables, IReadOnlyList<ComparisonRow> rows)
    {
        List<ParquetField> fields =
        [
            new("level", ParquetKind.Text), .. variables.Select(v => new ParquetField(v, ParquetKind.Text)),
            new("measure", ParquetKind.Text), new("comparison", ParquetKind.Text), new("reference", ParquetKind.Text),
            .. Statistics.Select(s => new ParquetField(s.Name, s.Kind)),
        ];
        using var parquet = new ParquetTable(path, fields);
        foreach (var row in rows)
        {
            var c = 0;
            parquet.Text(c++, row.Level);
            foreach (var value in row.GroupValues) parquet.Text(c++, value);
            foreach (var key in Keys(row)) parquet.Text(c++, key.Length == 0 ? null : key);
            foreach (var statistic in Statistics)
            {
                var value = statistic.Value(row);
                switch (statistic.Kind)
                {
                    case ParquetKind.Flag or ParquetKind.OptionalFlag: parquet.Flag(c, (bool?)value); break;
                    case ParquetKind.Int64: parquet.Int64(c, (long?)value); break;
                    case ParquetKind.Text: parquet.Text(c, (string?)value); break;
                    default: parquet.Number(c, value is double d && double.IsFinite(d) ? d : double.NaN); break;
                }
                c++;
            }
            parquet.EndRow();
        }
    }
}
