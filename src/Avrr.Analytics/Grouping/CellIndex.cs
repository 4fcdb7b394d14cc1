using System.Text;
using Avrr.Analytics.Surveys;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Grouping;

/// <summary>
/// The cell of each survey: its combination of values of every grouping column that any level uses
/// (country, community, quarter, …). A run adds each survey once, to its cell, and every level's groups
/// are merged from the cells at the end, so that the work per survey does not grow with the number of
/// levels. Values are numbered by the <see cref="GroupTable"/> of the levels, which then names the groups.
/// </summary>
public sealed class CellIndex
{
    private static readonly byte[] Unknown = Encoding.UTF8.GetBytes(SurveyColumns.UnknownCommunity);

    private readonly int[] _variableColumn;          // run column of each grouping variable; -1 for the quarter
    private readonly int[] _valueIds;
    private readonly CombinationIndex _cells = new();
    private readonly byte[] _quarterText = new byte[Quarter.TextLength];
    private int _lastQuarter = -1, _lastQuarterId, _firstQuarter = -1;

    /// <summary>
    /// The most cells a run may hold (docs/methodology.md, "Limits"): estimation keeps state per cell, so
    /// this bounds its memory whatever the data. Each level also has at most <see cref="GroupTable.MaxGroups"/> groups.
    /// </summary>
    public const int MaxCells = 200_000;

    public GroupTable Groups { get; }

    /// <summary>Whether the surveys added so far span more than one quarter.</summary>
    public bool SeveralQuarters { get; private set; }

    public int Count => _cells.Count;

    public CellIndex(IReadOnlyList<Level> levels, SurveyLayout layout) : this(levels)
    {
        _variableColumn = Groups.Variables.Select(v => v == SurveyColumns.Quarter ? -1 : layout.IndexOf(v)!.Value).ToArray();
    }

    /// <summary>Cells named by their values' texts (<see cref="CellOf(IReadOnlyList{string})"/>): the cells of partials being merged.</summary>
    public CellIndex(IReadOnlyList<Level> levels)
    {
        Groups = new GroupTable(levels);
        _variableColumn = [];
        _valueIds = new int[Groups.Variables.Count];
        _quarterVariable = Groups.IndexOfVariable(SurveyColumns.Quarter);
        Groups.Domain(0, []);   // the first level has a group even when no survey is added (the whole sample)
    }

    private readonly int _quarterVariable;
    private string? _firstQuarterText;

    /// <summary>
    /// The cell of a combination of values, one text per grouping column (<see cref="GroupTable.Variables"/>, in
    /// that order), numbering it (and its values) when new: a cell of a partial (docs/partials.md).
    /// </summary>
    public int CellOf(IReadOnlyList<string> values)
    {
        if (values.Count != _valueIds.Length) throw new ArgumentException($"A cell has {_valueIds.Length} values, not {values.Count}.", nameof(values));
        for (var v = 0; v < _valueIds.Length; v++)
        {
            if (v == _quarterVariable)
            {
                if (_firstQuarterText is null) _firstQuarterText = values[v];
                else if (!string.Equals(values[v], _firstQuarterText, StringComparison.Ordinal)) SeveralQuarters = true;
            }
            _valueIds[v] = Groups.ValueId(v, Encoding.UTF8.GetBytes(values[v]));
        }
        return _cells.IdOf(_valueIds);
    }

    /// <summary>The texts of a cell's values, one per grouping column (<see cref="GroupTable.Variables"/>, in that order).</summary>
    public string[] ValuesOf(int cell)
    {
        var ids = _cells[cell];
        var texts = new string[ids.Length];
        for (var v = 0; v < ids.Length; v++) texts[v] = Groups.ValueText(v, ids[v]);
        return texts;
    }

    /// <summary>The cell of a scored row of a batch, numbering it (and its values) when new.</summary>
    public int CellOf(SurveyBatch batch, int row)
    {
        var quarter = Quarter.Of(batch.SurveyDate[row]).Index;
        if (_firstQuarter < 0) _firstQuarter = quarter;
        else if (quarter != _firstQuarter) SeveralQuarters = true;
        for (var v = 0; v < _valueIds.Length; v++)
            _valueIds[v] = _variableColumn[v] < 0 ? QuarterId(v, batch.SurveyDate[row], quarter) : Groups.ValueId(v, GroupValue(batch, row, _variableColumn[v]));
        var count = _cells.Count;
        var cell = _cells.IdOf(_valueIds);
        if (cell == count) Numbered(cell);
        return cell;
    }

    /// <summary>
    /// A cell numbered just now: refused past <see cref="MaxCells"/>, and its group of every level numbered
    /// at once (in the order <see cref="DomainsOfCells"/> numbers them), so that a level past
    /// <see cref="GroupTable.MaxGroups"/> is refused as soon as it gets there, not after the last survey.
    /// </summary>
    private void Numbered(int cell)
    {
        if (cell == MaxCells)
        {
            var busiest = Groups.Busiest(Enumerable.Range(0, Groups.Variables.Count));
            throw TooManyGroupsException.ForCells(Groups.Variables[busiest], Groups.ValueCount(busiest), MaxCells);
        }
        for (var level = 0; level < Groups.Levels.Count; level++) Groups.Domain(level, _valueIds);
    }

    /// <summary>The value number of a quarter's text ("2026-Q3"), formatted once per run of rows of one quarter.</summary>
    private int QuarterId(int variable, DateOnly date, int quarter)
    {
        if (quarter != _lastQuarter) (_lastQuarter, _lastQuarterId) = (quarter, Groups.ValueId(variable, Quarter.Utf8(date, _quarterText)));
        return _lastQuarterId;
    }

    /// <summary>The value of a grouping or design column: trimmed, "(unknown)" when empty.</summary>
    public static ReadOnlySpan<byte> GroupValue(SurveyBatch batch, int row, int column)
    {
        var value = batch.TrimmedField(row, column);
        return value.IsEmpty ? Unknown : value;
    }

    /// <summary>The group of each level that a cell belongs to, for every cell: [cell][level].</summary>
    public int[][] DomainsOfCells() =>
        Enumerable.Range(0, _cells.Count)
            .Select(cell => Enumerable.Range(0, Groups.Levels.Count).Select(l => Groups.Domain(l, _cells[cell])).ToArray())
            .ToArray();
}
