using Avrr.Analytics.Grouping;

namespace Avrr.Analytics.Estimation;

/// <summary>
/// The rows of an estimate table (aggregates, panel_change): for each level written, each of its groups
/// and each measure, the estimates merged from the cells the surveys were added to
/// (<see cref="DomainEstimator.Regroup"/>), in output order: level, then group values in byte order,
/// then measure.
/// </summary>
public sealed class LevelEstimates
{
    private readonly CellIndex _cells;
    private readonly IReadOnlyList<int> _levels;
    private readonly IReadOnlyList<string> _measures;

    /// <param name="cells">The cells the surveys were added to, with the groups of every level.</param>
    /// <param name="levels">The positions (among the cells' levels) of the levels to write, in order.</param>
    /// <param name="measures">The measure names, in the estimator's order.</param>
    public LevelEstimates(CellIndex cells, IReadOnlyList<int> levels, IReadOnlyList<string> measures)
    {
        _cells = cells;
        _levels = levels;
        _measures = measures;
        Variables = levels.SelectMany(l => cells.Groups.Levels[l].Variables).Distinct().ToArray();
    }

    /// <summary>The grouping columns of the levels written, in order of first use: the group columns of the table.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>
    /// The rows of an estimator whose domains are the cells. <paramref name="onlyGroupsWithSurveys"/> leaves
    /// out groups no survey was added to (panel change lists only groups with a panel returnee).
    /// </summary>
    public List<EstimateRow> Rows(DomainEstimator byCell, int minCell, bool onlyGroupsWithSurveys)
    {
        var rows = new List<EstimateRow>();
        var domainsOfCell = _cells.DomainsOfCells();
        var groups = _cells.Groups;
        foreach (var l in _levels)
        {
            // One level's groups at a time, merged from the cells: the distributions of a level's groups
            // (every distinct value, for the quantiles) are dropped before the next level's are made.
            var estimator = byCell.Regroup(cell => domainsOfCell[cell].AsSpan(l, 1), crossProducts: false);
            var level = groups.Levels[l];
            foreach (var (domain, values) in groups.DomainsOf(l))
            {
                if (onlyGroupsWithSurveys && estimator.Rows(domain) == 0) continue;
                var groupValues = GroupValues(level, values);
                for (var m = 0; m < _measures.Count; m++)
                    rows.Add(new EstimateRow(level.Name, groupValues, _measures[m], estimator.Estimate(domain, m, minCell)));
            }
        }
        return rows;
    }

    /// <summary>A group's values (in its level's variable order) in the table's grouping columns, null where the level does not use one.</summary>
    public string?[] GroupValues(Level level, IReadOnlyList<string> values)
    {
        var groupValues = new string?[Variables.Count];
        for (var i = 0; i < values.Count; i++) groupValues[IndexOf(level.Variables[i])] = values[i];
        return groupValues;
    }

    private int IndexOf(string variable)
    {
        for (var i = 0; i < Variables.Count; i++) if (Variables[i] == variable) return i;
        return -1;
    }
}
