using Avrr.Analytics.Runs.Planning;

namespace Avrr.Analytics.Tests.Runs.Merging;

/// <summary>
/// A multi-year series kept without re-reading old exports (docs/partials.md, "Incremental quarters"): last
/// year's partial merged with each new quarter's gives the tables of one run over all the exports, panel change
/// included when the partials carry returnee summaries (a returnee's baseline last year, its follow-up now).
/// </summary>
public sealed class IncrementalQuartersTests
{
    [Fact]
    public void Last_years_partial_merged_with_this_quarters_is_the_run_over_both_years_exports()
    {
        var f = new MergeFixture();
        var date = f.Column("survey_date");
        var lastYear = f.Write("2024", f.Rows.Where(r => string.CompareOrdinal(r[date], "2025-01-01") < 0));
        var firstQuarter = f.Write("2025-Q1", f.Rows.Where(r => string.CompareOrdinal(r[date], "2025-01-01") >= 0 && string.CompareOrdinal(r[date], "2025-04-01") < 0));
        var secondQuarter = f.Write("2025-Q2", f.Rows.Where(r => string.CompareOrdinal(r[date], "2025-04-01") >= 0 && string.CompareOrdinal(r[date], "2025-07-01") < 0));

        var year = f.Partial("2024", [lastYear], Design.Clusters, PartialPanel.Returnees);
        var q1 = f.Partial("2025-Q1", [firstQuarter], Design.Clusters, PartialPanel.Returnees);
        var q2 = f.Partial("2025-Q2", [secondQuarter], Design.Clusters, PartialPanel.Returnees);

        var untilQ1 = f.Merge("until-q1", [year, q1]);
        ResultTables.AssertSame(f.Single("until-q1", [lastYear, firstQuarter], Design.Clusters), untilQ1, Quantiles.Exact);
        var untilQ2 = f.Merge("until-q2", [year, q1, q2]);
        ResultTables.AssertSame(f.Single("until-q2", [lastYear, firstQuarter, secondQuarter], Design.Clusters), untilQ2, Quantiles.Exact);
        // Returnees first surveyed in 2024 and again in 2025 are in the panel: it grows with the new quarters.
        Assert.True(Cli.CsvFile.Read(Path.Combine(untilQ2, "panel_change.csv")).Rows.Count > 0);
        Assert.Contains("\"panel_returnees\": 0", File.ReadAllText(Path.Combine(f.Folder, "result-2025-Q2", "manifest.json")));
        Assert.DoesNotContain("\"panel_returnees\": 0", File.ReadAllText(Path.Combine(untilQ2, "manifest.json")));
    }
}
