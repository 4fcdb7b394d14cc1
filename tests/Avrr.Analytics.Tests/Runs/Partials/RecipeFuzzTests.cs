using System.Text;
using Avrr.Analytics.Grouping;
using Avrr.Analytics.Runs.Partials;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Tests.Fuzzing;

namespace Avrr.Analytics.Tests.Runs.Partials;

/// <summary>
/// The SQL recipe's inputs (issue 23 §1) fuzzed: seeded mutations of the paths and column names that reach it (the tree,
/// the output folder, the weight, cluster and strata columns, a level's column), in both dialects and both panel modes.
/// Every outcome is a documented refusal (SettingsException: exit 2; ArgumentException for a path the command refuses
/// first) or a recipe whose statements are those of the same recipe with plain names: a lexer of each dialect's rules,
/// written here, takes out every string, quoted name and comment, and what is left must be the same text. So no value
/// ever leaves its literal, its name or its comment, and (Spark) no value adds a <c>${…}</c> to substitute.
/// </summary>
public sealed class RecipeFuzzTests
{
    private static readonly string[] Seeds = ["weight", "/lake/returnee_scores", "psu", "stratum", "sex", "s3://lake/partials/2026-Q3", "it's a \"name\" --", "C:\\data\\x"];

    private static string Hostile(Mutator mutator) =>
        Encoding.UTF8.GetString(mutator.Mutate(Encoding.UTF8.GetBytes(Seeds[mutator.Next(Seeds.Length)]), Encoding.UTF8.GetBytes(Seeds[mutator.Next(Seeds.Length)])));

    private sealed record Case(string Tree, string To, string Weight, string? Cluster, string? Strata, string? Variable, SqlDialect Dialect, PartialPanel Panel);

    [Theory]
    [InlineData(41)]
    [InlineData(42)]
    public void Hostile_paths_and_names_give_a_refusal_or_a_recipe_whose_statements_they_leave_unchanged(int seed)
    {
        var folder = TestFiles.TempFolder();
        var cases = new Dictionary<string, Case>();
        FuzzLoop.Run(seed, FuzzLoop.Iterations(600), (mutator, i) =>
            {
                var path = Path.Combine(folder, $"case-{i}");
                File.WriteAllText(path, "");
                cases[path] = new Case(Hostile(mutator), Hostile(mutator), Hostile(mutator),
                    mutator.Next(2) == 0 ? Hostile(mutator) : null, mutator.Next(2) == 0 ? Hostile(mutator) : null, mutator.Next(2) == 0 ? Hostile(mutator) : null,
                    mutator.Next(2) == 0 ? SqlDialect.DuckDb : SqlDialect.Spark, mutator.Next(2) == 0 ? PartialPanel.Cells : PartialPanel.Returnees);
                return path;
            },
            path => Check(cases[path]),
            typeof(SettingsException), typeof(ArgumentException), typeof(FormatException));
    }

    private static void Check(Case c)
    {
        var plan = new RecipeSettings
        {
            WeightColumn = c.Weight, ClusterColumn = c.Cluster, StrataColumn = c.Strata,
            ExtraLevels = c.Variable is null ? [] : [Level.Parse("country+" + c.Variable)],
        }.Plan();
        var sql = PartialRecipe.Sql(plan, c.Panel, c.Tree, c.To, c.Dialect);

        // The same recipe with plain names: each distinct name its own, the paths plain folders.
        var names = plan.Levels.SelectMany(l => l.Variables).Concat([plan.ClusterColumn, plan.StrataColumn]).OfType<string>().Distinct().ToArray();
        string Plain(string name) => "n" + Array.IndexOf(names, name);
        var plain = plan with
        {
            Levels = plan.Levels.Select(l => l.Variables.Count == 0 ? l : Level.Parse(string.Join('+', l.Variables.Select(Plain)))).ToArray(),
            WeightColumn = "w", ClusterColumn = plan.ClusterColumn is { } cluster ? Plain(cluster) : null, StrataColumn = plan.StrataColumn is { } strata ? Plain(strata) : null,
        };
        var expected = PartialRecipe.Sql(plain, c.Panel, "/tree", "/out", c.Dialect);

        Assert.Equal(Skeleton(expected, c.Dialect), Skeleton(sql, c.Dialect));
        if (c.Dialect == SqlDialect.Spark) Assert.Equal(Count(expected, "${"), Count(sql, "${"));
    }

    private static int Count(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + 1, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>
    /// The text with every string literal, quoted name and comment replaced by one letter (S, N, C), read by the rules of
    /// each dialect: DuckDB (PostgreSQL's lexer: '…' with '' inside, "…" with "" inside, -- to a line end, /* */) and Spark
    /// SQL 3 (SqlBaseLexer.g4: '…' and "…" with a backslash escaping the next character, `…` with `` inside, -- to a line
    /// end, /* */). A literal that never ends makes the rest of the text one token, which no recipe with plain names has.
    /// </summary>
    private static string Skeleton(string sql, SqlDialect dialect)
    {
        var spark = dialect == SqlDialect.Spark;
        var skeleton = new StringBuilder();
        for (var i = 0; i < sql.Length;)
        {
            var c = sql[i];
            if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                while (i < sql.Length && sql[i] is not ('\n' or '\r')) i++;
                skeleton.Append('C');
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
                skeleton.Append('C');
            }
            else if (c == '\'' || (c == '"' && spark))
            {
                i = spark ? EscapedEnd(sql, i, c) : DoubledEnd(sql, i, c);
                skeleton.Append('S');
            }
            else if ((c == '"' && !spark) || (c == '`' && spark))
            {
                i = DoubledEnd(sql, i, c);
                skeleton.Append('N');
            }
            else
            {
                skeleton.Append(c);
                i++;
            }
        }
        return skeleton.ToString();
    }

    /// <summary>The end of a token quoted by <paramref name="quote"/> in which the quote doubled stands for itself.</summary>
    private static int DoubledEnd(string sql, int start, char quote)
    {
        for (var i = start + 1; i < sql.Length; i++)
            if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote) i++;
                else return i + 1;
            }
        return sql.Length;
    }

    /// <summary>The end of a token quoted by <paramref name="quote"/> in which a backslash escapes the next character.</summary>
    private static int EscapedEnd(string sql, int start, char quote)
    {
        for (var i = start + 1; i < sql.Length; i++)
        {
            if (sql[i] == '\\') i++;
            else if (sql[i] == quote) return i + 1;
        }
        return sql.Length;
    }
}
