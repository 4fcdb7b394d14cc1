using System.Text;
using Avrr.Analytics.Runs;
using Avrr.Analytics.Runs.Merging;
using Avrr.Analytics.Runs.Partials;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Tests.Cli;
using AvrrCli = Avrr.Analytics.Tests.Cli.Avrr;
using Avrr.Analytics.Tests.Runs.Merging;

namespace Avrr.Analytics.Tests.Runs.Partials;

/// <summary>
/// Issue 23 §1: every value that reaches the SQL recipe (paths, column names, the scheme's id, in statements and in
/// comments) is refused or written by its dialect's own rules. A column name with a control character is refused
/// (exit 2), by flag or by the evaluation file; DuckDB's strings double their quotes and keep backslashes (checked by
/// DuckDB itself), Spark's escape backslashes, quotes and dollars (checked by a reader of Spark's lexer rules written
/// here); and the recipe with hostile paths and column names, run by DuckDB on a real tree, gives the run's tables
/// and writes no file it was not asked for.
/// </summary>
public sealed class SqlRecipeEscapingTests
{
    /// <summary>Texts an attacker would try: quotes of every kind, backslashes before quotes, comment starts, line breaks, Spark variables.</summary>
    public static TheoryData<string> Hostile => new()
    {
        "/lake/x'); DROP TABLE y; --",
        @"/lake/x\'); COPY (SELECT 42) TO 'pwned.csv'; --",
        @"C:\lake\returnee_scores\",
        "it''s \\\\ both '' \\' ends",
        "${avrr_salt}",
        "${hivevar:avrr_salt}/x",
        "a\nb\r\nc",
        "café ünïcödé 東京 \u2028 \u200B",
        "\"double\" `back` $dollar",
        "",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_DuckDB_string_gives_back_exactly_the_text_however_hostile(string text)
    {
        using var db = new DuckDb();
        Assert.Equal(text, db.Rows($"SELECT {SqlText.String(text, SqlDialect.DuckDb)}").Single()[0]);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_DuckDB_name_gives_back_exactly_the_name(string name)
    {
        if (name.Length == 0) return;
        using var db = new DuckDb();
        var rows = db.Rows($"SELECT * FROM (SELECT 1 AS {SqlText.Name(name, SqlDialect.DuckDb)}) t");
        Assert.Single(rows);
        var column = db.Rows($"SELECT column_name FROM (DESCRIBE SELECT 1 AS {SqlText.Name(name, SqlDialect.DuckDb)})").Single()[0];
        Assert.Equal(name, column);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_Spark_string_is_one_literal_that_Sparks_lexer_reads_back_as_the_text_and_that_nothing_substitutes(string text)
    {
        var sql = SqlText.String(text, SqlDialect.Spark) + " AS x";
        var (value, end) = SparkLiteral.Read(sql, 0);
        Assert.Equal(" AS x", sql[end..]);
        Assert.Equal(text, value);
        Assert.DoesNotContain("${", sql, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_comment_holds_no_line_break_or_separator_that_would_end_it(string text)
    {
        foreach (var dialect in new[] { SqlDialect.DuckDb, SqlDialect.Spark })
        {
            var comment = SqlText.Comment(text, dialect);
            Assert.DoesNotContain(comment, c => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' || char.IsControl(c));
            if (dialect == SqlDialect.Spark) Assert.DoesNotContain("${", comment, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--weight")]
    [InlineData("--cluster")]
    [InlineData("--strata")]
    public void A_column_name_with_a_control_character_is_refused_with_exit_2_and_no_sql(string flag)
    {
        // The issue's case: the newline ended the comment that named the weight, and DuckDB ran the next line.
        var call = AvrrCli.Expect(2, "partial", "sql", "--tree", "t", "--to", "p", flag, "weight\nCOPY (SELECT 42) TO 'x.csv'; --");
        Assert.Contains($"{flag} weight\\u000ACOPY", call.Output);
        Assert.Contains("holds a control character (U+000A); a column's name never does", call.Output);
        Assert.DoesNotContain("CREATE", call.Output);
        AvrrCli.Expect(2, "partial", "sql", "--tree", "t", "--to", "p", flag, "weight\u2028x");
        AvrrCli.Expect(2, "partial", "seal", TestFiles.TempFolder(), flag, "w\rx");
    }

    [Fact]
    public void A_column_name_with_a_control_character_in_the_evaluation_file_or_a_level_is_refused_too()
    {
        var config = Path.Combine(TestFiles.TempFolder(), "q3.json");
        File.WriteAllText(config, """{ "weight": "weight\nCOPY (SELECT 42) TO 'x.csv'; --" }""");
        var call = AvrrCli.Expect(2, "partial", "sql", "--tree", "t", "--to", "p", "--config", config);
        Assert.Contains("holds a control character (U+000A)", call.Output);
        Assert.Contains("\"weight\"", call.Output);
        Assert.Contains("holds a control character (U+000A)", AvrrCli.Expect(2, "partial", "sql", "--tree", "t", "--to", "p", "--levels", "country+se\nx").Output);
    }

    [Fact]
    public void Paths_with_a_control_character_or_with_a_pattern_in_the_tree_are_refused_with_exit_2()
    {
        Assert.Contains("--tree t\\u000Ax: holds a control character (U+000A)", AvrrCli.Expect(2, "partial", "sql", "--tree", "t\nx", "--to", "p").Output);
        Assert.Contains("holds a control character", AvrrCli.Expect(2, "partial", "sql", "--tree", "t", "--to", "p\u2029").Output);
        Assert.Contains("holds '*', which DuckDB's read_parquet reads as a pattern", AvrrCli.Expect(2, "partial", "sql", "--tree", "/lake/*", "--to", "p").Output);
        Assert.Contains("holds '\\', which DuckDB's read_parquet reads as a pattern", AvrrCli.Expect(2, "partial", "sql", "--tree", @"C:\lake\scores", "--to", "p").Output);
        Assert.Contains("holds '{', which Spark reads as a pattern", AvrrCli.Expect(2, "partial", "sql", "--tree", "/lake/{a,b}", "--to", "p", "--dialect", "spark").Output);
        Assert.Contains("holds '\\', which Spark reads", AvrrCli.Expect(2, "partial", "sql", "--tree", @"/lake/x\'); DROP TABLE y; --", "--to", "p", "--dialect", "spark").Output);
    }

    [Fact]
    public void The_Spark_recipe_escapes_a_hostile_output_path_and_names_and_refuses_a_name_spark_would_substitute()
    {
        var call = AvrrCli.Expect(0, "partial", "sql", "--tree", "/lake/scores", "--to", "/lake/x'); DROP TABLE y; --${avrr_salt}", "--dialect", "spark",
            "--cluster", "p`s'u\\", "--strata", "s\"t");
        // Every statement's literals end where Spark's lexer ends them: the output path is one literal, whole.
        var at = call.Output.IndexOf("INSERT OVERWRITE DIRECTORY ", StringComparison.Ordinal) + "INSERT OVERWRITE DIRECTORY ".Length;
        var (path, _) = SparkLiteral.Read(call.Output, at);
        Assert.Equal("/lake/x'); DROP TABLE y; --${avrr_salt}/cells", path);
        Assert.DoesNotContain("${avrr_salt}/", call.Output, StringComparison.Ordinal);
        Assert.Contains("`p``s'u\\`", call.Output);

        var refused = AvrrCli.Expect(2, "partial", "sql", "--tree", "/lake/scores", "--to", "/p", "--dialect", "spark", "--cluster", "x${avrr_salt}");
        Assert.Contains("--cluster x${avrr_salt}: holds ${, which spark-sql substitutes even inside a quoted name", refused.Output);
        AvrrCli.Expect(0, "partial", "sql", "--tree", "/lake/scores", "--to", "/p", "--cluster", "x${avrr_salt}");
    }

    [Fact]
    public void A_salt_that_would_break_the_Spark_recipes_text_is_refused_by_the_run_and_the_seal()
    {
        Assert.Null(ReturneeHash.Problem("a salt of letters, digits +/= and spaces"));
        foreach (var salt in new[] { "a salt that ends the ' literal", "a salt with a \\ backslash", "a salt with ${avrr_salt} in it", "a salt with a\nline break" })
            Assert.Contains("which spark-sql's --hivevar would carry into the recipe's SQL", ReturneeHash.Problem(salt));
    }

    [Fact]
    public void A_scheme_whose_id_holds_a_line_break_is_only_a_comment_in_the_recipe_DuckDB_runs()
    {
        var folder = TestFiles.TempFolder();
        var scheme = Path.Combine(folder, "scheme.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(TestFiles.Repository, "data-samples", "rss-15.json")),
            documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        var canary = Path.Combine(folder, "pwned.csv");
        json["id"] = $"x\nCOPY (SELECT 42) TO {DuckDb.Quote(canary)};\n--";
        File.WriteAllText(scheme, json.ToJsonString());
        var sql = PartialRecipe.Sql(new RecipeSettings { SchemePath = scheme }.Plan(), PartialPanel.Cells, Path.Combine(folder, "missing-tree"), folder, SqlDialect.DuckDb);
        Assert.StartsWith("-- ", sql.Split('\n')[1]);
        Assert.Contains("scheme x\\u000ACOPY", sql);
        using var db = new DuckDb();
        // The tree is missing, so the recipe fails at its first statement; the canary's COPY never ran.
        Assert.ThrowsAny<Exception>(() => db.Execute(sql));
        Assert.False(File.Exists(canary));
    }

    [Fact]
    public void The_DuckDB_recipe_with_hostile_paths_and_column_names_runs_on_a_real_tree_into_the_runs_tables_and_writes_nothing_else()
    {
        var f = new MergeFixture();
        var folder = TestFiles.TempFolder();
        // Column names an attacker would choose (lower-case, as headers are read), each in the design or the levels.
        const string cluster = "psu\"; drop table avrr_rows; --", stratum = "st'ra\\tum", group = "g'r\"p --x";
        var header = f.Header.Select(h => h switch { "psu" => cluster, "stratum" => stratum, _ => h }).Append(group).ToArray();
        var sex = Array.IndexOf(f.Header, "sex");
        var input = Path.Combine(folder, "hostile.csv");
        File.WriteAllLines(input, f.Rows.Select(r => string.Join(',', r.Append(r[sex]).Select(Csv))).Prepend(string.Join(',', header.Select(Csv))), new UTF8Encoding(false));
        var levels = new[] { Avrr.Analytics.Grouping.Level.Parse("country+" + group) };

        // A backslash in the tree's path is refused for DuckDB (its globbing reads it as an escape); in the output folder it is text.
        var tree = Path.Combine(folder, "tree '\" -- x");
        var result = Path.Combine(tree, "result");
        EvaluationRun.Execute(new RunSettings
        {
            Inputs = [input], OutputFolder = result, Report = false, Threads = 1, PartitionBy = ["country", "quarter"],
            ClusterColumn = cluster, StrataColumn = stratum, ExtraLevels = levels,
        });
        var partial = Path.Combine(folder, "out ';-- \\ \" x");
        Directory.CreateDirectory(partial);
        var recipe = new RecipeSettings { ClusterColumn = cluster, StrataColumn = stratum, ExtraLevels = levels };
        var sql = PartialRecipe.Sql(recipe.Plan(), PartialPanel.Cells, Path.Combine(result, "returnee_scores"), partial, SqlDialect.DuckDb);
        var before = Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).ToHashSet();
        using (var db = new DuckDb()) db.Execute(sql);
        var made = Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Where(p => !before.Contains(p)).ToArray();
        Assert.All(made, p => Assert.Equal(partial, Path.GetDirectoryName(p)));
        PartialSeal.Seal(partial, recipe);

        var merged = Path.Combine(folder, "merged");
        EvaluationMerge.Execute(new MergeSettings { Partials = [partial], OutputFolder = merged, Formats = Avrr.Analytics.IO.Writing.OutputFormats.Csv, Report = false });
        ResultTables.AssertSame(result, merged, Quantiles.Close, "aggregates", "comparisons", "panel_change");
        var aggregates = CsvFile.Read(Path.Combine(merged, "aggregates.csv"));
        var level = aggregates.Header.ToList().IndexOf("level");
        Assert.Contains(aggregates.Rows, r => r[level] == "country+" + group);
    }

    private static string Csv(string field) => field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";

    /// <summary>
    /// A string literal as Spark SQL 3.x reads it, written from its grammar rather than from avrr's escaping: the lexer's
    /// STRING_LITERAL is <c>'\'' ( ~('\''|'\\') | ('\\' .) )* '\''</c> (SqlBaseLexer.g4), and ParserUtils.unescapeSQLString
    /// turns <c>\uXXXX</c> into its character and <c>\x</c> into x for other characters (besides \0 \b \n \r \t \Z \% \_,
    /// which the escaping never writes).
    /// </summary>
    private static class SparkLiteral
    {
        public static (string Value, int End) Read(string sql, int start)
        {
            Assert.Equal('\'', sql[start]);
            var value = new StringBuilder();
            for (var i = start + 1; i < sql.Length; i++)
            {
                var c = sql[i];
                if (c == '\'') return (value.ToString(), i + 1);
                if (c != '\\') { value.Append(c); continue; }
                var next = sql[++i];
                if (next == 'u')
                {
                    value.Append((char)Convert.ToInt32(sql.Substring(i + 1, 4), 16));
                    i += 4;
                }
                else
                {
                    Assert.DoesNotContain(next, "0bnrtZ%_");
                    value.Append(next);
                }
            }
            throw new InvalidOperationException("the literal never ends");
        }
    }
}
