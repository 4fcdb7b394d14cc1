using Avrr.Analytics.Calibration;
using Avrr.Analytics.Grouping;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs.Passes;

/// <summary>
/// A scored row's calibration cell key: its values of the margins' variables (trimmed, "(unknown)" when empty, as
/// grouping reads them) joined by <see cref="CalibrationCells.Separator"/>. One per thread: it keeps a buffer.
/// </summary>
internal sealed class CalibrationKey(SurveyLayout layout, IReadOnlyList<string> variables)
{
    private readonly int[] _columns = variables.Select(v => layout.IndexOf(v)
        ?? throw new ArgumentException($"The run has no column '{v}'.", nameof(variables))).ToArray();
    private byte[] _buffer = new byte[256];

    public ReadOnlySpan<byte> Of(SurveyBatch batch, int row)
    {
        var length = 0;
        for (var i = 0; i < _columns.Length; i++)
        {
            var value = CellIndex.GroupValue(batch, row, _columns[i]);
            var needed = length + value.Length + 1;
            if (needed > _buffer.Length) Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
            if (i > 0) _buffer[length++] = CalibrationCells.Separator;
            value.CopyTo(_buffer.AsSpan(length));
            length += value.Length;
        }
        return _buffer.AsSpan(0, length);
    }
}
