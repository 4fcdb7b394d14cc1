using System.Globalization;
using Avrr.Analytics.Estimation;
using Avrr.Analytics.IO.Writing.Parquet;

namespace Avrr.Analytics.IO.Writing;

/// <summary>
/// Writes aggregates and panel_change (docs/outputs.md): long format, a column per grouping variable used
/// by any level (empty where the level does not use it), then the statistics and a note. Estimates are written in
/// shortest round-trip form, so that the CSV holds the same doubles as the Parquet file; a withheld
/// statistic is an empty cell (a null in Parquet), never 0.
/// </summary>
internal static class EstimateTables
{
    /// <summary>A statistic column: its name, its Parquet type, and its value in a row (null when withheld).</summary>
    internal sealed record Statistic(string Name, ParquetKind Kind, Func<EstimateRow, object?> Value);

    /// <summary>The statistic columns of one table, in order.</summary>
    internal sealed record Table(IReadOnlyList<Statistic> Statistics)
    {
        public void Write(string path, OutputFormats format, IReadOnlyList<string> variables, IReadOnlyList<EstimateRow> rows)
        {
            if (format == OutputFormats.Csv) WriteCsv(path, this, variables, rows);
            else WriteParquet(path, this, variables, rows);
        }
    }

    private static Statistic Count(string name, Func<DomainEstimate, double> n) => new(name, ParquetKind.Int64, r => double.IsNaN(n(r.Estimate)) ? null : (long)n(r.Estimate));
    private static Statistic Number(string name, Func<DomainEstimate, double> value) => new(name, ParquetKind.Number, r => value(r.Estimate));
    private static Statistic Note { get; } = new("note", ParquetKind.Text, r => r.Estimate.Note);

    public static Table Aggregates { get; } = new(
    [
        new("n_rows", ParquetKind.Int64, r => r.Estimate.Rows), Count("n", e => e.N), Number("weight_sum", e => e.WeightSum), Number("mean", e => e.Mean),
        Number("se", e => e.StandardError), Count("psus", e => e.Psus), Count("df", e => e.DegreesOfFreedom),
        Number("ci_low", e => e.CiLow), Number("ci_high", e => e.CiHigh), Number("n_eff", e => e.EffectiveN),
        Number("median", e => e.Median), Number("p25", e => e.P25), Number("p75", e => e.P75),
        Number("share_low", e => e.ShareLow), Number("share_medium", e => e.ShareMedium), Number("share_high", e => e.ShareHigh),
        new("suppressed", ParquetKind.Flag, r => r.Estimate.Suppressed), Note,
    ]);

    /// <summary>panel_change: the mean change with its interval, then its test against 0 decided in its family (docs/outputs.md).</summary>
    public static Table Panel { get; } = new(
    [
        Count("returnees", e => e.N), Number("mean_change", e => e.Mean), Number("se", e => e.StandardError),
        Count("psus", e => e.Psus), Count("df", e => e.DegreesOfFreedom),
        Number("ci_low", e => e.CiLow), Number("ci_high", e => e.CiHigh),
        .. DecisionColumns<EstimateRow>(r => r.Decision).Select(c => new Statistic(c.Name, c.Kind, c.Value)),
        new("suppressed", ParquetKind.Flag, r => r.Estimate.Suppressed),
        new("note", ParquetKind.Text, r => EstimateNotes.Without(r.Estimate.Note, EstimateNotes.WeightSumTooLarge)),   // no weight_sum here
    ]);

    /// <summary>
    /// The columns of a test decided in its family: p_value, family, family_size, p_adjusted and significant
    /// (p_adjusted &lt; 0.05). A row that is no test has its family and the family's size, and the rest empty.
    /// </summary>
    internal static IEnumerable<(string Name, ParquetKind Kind, Func<T, object?> Value)> DecisionColumns<T>(Func<T, Inference.FamilyDecision?> decision) =>
    [
        ("p_value", ParquetKind.Number, r => decision(r)?.PValue ?? double.NaN),
        ("family", ParquetKind.Text, r => decision(r)?.Family),
        ("family_size", ParquetKind.Int64, r => decision(r) is { } d ? (long)d.FamilySize : null),
        ("p_adjusted", ParquetKind.Number, r => decision(r)?.PAdjusted ?? double.NaN),
        ("significant", ParquetKind.OptionalFlag, r => decision(r)?.Significant),
    ];

    private static string[] Columns(Table table, IReadOnlyList<string> variables) =>
        ["level", .. variables, "measure", .. table.Statistics.Select(s => s.Name)];

    private static void WriteCsv(string path, Table table, IReadOnlyList<string> variables, IReadOnlyList<EstimateRow> rows)
    {
        using var csv = CsvOutput.Create(path);
        csv.WriteHeader(Columns(table, variables));
        foreach (var row in rows)
        {
            csv.WriteField(row.Level);
            foreach (var value in row.GroupValues) csv.WriteField(value ?? "");
            csv.WriteField(row.Measure);
            foreach (var statistic in table.Statistics) WriteStatistic(csv, statistic.Value(row));
            csv.EndRecord();
        }
    }

    private static void WriteParquet(string path, Table table, IReadOnlyList<string> variables, IReadOnlyList<EstimateRow> rows)
    {
        var fields = new List<ParquetField> { new("level", ParquetKind.Text) };
        fields.AddRange(variables.Select(v => new ParquetField(v, ParquetKind.Text)));
        fields.Add(new("measure", ParquetKind.Text));
        fields.AddRange(table.Statistics.Select(s => new ParquetField(s.Name, s.Kind)));
        using var parquet = new ParquetTable(path, fields);
        foreach (var row in rows)
        {
            var c = 0;
            parquet.Text(c++, row.Level);
            foreach (var value in row.GroupValues) parquet.Text(c++, value);
            parquet.Text(c++, row.Measure);
            foreach (var statistic in table.Statistics)
            {
                var value = statistic.Value(row);
                switch (statistic.Kind)
                {
                    case ParquetKind.Flag: parquet.Flag(c, (bool)value!); break;
                    case ParquetKind.OptionalFlag: parquet.Flag(c, (bool?)value); break;
                    case ParquetKind.Int64: parquet.Int64(c, (long?)value); break;
                    case ParquetKind.Text: parquet.Text(c, (string?)value); break;
                    default: parquet.Number(c, value is double d && double.IsFinite(d) ? d : double.NaN); break;
                }
                c++;
            }
            parquet.EndRow();
        }
    }

    /// <summary>
    /// A statistic as a number, not as text: the CSV's injection protection applies to text only, so a
    /// negative estimate (a fall in panel_change, a lower bound below 0) stays -0.02, not "'-0.02". Only
    /// finite numbers are written: a data file never holds Infinity or NaN (the estimator says why in the note).
    /// </summary>
    internal static void WriteStatistic(CsvHelper.CsvWriter csv, object? value)
    {
        switch (value)
        {
            case double d when double.IsFinite(d): csv.WriteField(d, "R", CultureInfo.InvariantCulture); break;
            case long n: csv.WriteField(n, default, CultureInfo.InvariantCulture); break;
            case bool b: csv.WriteField(b ? "true" : "false"); break;
            case string text: csv.WriteField(text); break;
            default: csv.WriteField(""); break;
        }
    }
}
