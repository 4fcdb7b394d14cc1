using System.Globalization;
using Avrr.Analytics.Tests.Cli;

namespace Avrr.Analytics.Tests.Runs.Merging;

/// <summary>How the quantiles of two results must agree.</summary>
internal enum Quantiles
{
    /// <summary>To the last bit: the same surveys in the same order (ties sit in survey order).</summary>
    Exact,
    /// <summary>To 1e-12: the same surveys, their weight totals rounded once more (the SQL recipe's sums).</summary>
    Close,
    /// <summary>Not compared: the surveys in another order, so tied surveys of unequal weights may decide otherwise.</summary>
    Skipped,
}

/// <summary>
/// Two result folders (a single run's and a merge's) compared table by table, the tolerances of docs/partials.md:
/// rows, their order and every text cell (levels, groups, measures, suppression, notes, families, decisions) the same;
/// counts (n_rows, n, psus, df, returnees, n_reference, family_size) exactly; quantiles as asked; every other statistic to 1e-12, relative to
/// the larger of 1 and the value (weight_sum is a sum of weights, in thousands).
/// </summary>
internal static class ResultTables
{
    private static readonly HashSet<string> Counts = ["n_rows", "n", "psus", "df", "returnees", "n_reference", "surveys", "family_size"];
    private static readonly HashSet<string> QuantileColumns = ["median", "p25", "p75"];
    private static readonly HashSet<string> Numbers =
        ["weight_sum", "mean", "se", "ci_low", "ci_high", "n_eff", "share_low", "share_medium", "share_high", "mean_change", "estimate", "share",
         "p_value", "p_adjusted"];

    public static void AssertSame(string expected, string actual, Quantiles quantiles, params string[] tables)
    {
        foreach (var table in tables.Length > 0 ? tables : ["aggregates", "comparisons", "panel_change", "data_quality"])
        {
            var path = Path.Combine(expected, table + ".csv");
            Assert.True(File.Exists(path) == File.Exists(Path.Combine(actual, table + ".csv")), $"{table}.csv is in one result and not in the other");
            if (!File.Exists(path)) continue;
            AssertSameTable(table, CsvFile.Read(path), CsvFile.Read(Path.Combine(actual, table + ".csv")), quantiles);
        }
    }

    private static void AssertSameTable(string table, CsvFile expected, CsvFile actual, Quantiles quantiles)
    {
        Assert.Equal(expected.Header, actual.Header);
        Assert.True(expected.Rows.Count == actual.Rows.Count, $"{table}: {expected.Rows.Count} rows in the single run, {actual.Rows.Count} in the merge");
        for (var r = 0; r < expected.Rows.Count; r++)
            for (var c = 0; c < expected.Header.Count; c++)
            {
                var (column, e, a) = (expected.Header[c], expected.Rows[r][c], actual.Rows[r][c]);
                var where = $"{table} row {r + 2} ({string.Join(",", expected.Rows[r].Take(5))}), {column}";
                if (Numbers.Contains(column) || (QuantileColumns.Contains(column) && quantiles == Quantiles.Close))
                {
                    Assert.True(e.Length == 0 == (a.Length == 0), $"{where}: '{e}' in the single run, '{a}' in the merge");
                    if (e.Length == 0) continue;
                    var (x, y) = (double.Parse(e, CultureInfo.InvariantCulture), double.Parse(a, CultureInfo.InvariantCulture));
                    Assert.True(Math.Abs(x - y) <= 1e-12 * Math.Max(1, Math.Abs(x)), $"{where}: {e} in the single run, {a} in the merge");
                }
                else if (QuantileColumns.Contains(column) && quantiles == Quantiles.Skipped) continue;
                else Assert.True(e == a, $"{where}: '{e}' in the single run, '{a}' in the merge" + (Counts.Contains(column) ? " (a count)" : ""));
            }
    }
}
