using System.Text;
using Avrr.Analytics.Surveys;
using CsvHelper;

namespace Avrr.Analytics.IO.Writing;

/// <summary>Writes returnee_scores.csv: one row per scored survey, scores with 6 decimals, empty where missing.</summary>
internal sealed class ScoresCsvWriter : IDisposable
{
    private readonly CsvWriter _csv;
    private readonly SurveyLayout _layout;
    private readonly byte[][] _dimensionIds;
    private readonly byte[] _number = new byte[NumberText.MaxLength];

    public ScoresCsvWriter(string path, SurveyLayout layout)
    {
        _layout = layout;
        _csv = CsvOutput.Create(path);
        _csv.WriteHeader(ScoreColumns.For(layout).ToArray());
        _dimensionIds = layout.Scheme.Dimensions.Select(d => Encoding.UTF8.GetBytes(d.Id)).ToArray();
    }

    public void Write(SurveyBatch batch)
    {
        var csv = _csv;
        var number = _number.AsSpan();
        var stride = batch.ScoreStride;
        for (var row = 0; row < batch.Count; row++)
        {
            if (batch.Rejected[row]) continue;
            csv.WriteField(batch.TrimmedField(row, SurveyLayout.ReturneeId));
            csv.WriteField(batch.TrimmedField(row, SurveyLayout.Round));
            var date = batch.SurveyDate[row];
            csv.WriteField(number[..NumberText.Date(date, number)]);
            csv.WriteField(Quarter(date, number));
            csv.WriteField(batch.TrimmedField(row, SurveyLayout.Country));
            var community = batch.TrimmedField(row, SurveyLayout.Community);
            csv.WriteField(community.IsEmpty ? "(unknown)"u8 : community);
            csv.WriteField(number[..NumberText.RoundTrip(batch.Weight[row], number)]);
            for (var a = 0; a < _layout.Attributes.Count; a++)
                csv.WriteField(batch.TrimmedField(row, _layout.FirstAttributeColumn + a));
            var scores = batch.Scores.AsSpan(row * stride, stride);
            foreach (var score in scores)
            {
                if (double.IsNaN(score)) csv.WriteField(ReadOnlySpan<byte>.Empty);
                else csv.WriteField(number[..NumberText.Fixed6(score, number)]);
            }
            csv.WriteField(ScoreColumns.BandUtf8(batch.Band[row]));
            var weakest = batch.WeakestDimension[row];
            csv.WriteField(weakest < 0 ? ReadOnlySpan<byte>.Empty : _dimensionIds[weakest]);
            csv.WriteField(number[..NumberText.Integer(batch.Answered[row], number)]);
            csv.EndRecord();
        }
    }

    internal static ReadOnlySpan<byte> Quarter(DateOnly date, Span<byte> buffer)
    {
        date.TryFormat(buffer, out var n, "yyyy", System.Globalization.CultureInfo.InvariantCulture);
        buffer[n] = (byte)'-';
        buffer[n + 1] = (byte)'Q';
        buffer[n + 2] = (byte)('1' + (date.Month - 1) / 3);
        return buffer[..(n + 3)];
    }

    public void Dispose() => _csv.Dispose();
}
