using System.Text;
using Avrr.Analytics.Surveys;
using Parquet.Schema;

namespace Avrr.Analytics.IO.Writing;

/// <summary>
/// Writes returnee_scores.parquet: the columns of the CSV with their types, full-precision doubles.
/// A batch's rows are turned into columns by a <see cref="Preparer"/> on the worker that scored it; the
/// writer only appends them and encodes the row groups, which is the part that must be sequential.
/// </summary>
internal sealed class ScoresParquetWriter : IDisposable
{
    private readonly ParquetTable _table;

    public ScoresParquetWriter(string path, SurveyLayout layout) => _table = new ParquetTable(path, Fields(layout));

    private static List<DataField> Fields(SurveyLayout layout)
    {
        var names = ScoreColumns.For(layout);
        var scoreCount = layout.Scheme.Indicators.Count + layout.Scheme.Dimensions.Count + 1;
        var fields = new List<DataField>
        {
            ParquetTable.Text(names[0]), ParquetTable.Text(names[1]), ParquetTable.Date(names[2]), ParquetTable.Text(names[3]),
            ParquetTable.Text(names[4]), ParquetTable.Text(names[5]), ParquetTable.Number(names[6]),
        };
        fields.AddRange(layout.Attributes.Select(ParquetTable.Text));
        fields.AddRange(names.Skip(7 + layout.Attributes.Count).Take(scoreCount).Select(ParquetTable.Number));
        fields.Add(ParquetTable.Text("band"));
        fields.Add(ParquetTable.Text("weakest_dimension"));
        fields.Add(ParquetTable.Int32("answered"));
        return fields;
    }

    /// <summary>Appends the columns a preparer made of the batch.</summary>
    public void Write(SurveyBatch batch)
    {
        var prepared = (Preparer.Columns)batch.PreparedColumns!;
        _table.AppendRows(prepared.Arrays, prepared.Count);
    }

    public void Dispose() => _table.Dispose();

    /// <summary>Turns the scored rows of a batch into Parquet columns (<see cref="SurveyBatch.PreparedColumns"/>). One per thread.</summary>
    internal sealed class Preparer
    {
        internal sealed class Columns(Array[] arrays)
        {
            public Array[] Arrays { get; } = arrays;
            public int Count { get; set; }
        }

        private readonly SurveyLayout _layout;
        private readonly List<DataField> _fields;
        private readonly ParquetTable.TextCache[] _texts;
        private readonly string[] _dimensionIds;
        private readonly byte[] _buffer = new byte[NumberText.MaxLength];

        public Preparer(SurveyLayout layout)
        {
            _layout = layout;
            _fields = Fields(layout);
            _texts = _fields.Select(_ => new ParquetTable.TextCache()).ToArray();
            _dimensionIds = layout.Scheme.Dimensions.Select(d => d.Id).ToArray();
        }

        public void Prepare(SurveyBatch batch)
        {
            if (batch.PreparedColumns is not Columns columns)
                batch.PreparedColumns = columns = new Columns(ParquetTable.ColumnBuffers(_fields, batch.Capacity));
            var a = columns.Arrays;
            var stride = batch.ScoreStride;
            var attributes = _layout.Attributes.Count;
            var r = 0;
            for (var row = 0; row < batch.Count; row++)
            {
                if (batch.Rejected[row]) continue;
                var date = batch.SurveyDate[row];
                var id = batch.TrimmedField(row, SurveyLayout.ReturneeId);
                ((string?[])a[0])[r] = Encoding.UTF8.GetString(id);
                ((string?[])a[1])[r] = _texts[1].Of(batch.TrimmedField(row, SurveyLayout.Round));
                ((DateOnly[])a[2])[r] = date;
                ((string?[])a[3])[r] = _texts[3].Of(ScoresCsvWriter.Quarter(date, _buffer));
                ((string?[])a[4])[r] = _texts[4].Of(batch.TrimmedField(row, SurveyLayout.Country));
                ((string?[])a[5])[r] = _texts[5].Of(batch.Community(row));
                ((double?[])a[6])[r] = batch.Weight[row];
                for (var t = 0; t < attributes; t++)
                    ((string?[])a[7 + t])[r] = _texts[7 + t].Of(batch.TrimmedField(row, _layout.FirstAttributeColumn + t));
                var c = 7 + attributes;
                foreach (var score in batch.Scores.AsSpan(row * stride, stride))
                    ((double?[])a[c++])[r] = double.IsNaN(score) ? null : score;
                ((string?[])a[c])[r] = _texts[c].Of(ScoreColumns.BandUtf8(batch.Band[row]));
                c++;
                var weakest = batch.WeakestDimension[row];
                ((string?[])a[c++])[r] = weakest < 0 ? null : _dimensionIds[weakest];
                ((int[])a[c])[r] = batch.Answered[row];
                r++;
            }
            columns.Count = r;
        }
    }
}
