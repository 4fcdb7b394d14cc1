using Avrr.Analytics.Estimation;
using Avrr.Analytics.Grouping;
using Avrr.Analytics.Runs.Planning;

namespace Avrr.Analytics.Runs.Results;

/// <summary>
/// The estimates of a run from its cells: every level's groups merged from the cells (aggregates), the
/// comparisons between groups, and the panel change by the cell of each returnee's last survey, the tests of the
/// last two decided in their families. The one place
/// a run and a merge of partials (docs/partials.md) make their tables, so that both give the same numbers.
/// </summary>
internal static class EstimatesOfCells
{
    public static RunEstimates Make(EstimationPlan plan, CellIndex cells, DomainEstimator byCell, DomainEstimator? panelByCell, long panelReturnees, long returnees)
    {
        var levels = plan.OutputLevels(cells.SeveralQuarters);
        var tables = new LevelEstimates(cells, levels, plan.Measures);
        var aggregates = StageClock.Measure("aggregates", () => tables.Rows(byCell, plan.MinCell, onlyGroupsWithSurveys: false));
        StageClock.Memo("aggregates");
        var dimensions = plan.Dimensions;
        var comparisons = StageClock.Measure("comparisons", () =>
            new LevelComparisons(tables, cells, levels, plan.Measures, [0, .. dimensions], dimensions, plan.Fdr).Rows(byCell, plan.MinCell));
        var panel = panelReturnees == 0 || panelByCell is null ? []
            : ChangeTests.Decide(tables.Rows(panelByCell, plan.MinCell, onlyGroupsWithSurveys: true), plan.Ci, plan.Fdr);
        StageClock.Memo("panel change");
        return new RunEstimates(tables.Variables, levels.Select(l => plan.Levels[l].Name).ToArray(), aggregates, panel, panelReturnees, comparisons, returnees);
    }
}
