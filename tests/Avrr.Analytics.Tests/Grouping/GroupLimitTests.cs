using Avrr.Analytics.Grouping;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Tests.Grouping;

/// <summary>
/// Estimation memory is bounded whatever the data (docs/methodology.md, "Limits"): a level with more
/// than GroupTable.MaxGroups (50,000) groups, or more than CellIndex.MaxCells (200,000) combinations of
/// the grouping columns of all levels, is refused as soon as the limit is passed, naming the level and
/// the column with the most values; up to the limits every survey gets its cell.
/// </summary>
public sealed class GroupLimitTests
{
    private static readonly SurveyLayout Layout = new(Scheme.Rss15, ["a", "b"]);

    /// <summary>Adds surveys with the given values of attributes a and b (country SEN, one date) until <paramref name="count"/> are in.</summary>
    private static void Add(CellIndex cells, int count, Func<int, (string A, string B)> values)
    {
        var batch = new SurveyBatch(Layout);
        var a = Layout.IndexOf("a")!.Value;
        var b = Layout.IndexOf("b")!.Value;
        for (var i = 0; i < count;)
        {
            batch.Reset("test", 0);
            while (!batch.IsFull && i < count)
            {
                var row = batch.AddRow(i + 2, i);
                batch.SetField(row, SurveyLayout.Country, "SEN");
                var (va, vb) = values(i);
                batch.SetField(row, a, va);
                batch.SetField(row, b, vb);
                batch.SurveyDate[row] = new DateOnly(2026, 7, 14);
                i++;
            }
            for (var row = 0; row < batch.Count; row++) cells.CellOf(batch, row);
        }
    }

    [Fact]
    public void A_level_is_refused_when_it_passes_the_most_groups_naming_the_level_and_its_busiest_column()
    {
        var cells = new CellIndex([Level.All, Level.Parse("country"), Level.Parse("country+a")], Layout);
        Add(cells, GroupTable.MaxGroups - 1, i => ($"id-{i}", "x"));     // the level has every group it may have

        var e = Assert.Throws<TooManyGroupsException>(() => Add(cells, GroupTable.MaxGroups + 10, i => ($"id-{i}", "x")));

        Assert.Equal("country+a", e.Level);
        Assert.Equal("a", e.Column);
        Assert.StartsWith("the level country+a has more than 50,000 groups, the most a level may have; its column a already has 50,001 different values", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_level_within_the_limit_keeps_all_its_groups()
    {
        var cells = new CellIndex([Level.All, Level.Parse("country+a")], Layout);
        Add(cells, GroupTable.MaxGroups, i => ($"id-{i}", "x"));

        Assert.Equal(GroupTable.MaxGroups, cells.Count);
        Assert.Equal(GroupTable.MaxGroups, cells.Groups.DomainsOf(1).Count);
    }

    [Fact]
    public void Combinations_of_the_columns_of_all_levels_are_refused_past_the_most_cells()
    {
        // Two levels of 1,000 groups each, well within the limit, whose combinations pass 200,000 cells.
        var cells = new CellIndex([Level.All, Level.Parse("a"), Level.Parse("b")], Layout);

        var e = Assert.Throws<TooManyGroupsException>(() => Add(cells, 1_000_000, i => ($"a-{i % 1000}", $"b-{i / 1000}")));

        Assert.Null(e.Level);
        Assert.Equal(CellIndex.MaxCells + 1, cells.Count);      // refused at the first cell past the limit
        Assert.StartsWith("the surveys fall into more than 200,000 combinations of the grouping columns of all levels", e.Message, StringComparison.Ordinal);
    }
}
