using System.Globalization;
using Parquet.Meta;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// Every Parquet file of a run read back with Parquet.Net equals its CSV twin: the same columns and rows,
/// text equal (the CSV's spreadsheet apostrophe aside), nulls where the CSV is empty, scores equal to the
/// CSV's 6-decimal text once rounded, estimates exactly the doubles of the CSV's round-trip text; and the
/// types are the plain ones DuckDB, pandas/pyarrow and Spark read alike (UTF-8 strings, DATE, INT32,
/// INT64, DOUBLE, BOOLEAN).
/// </summary>
public sealed class ParquetRoundTripTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly Lazy<string> _out = new(() =>
    {
        var out_ = Path.Combine(TestFiles.TempFolder(), "results");
        // With the insights, whose profile column returnee_scores.parquet carries; no test here reads the audit or the report.
        Avrr.Expect(0, "run", Samples.Sample, "--out", out_, "--levels", "country+sex;assistance_type", "--indicators", "--quiet", "--no-audit", "--no-report");
        return out_;
    });

    private static string Out => _out.Value;

    public static TheoryData<string> Tables => new() { "returnee_scores", "aggregates", "panel_change", "comparisons" };

    [Theory]
    [MemberData(nameof(Tables))]
    public void The_parquet_file_holds_the_values_of_the_csv(string table)
    {
        var csv = CsvFile.Read(Path.Combine(Out, table + ".csv"));
        var parquet = ParquetTables.Read(Path.Combine(Out, table + ".parquet"));
        var columns = ParquetTables.Columns(Path.Combine(Out, table + ".parquet"));

        Assert.Equal(csv.Header, columns.Select(c => c.Name));
        Assert.Equal(csv.Rows.Count, parquet.Count);
        var nulls = 0;
        for (var r = 0; r < csv.Rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var name = columns[c].Name;
                var text = csv.Rows[r][c];
                var value = parquet[r][name];
                var where = $"{table} row {r + 2} {name}: CSV '{text}', Parquet '{value}'";
                if (value is null)
                {
                    Assert.True(text.Length == 0, where);
                    nulls++;
                    continue;
                }
                switch (value)
                {
                    case string s:
                        Assert.True(s.Length > 0, where + " (an empty string instead of a null)");
                        Assert.True(text == s || text == "'" + s && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r', where);
                        break;
                    case double d when table == "returnee_scores" && name != "weight":
                        // Scores: the CSV holds them rounded to 6 decimals, Parquet keeps the full double.
                        Assert.True(d.ToString("F6", Invariant) == text, where);
                        Assert.True(Math.Abs(d - double.Parse(text, Invariant)) <= 5e-7 + 1e-15, where);
                        break;
                    case double d:
                        // Weights and estimates: the CSV's round-trip text is exactly this double.
                        Assert.True(double.Parse(text, Invariant).Equals(d), where);
                        Assert.True(d.ToString("R", Invariant) == text, where);
                        break;
                    case long n:
                        Assert.True(n.ToString(Invariant) == text, where);
                        break;
                    case int n:
                        Assert.True(n.ToString(Invariant) == text, where);
                        break;
                    case bool b:
                        Assert.True((b ? "true" : "false") == text, where);
                        break;
                    case DateOnly day:
                        Assert.True(day.ToString("yyyy-MM-dd", Invariant) == text, where);
                        break;
                    default:
                        Assert.Fail($"{where}: unexpected type {value.GetType()}");
                        break;
                }
            }
        }
        Assert.True(nulls > 0, $"{table}: no null at all; the comparison of missing values was not exercised");
    }

    [Fact]
    public void Returnee_scores_parquet_uses_plain_types_survey_date_as_date_and_answered_as_int32()
    {
        var columns = ParquetTables.Columns(Path.Combine(Out, "returnee_scores.parquet")).ToDictionary(c => c.Name);

        var date = columns["survey_date"];
        Assert.Equal(Parquet.Meta.Type.INT32, date.Type);
        Assert.NotNull(date.LogicalType?.DATE);
        Assert.Equal(ConvertedType.DATE, date.ConvertedType);

        var answered = columns["answered"];
        Assert.Equal(Parquet.Meta.Type.INT32, answered.Type);
        Assert.Equal(FieldRepetitionType.REQUIRED, answered.RepetitionType);
        Assert.True(answered.LogicalType?.INTEGER is null or { BitWidth: 32, IsSigned: true });

        string[] text = ["returnee_id", "round", "quarter", "country", "community", .. OutputContract.SampleAttributes, "band", "weakest_dimension", "profile"];
        foreach (var name in text) AssertUtf8String(columns[name]);
        string[] doubles = ["weight", .. OutputContract.Indicators.Select(i => "indicator_" + i), "economic_score", "social_score", "psychosocial_score", "composite_score"];
        foreach (var name in doubles) AssertDouble(columns[name]);
        Assert.Equal(text.Length + doubles.Length + 2, columns.Count);
    }

    [Theory]
    [InlineData("aggregates")]
    [InlineData("panel_change")]
    [InlineData("comparisons")]
    public void Estimate_tables_use_utf8_strings_int64_counts_doubles_and_a_boolean_flag(string table)
    {
        var columns = ParquetTables.Columns(Path.Combine(Out, table + ".parquet"));

        foreach (var column in columns)
        {
            switch (column.Name)
            {
                case "n_rows" or "n" or "returnees" or "psus" or "df" or "n_reference" or "family_size":
                    Assert.Equal(Parquet.Meta.Type.INT64, column.Type);
                    Assert.True(column.LogicalType?.INTEGER is null or { BitWidth: 64, IsSigned: true }, column.Name);
                    break;
                case "suppressed":
                    Assert.Equal(Parquet.Meta.Type.BOOLEAN, column.Type);
                    Assert.Equal(FieldRepetitionType.REQUIRED, column.RepetitionType);
                    break;
                case "significant":
                    Assert.Equal(Parquet.Meta.Type.BOOLEAN, column.Type);
                    Assert.Equal(FieldRepetitionType.OPTIONAL, column.RepetitionType);
                    break;
                case "level" or "measure" or "country" or "community" or "quarter" or "sex" or "assistance_type" or "comparison" or "reference" or "family" or "note":
                    AssertUtf8String(column);
                    break;
                default:
                    AssertDouble(column);
                    break;
            }
        }
    }

    [Fact]
    public void Parquet_text_is_utf8_and_keeps_accented_community_names()
    {
        var scores = ParquetTables.Read(Path.Combine(Out, "returnee_scores.parquet"));
        var csv = CsvFile.Read(Path.Combine(Out, "returnee_scores.csv"));

        var accented = csv.Column("community").Where(c => c.Any(ch => ch > 127)).ToHashSet();
        Assert.Contains("Thiès", accented);
        Assert.Contains("N'Zérékoré", accented);
        Assert.Equal(accented, scores.Select(r => (string)r["community"]!).Where(c => c.Any(ch => ch > 127)).ToHashSet());
    }

    private static void AssertUtf8String(SchemaElement column)
    {
        Assert.True(column.Type == Parquet.Meta.Type.BYTE_ARRAY, $"{column.Name} is {column.Type}");
        Assert.True(column.LogicalType?.STRING is not null, $"{column.Name} has no STRING logical type");
        Assert.Equal(ConvertedType.UTF8, column.ConvertedType);
    }

    private static void AssertDouble(SchemaElement column)
    {
        Assert.True(column.Type == Parquet.Meta.Type.DOUBLE, $"{column.Name} is {column.Type}");
        Assert.Null(column.LogicalType);
        Assert.Null(column.ConvertedType);
        Assert.Equal(FieldRepetitionType.OPTIONAL, column.RepetitionType);
    }
}
