using System.Text;
using Avrr.Analytics.Estimation;
using Avrr.Analytics.Grouping;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Scoring;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.IO.Run;

/// <summary>
/// What a run accumulates from the scored batches, in input order: the accounting of rows and rejects,
/// the survey design, the estimates, and the surveys of panel returnees. Each survey is added once, to
/// the cell of its combination of grouping values (country, community, quarter, …); every level's groups
/// are merged from the cells at the end (<see cref="DomainEstimator.Regroup"/>). State per cell, per
/// stratum and per cluster only; nothing keeps the rows.
/// </summary>
internal sealed class EvaluationState : IDisposable
{
    private static readonly byte[] Unknown = Encoding.UTF8.GetBytes(SurveyColumns.UnknownCommunity);

    private readonly RunPlan _plan;
    private readonly SurveyLayout _layout;
    private readonly RowSet _panelRows;
    private readonly GroupTable _groups;
    private readonly SurveyDesign _design;
    private readonly DomainEstimator _estimator;
    private readonly PanelChanges _panel;
    private readonly Utf8Table _strata = new(), _clusters = new();
    private int _firstQuarter = -1;
    private bool _severalQuarters;
    private readonly int[] _variableColumn;          // run column of each grouping variable; -1 for quarter
    private readonly int[] _valueIds;
    private readonly Dictionary<ulong, int> _cellOfPacked = [];
    private readonly Dictionary<string, int> _cellOfKey = new(StringComparer.Ordinal);
    private readonly List<int[]> _cellValues = [];
    private readonly double[] _measures;
    private readonly long[] _read, _rejected, _blank;
    private readonly Dictionary<string, long> _rejectsByReason = new(StringComparer.Ordinal);
    private readonly byte[] _quarterText = new byte[16];
    private int _lastQuarter = -1, _lastQuarterId;

    public long RowsRead { get; private set; }
    public long RowsRejected { get; private set; }
    public long RowsScored => RowsRead - RowsRejected;
    public IReadOnlyDictionary<string, long> RejectsByReason => new SortedDictionary<string, long>(_rejectsByReason, StringComparer.Ordinal);
    /// <summary>The grouping columns of the levels written, in order of first use: the group columns of aggregates and panel_change.</summary>
    public IReadOnlyList<string> Variables => OutputLevels().SelectMany(l => _plan.Levels[l].Variables).Distinct().ToArray();

    /// <summary>The levels written (country+quarter only when the data span more than one quarter, or it was asked for).</summary>
    public IReadOnlyList<string> Levels => OutputLevels().Select(l => _plan.Levels[l].Name).ToArray();

    public EvaluationState(RunPlan plan, RowSet panelRows, string spillFolder)
    {
        _plan = plan;
        _layout = plan.Layout;
        _panelRows = panelRows;
        _groups = new GroupTable(plan.Levels);
        _design = new SurveyDesign(_layout.ClusterColumn >= 0, _layout.StrataColumn >= 0);
        _estimator = new DomainEstimator(_design, plan.Measures.Count, plan.Scheme.Options.Bands);
        _panel = new PanelChanges(spillFolder, plan.Measures.Count, panelRows.Count);
        _variableColumn = _groups.Variables.Select(v => v == SurveyColumns.Quarter ? -1 : _layout.IndexOf(v)!.Value).ToArray();
        _valueIds = new int[_groups.Variables.Count];
        _measures = new double[plan.Measures.Count];
        _read = new long[plan.Inputs.Count];
        _rejected = new long[plan.Inputs.Count];
        _blank = new long[plan.Inputs.Count];
        _groups.Domain(0, []);   // the whole sample has a line even when no survey is scored
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Add(SurveyBatch batch)
    {
        RowsRead += batch.Count;
        _read[batch.SourceIndex] += batch.Count;
        _blank[batch.SourceIndex] += batch.BlankRows;
        foreach (var (_, reject) in batch.Rejects)
        {
            var name = reject.Reason.Name();
            _rejectsByReason[name] = _rejectsByReason.GetValueOrDefault(name) + 1;
        }
        var indicators = batch.IndicatorCount;
        var dimensions = batch.DimensionCount;
        for (var row = 0; row < batch.Count; row++)
        {
            if (batch.Rejected[row])
            {
                RowsRejected++;
                _rejected[batch.SourceIndex]++;
                continue;
            }
            var scores = batch.RowScores(row);
            _measures[0] = scores[^1];
            for (var d = 0; d < dimensions; d++) _measures[1 + d] = scores[indicators + d];
            for (var i = 0; i + 1 + dimensions < _measures.Length; i++) _measures[1 + dimensions + i] = scores[i];

            var stratum = _layout.StrataColumn < 0 ? 0 : Number(_strata, GroupValue(batch, row, _layout.StrataColumn));
            var cluster = _layout.ClusterColumn < 0 ? 0 : Number(_clusters, GroupValue(batch, row, _layout.ClusterColumn));
            var psu = _design.AddSurvey(stratum, cluster);
            var date = batch.SurveyDate[row];
            var quarter = date.Year * 4 + (date.Month - 1) / 3;
            if (_firstQuarter < 0) _firstQuarter = quarter;
            else if (quarter != _firstQuarter) _severalQuarters = true;
            for (var v = 0; v < _valueIds.Length; v++)
            {
                _valueIds[v] = _variableColumn[v] < 0 ? QuarterId(v, date, quarter) : _groups.ValueId(v, GroupValue(batch, row, _variableColumn[v]));
            }
            var weight = batch.Weight[row];
            var cell = Cell(_valueIds);
            _estimator.Add(cell, stratum, psu, weight, _measures);
            if (_panelRows.Contains(batch.Sequence[row]))
                _panel.Add(batch.TrimmedField(row, SurveyLayout.ReturneeId), date, batch.Sequence[row], weight, stratum, cluster, _measures, cell);
        }
    }

    /// <summary>The number of a quarter's text ("2026-Q3") as a grouping value: formatted once per run of rows of one quarter.</summary>
    private int QuarterId(int variable, DateOnly date, int quarter)
    {
        if (quarter != _lastQuarter) (_lastQuarter, _lastQuarterId) = (quarter, _groups.ValueId(variable, ScoresCsvWriter.Quarter(date, _quarterText)));
        return _lastQuarterId;
    }

    /// <summary>The cell of a combination of grouping values (their numbers), numbering it when it is new.</summary>
    private int Cell(int[] valueIds)
    {
        // Fast path: up to four grouping columns with fewer than 65535 values each pack into one key.
        var fits = valueIds.Length <= 4;
        ulong packed = 0;
        for (var i = 0; i < valueIds.Length && fits; i++)
        {
            fits = valueIds[i] < 0xFFFF;
            packed |= (ulong)(valueIds[i] + 1) << (16 * i);
        }
        if (fits)
        {
            ref var cell = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_cellOfPacked, packed, out var exists);
            if (!exists) cell = NewCell(valueIds);
            return cell;
        }
        var key = string.Join(',', valueIds);
        if (!_cellOfKey.TryGetValue(key, out var found)) _cellOfKey[key] = found = NewCell(valueIds);
        return found;
    }

    private int NewCell(int[] valueIds)
    {
        _cellValues.Add((int[])valueIds.Clone());
        return _cellValues.Count - 1;
    }

    /// <summary>The group of every level that each cell belongs to.</summary>
    private Func<int, ReadOnlySpan<int>> DomainsOfCells()
    {
        var domains = _cellValues.Select(values => Enumerable.Range(0, _plan.Levels.Count).Select(l => _groups.Domain(l, values)).ToArray()).ToArray();
        return cell => domains[cell];
    }

    /// <summary>The value of a grouping or design column: trimmed, "(unknown)" when empty.</summary>
    private static ReadOnlySpan<byte> GroupValue(SurveyBatch batch, int row, int column)
    {
        var value = batch.TrimmedField(row, column);
        return value.IsEmpty ? Unknown : value;
    }

    private static int Number(Utf8Table table, ReadOnlySpan<byte> value)
    {
        if (table.TryGet(value, out var id)) return id;
        table.TryAdd(value, table.Count);
        return table.Count - 1;
    }

    /// <summary>Levels as written: country+quarter only when the data span more than one quarter (or it was asked for).</summary>
    private IEnumerable<int> OutputLevels() =>
        Enumerable.Range(0, _plan.Levels.Count)
            .Where(l => !(_plan.Levels[l].Name == RunPlan.QuarterLevel.Name && _plan.QuarterLevelIsDefault && !_severalQuarters));

    public IReadOnlyList<EstimateRow> Aggregates() => Rows(_estimator, requireRows: false);

    public (IReadOnlyList<EstimateRow> Rows, long Returnees) PanelChange()
    {
        var (cells, returnees) = _panel.Estimate(_design.Clustered, _design.Stratified, _plan.Scheme.Options.Bands);
        return (returnees == 0 ? [] : Rows(cells, requireRows: true), returnees);
    }

    private List<EstimateRow> Rows(DomainEstimator cells, bool requireRows)
    {
        var rows = new List<EstimateRow>();
        var variables = Variables.ToList();
        var domainsOfCell = DomainsOfCells();
        foreach (var l in OutputLevels())
        {
            // One level's groups at a time, merged from the cells: the distributions of a level's groups
            // (every distinct value, for the quantiles) are dropped before the next level's are made.
            var estimator = cells.Regroup(cell => domainsOfCell(cell).Slice(l, 1));
            var level = _plan.Levels[l];
            foreach (var (domain, values) in _groups.DomainsOf(l))
            {
                if (requireRows && estimator.Rows(domain) == 0) continue;
                var groupValues = new string?[variables.Count];
                for (var i = 0; i < values.Length; i++) groupValues[variables.IndexOf(level.Variables[i])] = values[i];
                for (var m = 0; m < _plan.Measures.Count; m++)
                    rows.Add(new EstimateRow(level.Name, groupValues, _plan.Measures[m], estimator.Estimate(domain, m, _plan.Settings.MinCell)));
            }
        }
        return rows;
    }

    public IReadOnlyList<InputSummary> InputSummaries() => _plan.Inputs.Select(input => new InputSummary(
        input.Path, input.Description, input.Sha256, _read[input.Index], _read[input.Index] - _rejected[input.Index], _rejected[input.Index], _blank[input.Index],
        input.Header.Attributes,
        Reading.ColumnRoleNames.Of(input.Header, Reading.ColumnRole.Bookkeeping, Reading.ColumnRole.Unnamed, Reading.ColumnRole.Replaced),
        Reading.ColumnRoleNames.Of(input.Header, Reading.ColumnRole.PersonalData))).ToArray();

    public void Dispose() => _panel.Dispose();
}
