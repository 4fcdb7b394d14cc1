using Avrr.Analytics.Grouping;
using Avrr.Analytics.Inference;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Estimation;

/// <summary>
/// The rows of comparisons (docs/methodology.md, "Comparisons"): differences between groups of the levels written,
/// each with its design-based standard error from the sums the cells keep (<see cref="DomainEstimator.Difference"/>):
/// <list type="bullet">
/// <item><c>vs_all</c>: each country − all countries (level country);</item>
/// <item><c>vs_parent</c>: each community − its country (level country+community);</item>
/// <item><c>vs_previous_quarter</c>: each quarter − the previous quarter the same group has (every level that groups by quarter);</item>
/// <item><c>weakest_dimension</c>: per country, its lowest dimension mean − its second lowest.</item>
/// </list>
/// Rows go by level (in output order), then group (values in byte order), then measure; a country's
/// weakest-dimension row follows its measures.
/// <para>
/// Each difference is a test of its family (docs/methodology.md, "Families and the false discovery rate"), decided
/// with the family's other tests (<see cref="TestFamilies"/>): per measure, the countries against all; the
/// communities of one country against it; the quarter-to-quarter changes of one group (a country's series); and
/// the countries' weakest dimensions.
/// </para>
/// </summary>
public sealed class LevelComparisons
{
    private readonly LevelEstimates _tables;
    private readonly CellIndex _cells;
    private readonly IReadOnlyList<int> _levels;
    private readonly IReadOnlyList<string> _measures;
    private readonly IReadOnlyList<int> _compared;
    private readonly IReadOnlyList<int> _dimensions;
    private readonly MultipleTesting _fdr;

    /// <param name="tables">The estimate tables' grouping columns.</param>
    /// <param name="cells">The cells the surveys were added to, with the groups of every level.</param>
    /// <param name="levels">The positions of the levels written, in order.</param>
    /// <param name="measures">The measure names, in the estimator's order.</param>
    /// <param name="compared">The measures compared between groups (the composite and the dimensions).</param>
    /// <param name="dimensions">The dimension measures, in scheme order, for the weakest dimension (their cross-products must be kept without clusters).</param>
    /// <param name="fdr">How the tests of a family are decided together.</param>
    public LevelComparisons(LevelEstimates tables, CellIndex cells, IReadOnlyList<int> levels, IReadOnlyList<string> measures,
        IReadOnlyList<int> compared, IReadOnlyList<int> dimensions, MultipleTesting fdr = MultipleTesting.BenjaminiHochberg)
    {
        _fdr = fdr;
        _tables = tables;
        _cells = cells;
        _levels = levels;
        _measures = measures;
        _compared = compared;
        _dimensions = dimensions;
    }

    public List<ComparisonRow> Rows(DomainEstimator byCell, int minCell)
    {
        var groups = _cells.Groups;
        var all = Find([]);
        var country = Find([SurveyColumns.Country]);
        var community = Find([SurveyColumns.Country, SurveyColumns.Community]);
        var byQuarter = _levels.Where(l => groups.Levels[l].Variables.Contains(SurveyColumns.Quarter)).ToArray();
        int[] used = [.. new[] { all, country, community }.Where(l => l >= 0), .. byQuarter];
        if (used.Length == 0) return [];

        // Every level that takes part, merged from the cells at once, means and sums only (no distributions).
        var domainsOfCell = _cells.DomainsOfCells();
        var picked = domainsOfCell.Select(d => used.Select(l => d[l]).ToArray()).ToArray();
        var estimator = byCell.Regroup(cell => picked[cell], distributions: false);

        var allDomain = all >= 0 ? groups.DomainsOf(all).Single().Domain : -1;
        var countryDomains = country >= 0 ? groups.DomainsOf(country).ToDictionary(g => g.Values[0], g => g.Domain, StringComparer.Ordinal) : [];
        var rows = new List<ComparisonRow>();
        var families = new List<string>();
        foreach (var l in _levels)
        {
            var level = groups.Levels[l];
            var previous = byQuarter.Contains(l) ? PreviousQuarters(l) : null;
            // A quarter's family is its series: the group's values but the quarter (a country's quarters).
            var q = level.Variables.ToList().IndexOf(SurveyColumns.Quarter);
            foreach (var (domain, values) in groups.DomainsOf(l))
            {
                var groupValues = _tables.GroupValues(level, values);
                foreach (var m in _compared)
                {
                    if (l == country && allDomain >= 0)
                        Add(ComparisonKinds.VsAll, ComparisonKinds.All, estimator.Difference(domain, m, allDomain, m, DomainOverlap.Nested, minCell), []);
                    if (l == community && countryDomains.TryGetValue(values[0], out var parent))
                        Add(ComparisonKinds.VsParent, values[0], estimator.Difference(domain, m, parent, m, DomainOverlap.Nested, minCell),
                            [(SurveyColumns.Country, values[0])]);
                    if (previous is not null && previous.TryGetValue(domain, out var before))
                        Add(ComparisonKinds.VsPreviousQuarter, before.Quarter, estimator.Difference(domain, m, before.Domain, m, DomainOverlap.Disjoint, minCell),
                            level.Variables.Select((v, i) => (v, values[i])).Where((_, i) => i != q));

                    void Add(string kind, string reference, DomainDifference difference, IEnumerable<(string, string)> scope)
                    {
                        rows.Add(new ComparisonRow(level.Name, groupValues, _measures[m], kind, reference, difference, default));
                        families.Add(TestFamilies.Key(kind, _measures[m], scope));
                    }
                }
                if (l == country && _dimensions.Count >= 2)
                {
                    rows.Add(Weakest(estimator, level.Name, groupValues, domain, minCell));
                    families.Add(TestFamilies.Key(ComparisonKinds.WeakestDimension, null));
                }
            }
        }
        var decisions = TestFamilies.Decide(rows.Select((r, i) => (families[i], r.Difference.PValue)).ToArray(), _fdr);
        for (var i = 0; i < rows.Count; i++) rows[i] = rows[i] with { Decision = decisions[i] };
        return rows;

        int Find(string[] variables) =>
            _levels.FirstOrDefault(l => groups.Levels[l].Variables.SequenceEqual(variables), -1);
    }

    /// <summary>For each group of a level that groups by quarter, the group of the previous quarter with the same other values, when there is one.</summary>
    private Dictionary<int, (int Domain, string Quarter)> PreviousQuarters(int level)
    {
        var variables = _cells.Groups.Levels[level].Variables;
        var q = variables.ToList().IndexOf(SurveyColumns.Quarter);
        var previous = new Dictionary<int, (int, string)>();
        // Quarter texts (2026-Q3) sort as the calendar does.
        var series = _cells.Groups.DomainsOf(level)
            .GroupBy(g => string.Join('\u0001', g.Values.Where((_, i) => i != q)), StringComparer.Ordinal);
        foreach (var quarters in series)
        {
            var ordered = quarters.OrderBy(g => g.Values[q], StringComparer.Ordinal).ToArray();
            for (var i = 1; i < ordered.Length; i++) previous[ordered[i].Domain] = (ordered[i - 1].Domain, ordered[i - 1].Values[q]);
        }
        return previous;
    }

    /// <summary>
    /// A country's lowest dimension mean − its second lowest (ties to the first in scheme order), ranked among the
    /// dimensions that are shown (n ≥ min-cell), so that a withheld mean never decides the rank.
    /// </summary>
    private ComparisonRow Weakest(DomainEstimator estimator, string level, IReadOnlyList<string?> groupValues, int domain, int minCell)
    {
        var shown = _dimensions
            .Select(m => (Measure: m, Estimate: estimator.Estimate(domain, m, minCell)))
            .Where(d => !d.Estimate.Suppressed)
            .OrderBy(d => d.Estimate.Mean)      // stable: ties keep scheme order
            .ToArray();
        if (shown.Length < 2)
            return new ComparisonRow(level, groupValues, "", ComparisonKinds.WeakestDimension, "", DomainDifference.Withheld(EstimateNotes.TooFewDimensions), default);
        var (lowest, second) = (shown[0].Measure, shown[1].Measure);
        var difference = estimator.Difference(domain, lowest, domain, second, DomainOverlap.SameSurveys, minCell);
        if (shown.Length < _dimensions.Count) difference = difference with { Note = EstimateNotes.Join(difference.Note, EstimateNotes.RankedAmongShown) };
        return new ComparisonRow(level, groupValues, _measures[lowest], ComparisonKinds.WeakestDimension, _measures[second], difference, default);
    }
}
