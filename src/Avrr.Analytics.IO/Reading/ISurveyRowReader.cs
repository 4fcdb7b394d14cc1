using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.IO.Reading;

/// <summary>
/// Streams the data rows of one input into batches. Each row gets its spreadsheet row number and the
/// next run-wide sequence number, so that two passes over the same inputs number rows alike.
/// </summary>
public interface ISurveyRowReader : IDisposable
{
    /// <summary>
    /// Empties <paramref name="batch"/> and fills it with the next rows, copying only the columns that
    /// <paramref name="wanted"/> marks (by run column position), and counts the blank rows it passes over
    /// (<see cref="SurveyBatch.BlankRows"/>). Returns false when nothing was left to read.
    /// </summary>
    bool Fill(SurveyBatch batch, ReadOnlySpan<bool> wanted, ref long sequence);

    /// <summary>About how many bytes of the file have been read so far, for progress (a workbook's compressed bytes).</summary>
    long BytesRead { get; }
}
