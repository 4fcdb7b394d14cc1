using System.Globalization;
using DuckDB.NET.Data;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// Every Parquet output of a run, read by another implementation (DuckDB), holds the types of
/// docs/outputs.md ("Parquet types") and the same cells as its CSV twin: text as written (the CSV's
/// spreadsheet apostrophe undone), dates as yyyy-MM-dd, counts and flags exactly, scores of
/// returnee_scores at the CSV's 6 decimals, every other double exactly (the CSV writes round-trip text); the
/// tables of insights/ too (docs/insights.md, "Files"), all but risk.csv, which is CSV only.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ParquetDuckDbInteropTests
{
    private static readonly Lazy<string> Result = new(() =>
    {
        var out_ = Path.Combine(TestFiles.TempFolder(), "results");
        Avrr.Expect(0, "run", Samples.Sample, "--out", out_, "--levels", "country+sex;assistance_type", "--indicators", "--quiet");
        return out_;
    });

    public static TheoryData<string> Tables => new()
    {
        "returnee_scores", "aggregates", "panel_change", "comparisons",
        "insights/profiles", "insights/profile_selection", "insights/profile_mix", "insights/drivers_linear", "insights/drivers_terms",
        "insights/drivers_importance", "insights/early_warning", "insights/early_warning_calibration", "insights/risk_by_country", "insights/models",
    };

    /// <summary>The DuckDB type docs/outputs.md gives a column of a table.</summary>
    private static string ExpectedType(string table, string column)
    {
        if (table.StartsWith("insights/", StringComparison.Ordinal)) return InsightType(column);
        if (table == "returnee_scores")
        {
            if (column == "survey_date") return "DATE";
            if (column == "answered") return "INTEGER";
            if (column == "weight" || column.StartsWith("indicator_", StringComparison.Ordinal) || column.EndsWith("_score", StringComparison.Ordinal)) return "DOUBLE";
            return "VARCHAR";
        }
        if (column is "n_rows" or "n" or "returnees" or "psus" or "df" or "n_reference" or "family_size") return "BIGINT";
        if (column is "suppressed" or "significant") return "BOOLEAN";
        string[] statistics = ["weight_sum", "mean", "se", "ci_low", "ci_high", "n_eff", "median", "p25", "p75", "share_low", "share_medium", "share_high", "mean_change", "estimate",
            "p_value", "p_adjusted"];
        return statistics.Contains(column) ? "DOUBLE" : "VARCHAR";
    }

    /// <summary>The DuckDB type docs/insights.md ("Files") gives a column of insights/: counts INT64, flags BOOLEAN, names text, every statistic DOUBLE.</summary>
    private static string InsightType(string column)
    {
        if (column is "suppressed" or "chosen" or "aliased" or "trained") return "BOOLEAN";
        string[] counts = ["surveys", "k", "training_surveys", "gap_surveys", "n_rows", "n", "psus", "df", "ddf", "levels", "rank", "repeats",
            "train_surveys", "holdout_surveys", "returnees", "flagged", "seed"];
        if (counts.Contains(column)) return "BIGINT";
        string[] text = ["profile", "name", "level", "country", "community", "note", "outcome", "term", "reference", "feature", "metric", "model", "method"];
        return text.Contains(column) ? "VARCHAR" : "DOUBLE";
    }

    private static DuckDBConnection Open()
    {
        // One small database per test: parallel test classes must not share one, or oversubscribe the cores.
        var connection = new DuckDBConnection("Data Source=:memory:;threads=1;memory_limit=512MB");
        connection.Open();
        return connection;
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void DuckDB_reads_each_parquet_output_with_the_documented_types_and_the_cells_of_its_csv(string table)
    {
        var parquet = Path.Combine(Result.Value, table + ".parquet");
        var csv = CsvFile.Read(Path.Combine(Result.Value, table + ".csv"));
        var source = $"read_parquet('{parquet.Replace("'", "''")}', file_row_number = true)";
        using var db = Open();
        using (var describe = db.CreateCommand())
        {
            describe.CommandText = $"SELECT column_name, column_type FROM (DESCRIBE SELECT * EXCLUDE (file_row_number) FROM {source})";
            using var types = describe.ExecuteReader();
            var described = new List<string>();
            while (types.Read())
            {
                var (column, type) = (types.GetString(0), types.GetString(1));
                described.Add(column);
                Assert.True(ExpectedType(table, column) == type, $"{table}.{column}: DuckDB sees {type}, docs/outputs.md says {ExpectedType(table, column)}");
            }
            Assert.Equal(csv.Header, described);
        }
        using var command = db.CreateCommand();
        command.CommandText = $"SELECT * EXCLUDE (file_row_number) FROM {source} ORDER BY file_row_number";
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();

        var row = 0;
        while (reader.Read())
        {
            Assert.True(row < csv.Rows.Count, $"{table}: the Parquet file has more rows than the CSV");
            for (var c = 0; c < columns.Length; c++)
            {
                var expected = csv.Rows[row][c];
                var actual = Cell(table, columns[c], reader.IsDBNull(c) ? null : reader.GetValue(c));
                if (actual != expected)
                    Assert.Fail($"{table} row {row + 2}, {columns[c]}: CSV '{expected}', Parquet (DuckDB) '{actual}'");
            }
            row++;
        }
        Assert.Equal(csv.Rows.Count, row);
        Assert.True(row > 0, $"{table} is empty");
    }

    /// <summary>A Parquet value as the CSV writes it.</summary>
    private static string Cell(string table, string column, object? value) => value switch
    {
        null => "",
        string text => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        double d when table == "returnee_scores" && column != "weight" => d.ToString("F6", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        int n => n.ToString(CultureInfo.InvariantCulture),
        long n => n.ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"{table}.{column}: DuckDB returned a {value.GetType().Name}"),
    };

    [Fact]
    public void DuckDB_recomputes_the_weighted_composite_mean_of_every_country_from_returnee_scores_as_aggregates_has_it()
    {
        var folder = Result.Value.Replace("'", "''");
        using var db = Open();
        using var command = db.CreateCommand();
        command.CommandText = $"""
            SELECT s.country, sum(s.weight * s.composite_score) / sum(s.weight) AS recomputed, a.mean
            FROM read_parquet('{folder}/returnee_scores.parquet') s
            JOIN read_parquet('{folder}/aggregates.parquet') a ON a.country = s.country AND a.level = 'country' AND a.measure = 'composite'
            WHERE s.composite_score IS NOT NULL
            GROUP BY s.country, a.mean ORDER BY s.country
            """;
        using var reader = command.ExecuteReader();
        var countries = 0;
        while (reader.Read())
        {
            countries++;
            Assert.Equal(reader.GetDouble(2), reader.GetDouble(1), 12);
        }
        Assert.Equal(5, countries);
    }
}
