using Avrr.Analytics.IO.Writing.Parquet;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.IO.Writing;

/// <summary>
/// Writes returnee_scores.parquet: the columns of the CSV with their types, full-precision doubles.
/// Cells go from the scored batch straight into the table's column chunks, without a string per cell.
/// </summary>
internal sealed class ScoresParquetWriter : IDisposable
{
    private readonly SurveyLayout _layout;
    private readonly ParquetTable _table;
    private readonly byte[][] _dimensionIds;
    private readonly byte[] _buffer = new byte[NumberText.MaxLength];

    public ScoresParquetWriter(string path, SurveyLayout layout)
    {
        _layout = layout;
        _table = new ParquetTable(path, Fields(layout));
        _dimensionIds = layout.Scheme.Dimensions.Select(d => System.Text.Encoding.UTF8.GetBytes(d.Id)).ToArray();
    }

    private static List<ParquetField> Fields(SurveyLayout layout)
    {
        var names = ScoreColumns.For(layout);
        var scoreCount = layout.Scheme.Indicators.Count + layout.Scheme.Dimensions.Count + 1;
        var fields = new List<ParquetField>
        {
            new(names[0], ParquetKind.Text, Unique: true), new(names[1], ParquetKind.Text), new(names[2], ParquetKind.Date),
            new(names[3], ParquetKind.Text), new(names[4], ParquetKind.Text), new(names[5], ParquetKind.Text),
            new(names[6], ParquetKind.Number),
        };
        fields.AddRange(layout.Attributes.Select(a => new ParquetField(a, ParquetKind.Text)));
        fields.AddRange(names.Skip(7 + layout.Attributes.Count).Take(scoreCount).Select(n => new ParquetField(n, ParquetKind.Number)));
        fields.Add(new("band", ParquetKind.Text));
        fields.Add(new("weakest_dimension", ParquetKind.Text));
        fields.Add(new("answered", ParquetKind.Int32));
        return fields;
    }

    /// <summary>Adds the scored rows of a batch.</summary>
    public void Write(SurveyBatch batch)
    {
        var table = _table;
        var stride = batch.ScoreStride;
        var attributes = _layout.Attributes.Count;
        for (var row = 0; row < batch.Count; row++)
        {
            if (batch.Rejected[row]) continue;
            var date = batch.SurveyDate[row];
            table.Text(0, batch.TrimmedField(row, SurveyLayout.ReturneeId));
            table.Text(1, batch.TrimmedField(row, SurveyLayout.Round));
            table.Date(2, date);
            table.Text(3, ScoresCsvWriter.Quarter(date, _buffer));
            table.Text(4, batch.TrimmedField(row, SurveyLayout.Country));
            table.Text(5, batch.Community(row));
            table.Number(6, batch.Weight[row]);
            for (var t = 0; t < attributes; t++)
                table.Text(7 + t, batch.TrimmedField(row, _layout.FirstAttributeColumn + t));
            var c = 7 + attributes;
            foreach (var score in batch.Scores.AsSpan(row * stride, stride)) table.Number(c++, score);
            table.Text(c++, ScoreColumns.BandUtf8(batch.Band[row]));
            var weakest = batch.WeakestDimension[row];
            table.Text(c++, weakest < 0 ? [] : _dimensionIds[weakest]);
            table.Int32(c, batch.Answered[row]);
            table.EndRow();
        }
    }

    public void Dispose() => _table.Dispose();
}
