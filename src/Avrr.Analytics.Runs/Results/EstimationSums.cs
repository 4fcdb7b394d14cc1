using Avrr.Analytics.Collections;
using Avrr.Analytics.Estimation;
using Avrr.Analytics.Grouping;

namespace Avrr.Analytics.Runs.Results;

/// <summary>
/// What the estimation stage keeps once the last survey is in: the cells and their sums, the design with the
/// labels of its strata and clusters, and the panel's cells and surveys. A partial is written from it
/// (docs/partials.md); nothing in it is a survey's row.
/// </summary>
internal sealed record EstimationSums(
    CellIndex Cells,
    SurveyDesign Design,
    DomainEstimator ByCell,
    Utf8Table StrataLabels,
    Utf8Table ClusterLabels,
    DomainEstimator? PanelByCell,
    PanelPairing Panel,
    long PanelReturnees,
    long Returnees)
{
    /// <summary>With returnee summaries: every scored survey's salted key (<see cref="Partials.SurveyKeyHash"/>), in buckets by its first bits.</summary>
    public Passes.SpillBuckets? SurveyKeys { get; init; }
}
