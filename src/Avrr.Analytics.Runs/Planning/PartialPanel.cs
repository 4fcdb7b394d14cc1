namespace Avrr.Analytics.Runs.Planning;

/// <summary>How a partial carries panel change (docs/partials.md, "Panel change across partials").</summary>
public enum PartialPanel
{
    /// <summary>The panel's sums per cell: merges exactly when each returnee's surveys all sit in one partial (the country-office case).</summary>
    Cells,
    /// <summary>Each returnee's first and last survey, keyed by a salted one-way hash of returnee_id: the merge pairs them across partials.</summary>
    Returnees,
}
