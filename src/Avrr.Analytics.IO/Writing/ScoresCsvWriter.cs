using System.Text;
using Avrr.Analytics.Surveys;
using CsvHelper;

namespace Avrr.Analytics.IO.Writing;

/// <summary>
/// Writes returnee_scores.csv: one row per scored survey, scores with 6 decimals, empty where missing.
/// The lines of a batch are formatted by a <see cref="Formatter"/> on the worker that scored it, then
/// appended to the file in input order: the same bytes as one writer would make, on every core. The
/// header is written by CsvHelper; the lines follow the same rules (<see cref="CsvLineWriter"/>).
/// </summary>
internal sealed class ScoresCsvWriter : IDisposable
{
    private readonly FileStream _file;

    public ScoresCsvWriter(string path, SurveyLayout layout, bool profile = false)
    {
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        using var header = CsvWriter.Create(_file, CsvOutput.Options, leaveOpen: true);
        header.WriteHeader(ScoreColumns.For(layout, profile).ToArray());
    }

    /// <summary>Appends the lines a formatter prepared for a batch.</summary>
    public void Append(MemoryStream lines) => lines.WriteTo(_file);

    public void Dispose() => _file.Dispose();

    /// <summary>Formats the scored rows of a batch into a buffer of lines, for <see cref="Append"/>. One per thread.</summary>
    internal sealed class Formatter
    {
        private readonly CsvLineWriter _line = new();
        private readonly SurveyLayout _layout;
        private readonly byte[][] _dimensionIds;
        private readonly byte[] _number = new byte[NumberText.MaxLength];
        private readonly RoundTripCache _weights = new();
        private readonly Fixed6Cache _scores = new();
        private readonly byte[][] _profiles = Enumerable.Range(0, sbyte.MaxValue).Select(ScoreColumns.ProfileUtf8).ToArray();

        public Formatter(SurveyLayout layout)
        {
            _layout = layout;
            _dimensionIds = layout.Scheme.Dimensions.Select(d => Encoding.UTF8.GetBytes(d.Id)).ToArray();
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        /// <param name="profiles">Each row's profile number (-1 for none), or null when the insights are off (no profile column).</param>
        public void Format(SurveyBatch batch, MemoryStream lines, sbyte[]? profiles = null)
        {
            var line = _line;
            var number = _number.AsSpan();
            var stride = batch.ScoreStride;
            line.Clear();
            for (var row = 0; row < batch.Count; row++)
            {
                if (!batch.IsScored(row)) continue;
                line.Text(batch.TrimmedField(row, SurveyLayout.ReturneeId));
                line.Text(batch.TrimmedField(row, SurveyLayout.Round));
                var date = batch.SurveyDate[row];
                line.Raw(number[..NumberText.Date(date, number)]);
                line.Raw(Vocabulary.Quarter.Utf8(date, number));
                line.Text(batch.TrimmedField(row, SurveyLayout.Country));
                line.Text(batch.Community(row));
                line.Raw(_weights.Format(batch.Weight[row]));
                for (var a = 0; a < _layout.Attributes.Count; a++)
                    line.Text(batch.TrimmedField(row, _layout.FirstAttributeColumn + a));
                foreach (var score in batch.Scores.AsSpan(row * stride, stride))
                    line.Raw(double.IsNaN(score) ? ReadOnlySpan<byte>.Empty : _scores.Format(score));
                line.Raw(ScoreColumns.BandUtf8(batch.Band[row]));
                var weakest = batch.WeakestDimension[row];
                line.Raw(weakest < 0 ? ReadOnlySpan<byte>.Empty : _dimensionIds[weakest]);
                line.Raw(number[..NumberText.Integer(batch.Answered[row], number)]);
                if (profiles is not null) line.Raw(profiles[row] < 0 ? ReadOnlySpan<byte>.Empty : _profiles[profiles[row]]);
                line.EndLine();
            }
            lines.SetLength(0);
            lines.Write(line.Written);
        }
    }
}
