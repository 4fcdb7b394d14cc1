using System.Text;
using Avrr.Analytics.Collections;

namespace Avrr.Analytics.Calibration;

/// <summary>
/// The scored surveys by their combination of the margins' variables (a calibration cell): how many, and the sum
/// of their base weights and of its squares. With categorical margins every method gives one weight ratio g per
/// cell, so these sums are all a calibration needs (<see cref="WeightCalibration"/>): a pass over the surveys
/// adds each once, nothing keeps the rows.
/// </summary>
public sealed class CalibrationCells
{
    /// <summary>Separates the values of a cell's key (the unit separator, which no trimmed grouping value holds).</summary>
    public const byte Separator = 0x1F;

    private readonly Utf8Table _ids = new();
    private readonly List<string[]> _values = [];
    private readonly List<double> _weight = [], _square = [];
    private readonly List<long> _count = [];

    /// <param name="variables">The union of the margins' variables, in the order the keys give their values.</param>
    public CalibrationCells(IReadOnlyList<string> variables) => Variables = variables;

    public IReadOnlyList<string> Variables { get; }
    public int Count => _values.Count;

    /// <summary>A cell's value of each variable.</summary>
    public IReadOnlyList<string> ValuesOf(int cell) => _values[cell];
    /// <summary>The sum of the base weights of a cell's surveys.</summary>
    public double BaseWeight(int cell) => _weight[cell];
    /// <summary>The sum of the squared base weights of a cell's surveys (for the design effect of the weights).</summary>
    public double BaseWeightSquare(int cell) => _square[cell];
    public long Surveys(int cell) => _count[cell];

    /// <summary>The cell of a key (the values joined by <see cref="Separator"/>), or -1 when no survey had it.</summary>
    public int CellOf(ReadOnlySpan<byte> key) => _ids.TryGet(key, out var id) ? id : -1;

    /// <summary>Adds a survey by its key (the values joined by <see cref="Separator"/>); returns its cell.</summary>
    public int Add(ReadOnlySpan<byte> key, double weight)
    {
        if (!_ids.TryGet(key, out var cell))
        {
            cell = _values.Count;
            _ids.TryAdd(key, cell);
            var values = Encoding.UTF8.GetString(key).Split((char)Separator);
            if (values.Length != Variables.Count) throw new ArgumentException($"A key has {Variables.Count} values, not {values.Length}.", nameof(key));
            _values.Add(values);
            _weight.Add(0);
            _square.Add(0);
            _count.Add(0);
        }
        _weight[cell] += weight;
        _square[cell] += weight * weight;
        _count[cell]++;
        return cell;
    }

    /// <summary>Adds a survey by its values, one per variable.</summary>
    public int Add(IReadOnlyList<string> values, double weight) => Add(KeyOf(values), weight);

    /// <summary>The key of some values, one per variable.</summary>
    public static byte[] KeyOf(IReadOnlyList<string> values) => Encoding.UTF8.GetBytes(string.Join((char)Separator, values));
}
