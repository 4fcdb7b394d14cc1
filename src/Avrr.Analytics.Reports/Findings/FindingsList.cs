using Avrr.Analytics.Reports.Results;

namespace Avrr.Analytics.Reports.Findings;

/// <summary>
/// A list of findings the report writes (countries against all, communities against their country, quarter changes,
/// weakest dimensions, changes since the first survey, the attributes of an outcome): its findings in table order, the
/// families they belong to with the tests each made, and how the run decided them. A section writes a sentence with a
/// direction only for a finding that is <see cref="Finding.Significant"/>, and says how many tests the list's
/// families made and how they were decided.
/// </summary>
public sealed class FindingsList
{
    public FindingsList(ResultTable table, IReadOnlyList<Finding> findings, Decisions decisions)
    {
        Table = table;
        Findings = findings;
        Decisions = decisions;
        Families = findings.Where(f => f.Family is not null).GroupBy(f => f.Family!, StringComparer.Ordinal)
            .Select(g => new FindingFamily(g.Key, FamilySize(table, g.ToArray()))).ToArray();
    }

    public ResultTable Table { get; }

    /// <summary>Every finding of the list, shown or not, in the table's order.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    public Decisions Decisions { get; }

    /// <summary>The families of the list's findings, in order of first appearance; none for a result without families.</summary>
    public IReadOnlyList<FindingFamily> Families { get; }

    /// <summary>The tests the list's families made: the sum of their sizes, or the tested findings of a result without families.</summary>
    public int Tests => Families.Count > 0 ? Families.Sum(f => f.Tests) : Findings.Count(f => f.Tested);

    public IEnumerable<Finding> Shown => Findings.Where(f => f.Shown);
    public IEnumerable<Finding> Significant => Shown.Where(f => f.Significant);
    public IEnumerable<Finding> NotSignificant => Shown.Where(f => !f.Significant);

    /// <summary>The finding of a row, or null when the row is not in the list.</summary>
    public Finding? Of(int row) => Findings.FirstOrDefault(f => f.Row == row);

    /// <summary>A family's size as written (the same on each of its rows), else its tested findings.</summary>
    private static int FamilySize(ResultTable table, Finding[] members) =>
        members.Select(f => table.Count(f.Row, "family_size")).FirstOrDefault(n => n is not null) is { } size ? (int)size : members.Count(f => f.Tested);
}
