namespace Avrr.Analytics.Runs.Stages;

/// <summary>The calibration cell of each row of a batch (-1 for a row not scored), beside the batch for the estimation stage.</summary>
internal sealed class CalibrationColumn
{
    public int[] Cells { get; private set; } = [];

    public void Resize(int capacity)
    {
        if (Cells.Length < capacity) Cells = new int[capacity];
    }
}
