using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.IO.Writing;

/// <summary>Writes returnee_scores.parquet: the columns of the CSV with their types, full-precision doubles.</summary>
internal sealed class ScoresParquetWriter : IDisposable
{
    private static readonly byte[] UnknownCommunity = System.Text.Encoding.UTF8.GetBytes(SurveyColumns.UnknownCommunity);

    private readonly ParquetTable _table;
    private readonly SurveyLayout _layout;
    private readonly byte[][] _dimensionIds;
    private readonly byte[] _buffer = new byte[NumberText.MaxLength];

    public ScoresParquetWriter(string path, SurveyLayout layout)
    {
        _layout = layout;
        _dimensionIds = layout.Scheme.Dimensions.Select(d => System.Text.Encoding.UTF8.GetBytes(d.Id)).ToArray();
        var names = ScoreColumns.For(layout);
        var scoreCount = layout.Scheme.Indicators.Count + layout.Scheme.Dimensions.Count + 1;
        var fields = new List<Parquet.Schema.DataField>
        {
            ParquetTable.Text(names[0]), ParquetTable.Text(names[1]), ParquetTable.Date(names[2]), ParquetTable.Text(names[3]),
            ParquetTable.Text(names[4]), ParquetTable.Text(names[5]), ParquetTable.Number(names[6]),
        };
        fields.AddRange(layout.Attributes.Select(ParquetTable.Text));
        fields.AddRange(names.Skip(7 + layout.Attributes.Count).Take(scoreCount).Select(ParquetTable.Number));
        fields.Add(ParquetTable.Text("band"));
        fields.Add(ParquetTable.Text("weakest_dimension"));
        fields.Add(ParquetTable.Int32("answered"));
        _table = new ParquetTable(path, fields);
    }

    public void Write(SurveyBatch batch)
    {
        var t = _table;
        var stride = batch.ScoreStride;
        var attributes = _layout.Attributes.Count;
        for (var row = 0; row < batch.Count; row++)
        {
            if (batch.Rejected[row]) continue;
            var r = t.Row;
            var date = batch.SurveyDate[row];
            t.SetText(0, batch.TrimmedField(row, SurveyLayout.ReturneeId));
            t.SetRepeatedText(1, batch.TrimmedField(row, SurveyLayout.Round));
            t.Column<DateOnly>(2)[r] = date;
            t.SetRepeatedText(3, ScoresCsvWriter.Quarter(date, _buffer));
            t.SetRepeatedText(4, batch.TrimmedField(row, SurveyLayout.Country));
            var community = batch.TrimmedField(row, SurveyLayout.Community);
            t.SetRepeatedText(5, community.IsEmpty ? UnknownCommunity : community);
            t.Column<double?>(6)[r] = batch.Weight[row];
            for (var a = 0; a < attributes; a++)
                t.SetRepeatedText(7 + a, batch.TrimmedField(row, _layout.FirstAttributeColumn + a));
            var c = 7 + attributes;
            foreach (var score in batch.Scores.AsSpan(row * stride, stride))
                t.Column<double?>(c++)[r] = double.IsNaN(score) ? null : score;
            t.SetRepeatedText(c++, ScoreColumns.BandUtf8(batch.Band[row]));
            var weakest = batch.WeakestDimension[row];
            t.SetRepeatedText(c++, weakest < 0 ? ReadOnlySpan<byte>.Empty : _dimensionIds[weakest]);
            t.Column<int>(c)[r] = batch.Answered[row];
            t.EndRow();
        }
    }

    public void Dispose() => _table.Dispose();
}
