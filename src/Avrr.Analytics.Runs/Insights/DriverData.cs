using System.Buffers.Binary;
using Avrr.Analytics.Collections;
using Avrr.Analytics.Estimation;
using Avrr.Analytics.Insights.Drivers;
using Avrr.Analytics.Runs.Passes;
using Avrr.Analytics.Surveys;
using CellSums = Avrr.Analytics.Insights.Drivers.SurveyLinearModel.CellSums;

namespace Avrr.Analytics.Runs.Insights;

/// <summary>
/// The surveys of the drivers' linear models, gathered while pass 2 streams (docs/insights.md, "The linear
/// model"). Each scored survey's value of every candidate term is numbered in order of appearance (-1 when
/// empty), and the survey added to the sums of its combination of values (its "cell") and stratum: the
/// model needs nothing else when every survey is its own PSU. With clusters, the surveys (PSU, stratum,
/// cell, weight, outcomes) are also spilled in buckets by PSU, so that memory stays flat and each bucket
/// read back holds whole PSUs. At the end (<see cref="Fit"/>) the terms are settled on the whole run's
/// values, their levels put in byte order, the cells' sums merged into the model's cells, and the spill,
/// if any, read once for the PSU totals of the residuals.
/// </summary>
internal sealed class DriverData : IDisposable
{
    private readonly IReadOnlyList<TermColumn> _columns;
    private readonly int _outcomes;
    private readonly Utf8Table[] _values;
    private readonly List<string>[] _texts;
    private readonly Dictionary<UInt128, int> _cellIds = [];
    private readonly Dictionary<string, int> _unpacked = new(StringComparer.Ordinal);
    private readonly List<int[]> _cells = [];
    private readonly Dictionary<long, int> _slots = [];
    private readonly List<(int Stratum, int Cell)> _slotKeys = [];
    private readonly List<CellSums> _sums = [];
    private readonly SpillBuckets? _buckets;
    private readonly byte[] _record;
    private readonly byte[] _quarter = new byte[Vocabulary.Quarter.TextLength];
    private readonly int[] _ids;
    private double _weightScale; // the weights are divided by this; 0 until the first survey

    /// <summary>Weights in [2^-256, 2^256] are used as they are (their squares summed stay far inside the range of doubles).</summary>
    private static readonly double SmallestPlainWeight = Math.ScaleB(1, -256), LargestPlainWeight = Math.ScaleB(1, 256);

    // Spill record: i64 PSU, i32 stratum, i32 cell, f64 weight, f64 × outcomes.
    private const int Psu = 0, Stratum = 8, Cell = 12, Weight = 16, Outcomes = 24;

    public DriverData(IReadOnlyList<TermColumn> columns, int outcomes, bool clustered, string spillFolder, long expectedRows)
    {
        _columns = columns;
        _outcomes = outcomes;
        _values = columns.Select(_ => new Utf8Table()).ToArray();
        _texts = columns.Select(_ => new List<string>()).ToArray();
        if (clustered) _buckets = new SpillBuckets(spillFolder, "drivers", expectedRows);
        _record = new byte[Outcomes + 8 * outcomes];
        _ids = new int[columns.Count];
    }

    public void Add(SurveyBatch batch, int row, int stratum, long psu, double weight, ReadOnlySpan<double> outcomes)
    {
        // The model does not change when every weight is multiplied by one number (β, and the sandwich V = A⁻¹BA⁻¹, whose
        // A scales with it and B with its square), so weights are used relative to an extreme first one, as the aggregates
        // use them (DomainEstimator): weights of 1e160 or 1e-320 would otherwise overflow w² or vanish.
        if (_weightScale == 0) _weightScale = weight >= SmallestPlainWeight && weight <= LargestPlainWeight ? 1 : weight;
        if (_weightScale != 1) weight /= _weightScale;
        var cell = CellOf(batch, row);
        var slot = SlotOf(stratum, cell);
        var w2 = weight * weight;
        for (var o = 0; o < _outcomes; o++)
        {
            var y = outcomes[o];
            if (double.IsNaN(y)) continue;
            var s = _sums[slot * _outcomes + o];
            _sums[slot * _outcomes + o] = new CellSums(s.Rows + 1, s.W + weight, s.Wy + weight * y, s.W2 + w2, s.W2y + w2 * y, s.W2yy + w2 * y * y);
        }
        if (_buckets is null) return;
        var span = _record.AsSpan();
        BinaryPrimitives.WriteInt64LittleEndian(span[Psu..], psu);
        BinaryPrimitives.WriteInt32LittleEndian(span[Stratum..], stratum);
        BinaryPrimitives.WriteInt32LittleEndian(span[Cell..], cell);
        BinaryPrimitives.WriteDoubleLittleEndian(span[Weight..], weight);
        for (var o = 0; o < _outcomes; o++) BinaryPrimitives.WriteDoubleLittleEndian(span[(Outcomes + 8 * o)..], outcomes[o]);
        var key = (ulong)psu * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)stratum * 0xC2B2AE3D27D4EB4FUL;
        _buckets.Append(_buckets.BucketOf(key ^ (key >> 29)), span);
    }

    /// <summary>The number of a row's combination of candidate values (up to 8 values below 65,535 pack into one key; more are joined as text).</summary>
    private int CellOf(SurveyBatch batch, int row)
    {
        var packs = _columns.Count <= 8;
        UInt128 key = 0;
        for (var t = 0; t < _columns.Count; t++)
        {
            var value = _columns[t].Value(batch, row, _quarter);
            var id = -1;
            if (!value.IsEmpty && !_values[t].TryGet(value, out id))
            {
                _values[t].TryAdd(value, id = _texts[t].Count);
                _texts[t].Add(System.Text.Encoding.UTF8.GetString(value));
            }
            _ids[t] = id;
            packs &= id < 0xFFFF;
            key |= (UInt128)(uint)(id + 1) << (16 * t);
        }
        int cell;
        if (packs)
        {
            if (_cellIds.TryGetValue(key, out cell)) return cell;
            _cellIds.Add(key, cell = _cells.Count);
        }
        else
        {
            // Rare: more than 8 terms, or a term with very many values.
            var text = string.Join(',', _ids);
            if (_unpacked.TryGetValue(text, out cell)) return cell;
            _unpacked.Add(text, cell = _cells.Count);
        }
        _cells.Add((int[])_ids.Clone());
        return cell;
    }

    private int SlotOf(int stratum, int cell)
    {
        var key = (long)stratum << 32 | (uint)cell;
        if (_slots.TryGetValue(key, out var slot)) return slot;
        _slots.Add(key, slot = _slotKeys.Count);
        _slotKeys.Add((stratum, cell));
        for (var o = 0; o < _outcomes; o++) _sums.Add(default);
        return slot;
    }

    /// <summary>The terms kept, with why the others were left out.</summary>
    public sealed record Terms(IReadOnlyList<FactorTerm> Kept, int[] Columns, int[][] LevelOf, IReadOnlyList<string> Dropped);

    /// <summary>
    /// The terms: a named term is kept when it has two values or more; a default candidate when it has 2 to 20
    /// (counted over the whole run). Levels in byte order; LevelOf maps a candidate's value number to its level.
    /// </summary>
    public Terms Settle(bool named)
    {
        var kept = new List<FactorTerm>();
        var columns = new List<int>();
        var levelOf = new List<int[]>();
        var dropped = new List<string>();
        for (var t = 0; t < _columns.Count; t++)
        {
            var count = _texts[t].Count;
            if (count < InsightsTraining.MinLevels || (!named && count > InsightsTraining.MaxLevels))
            {
                dropped.Add($"{_columns[t].Name}: {count} distinct values");
                continue;
            }
            var term = FactorTerm.Of(_columns[t].Name, _texts[t]);
            var position = term.Levels.Select((level, i) => (level, i)).ToDictionary(p => p.level, p => p.i, StringComparer.Ordinal);
            kept.Add(term);
            columns.Add(t);
            levelOf.Add(_texts[t].Select(text => position[text]).ToArray());
        }
        return new Terms(kept, columns.ToArray(), levelOf.ToArray(), dropped);
    }

    /// <summary>A row's level of every kept term, for the tree model; false when one is empty or was never met.</summary>
    public bool TryLevels(Terms terms, SurveyBatch batch, int row, int[] levels)
    {
        for (var k = 0; k < terms.Kept.Count; k++)
        {
            var value = _columns[terms.Columns[k]].Value(batch, row, _quarter);
            if (value.IsEmpty || !_values[terms.Columns[k]].TryGet(value, out var id)) return false;
            levels[k] = terms.LevelOf[k][id];
        }
        return true;
    }

    /// <summary>The linear models of every outcome on the kept terms, in the design of every survey.</summary>
    public IReadOnlyList<LinearFit> Fit(Terms terms, SurveyDesign design)
    {
        var model = new SurveyLinearModel(new TreatmentCoding(terms.Kept), _outcomes);
        // Each candidate cell's model cell; -1 when a kept term is empty there (left out, as R's na.omit does).
        var levels = new int[terms.Kept.Count];
        var modelCell = _cells.Select(ids =>
        {
            for (var k = 0; k < terms.Kept.Count; k++)
            {
                var id = ids[terms.Columns[k]];
                if (id < 0) return -1;
                levels[k] = terms.LevelOf[k][id];
            }
            return model.CellOf(levels);
        }).ToArray();
        for (var slot = 0; slot < _slotKeys.Count; slot++)
        {
            var (stratum, cell) = _slotKeys[slot];
            if (modelCell[cell] < 0) continue;
            for (var o = 0; o < _outcomes; o++) model.AddSums(stratum, modelCell[cell], o, _sums[slot * _outcomes + o]);
        }
        model.Solve();
        if (_buckets is not null)
        {
            var y = new double[_outcomes];
            var buffer = Array.Empty<byte>();
            for (var b = 0; b < _buckets.Count; b++)
            {
                var length = _buckets.Read(b, ref buffer);
                for (var at = 0; at < length; at += _record.Length)
                {
                    var span = buffer.AsSpan(at, _record.Length);
                    var cell = modelCell[BinaryPrimitives.ReadInt32LittleEndian(span[Cell..])];
                    if (cell < 0) continue;
                    for (var o = 0; o < _outcomes; o++) y[o] = BinaryPrimitives.ReadDoubleLittleEndian(span[(Outcomes + 8 * o)..]);
                    model.AddResidual(BinaryPrimitives.ReadInt32LittleEndian(span[Stratum..]), BinaryPrimitives.ReadInt64LittleEndian(span[Psu..]), cell,
                        BinaryPrimitives.ReadDoubleLittleEndian(span[Weight..]), y);
                }
                model.EndPsus();
            }
        }
        return model.Fit(design);
    }

    public void Dispose() => _buckets?.Dispose();
}
