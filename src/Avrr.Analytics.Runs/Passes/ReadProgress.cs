using Avrr.Analytics.IO.Reading;

namespace Avrr.Analytics.Runs.Passes;

/// <summary>
/// How far a pass has read, as bytes of the inputs' total size: what a progress line's percentage and
/// time left are made of. Updated by the reading thread after each batch, read by the progress display.
/// </summary>
public sealed class ReadProgress
{
    private readonly long[] _before;
    private readonly long _total;
    private long _done;

    public ReadProgress(IReadOnlyList<SurveyInput> inputs)
    {
        _before = new long[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            _before[i] = _total;
            _total += new FileInfo(inputs[i].Path).Length;
        }
    }

    /// <summary>Input <paramref name="input"/> has been read up to byte <paramref name="bytes"/>.</summary>
    public void Update(int input, long bytes) => Volatile.Write(ref _done, _before[input] + Math.Min(bytes, _total - _before[input]));

    /// <summary>The share read so far, from 0 to 1 (1 for empty inputs).</summary>
    public double Fraction => _total == 0 ? 1 : Math.Clamp((double)Volatile.Read(ref _done) / _total, 0, 1);

    public void Restart() => Volatile.Write(ref _done, 0);
}
