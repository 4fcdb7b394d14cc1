namespace Avrr.Analytics.Audit;

/// <summary>
/// The flags of audit/flags (docs/audit.md, "Flags"), from the unweighted Pearson correlations and the
/// statistics of the whole sample. An indicator is flagged when it
/// <list type="bullet">
/// <item>correlates negatively with its own dimension (<c>negative_with_own_dimension</c>), or weakly,
/// |r| &lt; 0.2 (<c>weak_with_own_dimension</c>): it does not measure what its dimension measures;</item>
/// <item>correlates weakly, |r| &lt; 0.2, with the sum of the other indicators of its dimension
/// (<c>weak_with_rest_of_dimension</c>, psych's r.drop on the complete cases): the correlation with its own
/// dimension counts the indicator itself (a fifth of the dimension for rss-15), so an indicator of pure
/// noise can still show r ≈ 0.3 with it; this one does not;</item>
/// <item>correlates more strongly with another dimension than with its own (<c>stronger_with_other_dimension</c>);</item>
/// <item>correlates above 0.9 with an indicator of its dimension (<c>redundant_with_sibling</c>): the
/// two count the same thing twice;</item>
/// <item>raises its dimension's alpha when left out (<c>alpha_rises_without</c>, unweighted raw alpha);</item>
/// <item>is an outlier by COINr's rule, |skew| &gt; 2 and kurtosis &gt; 3.5 (<c>outlier</c>).</item>
/// </list>
/// </summary>
internal static class CoherenceChecks
{
    public const double Weak = 0.2, Redundant = 0.9;

    public static IReadOnlyList<CoherenceFlag> Flags(AuditVariables variables, Func<int, int, double> pearson,
        IReadOnlyList<AlphaIfDroppedRow> dropped, IReadOnlyList<ReliabilityRow> reliability, IReadOnlyList<IndicatorStatRow> stats)
    {
        var flags = new List<CoherenceFlag>();
        var names = variables.Names;
        for (var i = 0; i < variables.Indicators; i++)
        {
            var own = variables.DimensionOf[i];
            var ownVariable = variables.Indicators + own;
            var r = pearson(i, ownVariable);
            if (r < 0) flags.Add(new CoherenceFlag(names[i], "negative_with_own_dimension", names[ownVariable], r));
            if (Math.Abs(r) < Weak) flags.Add(new CoherenceFlag(names[i], "weak_with_own_dimension", names[ownVariable], r));
            var strongest = Enumerable.Range(0, variables.Dimensions).Where(d => d != own)
                .Select(d => (Variable: variables.Indicators + d, R: pearson(i, variables.Indicators + d)))
                .Where(o => !double.IsNaN(o.R)).OrderByDescending(o => o.R).FirstOrDefault();
            if (strongest.Variable > 0 && strongest.R > r) flags.Add(new CoherenceFlag(names[i], "stronger_with_other_dimension", names[strongest.Variable], strongest.R));
            for (var j = i + 1; j < variables.Indicators; j++)
                if (variables.DimensionOf[j] == own && pearson(i, j) > Redundant)
                    flags.Add(new CoherenceFlag(names[i], "redundant_with_sibling", names[j], pearson(i, j)));
            var scope = names[ownVariable];
            var alpha = reliability.FirstOrDefault(x => x.Scope == scope && !x.Weighted)?.AlphaRaw ?? double.NaN;
            var drop = dropped.FirstOrDefault(x => x.Scope == scope && x.Indicator == names[i] && !x.Weighted);
            if (drop is not null && Math.Abs(drop.RDrop) < Weak) flags.Add(new CoherenceFlag(names[i], "weak_with_rest_of_dimension", scope, drop.RDrop));
            if (drop is not null && drop.AlphaRaw > alpha) flags.Add(new CoherenceFlag(names[i], "alpha_rises_without", scope, drop.AlphaRaw));
            var overall = stats.FirstOrDefault(x => x.Indicator == names[i] && x.Group.Count == 0);
            if (overall is { Suppressed: false } && overall.Statistics.Outlier)
                flags.Add(new CoherenceFlag(names[i], "outlier", "", overall.Statistics.Skew));
        }
        return flags;
    }
}
