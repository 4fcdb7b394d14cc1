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

    private readonly bool _profile;
    private readonly byte[][] _profiles = Enumerable.Range(0, sbyte.MaxValue).Select(ScoreColumns.ProfileUtf8).ToArray();

    public ScoresParquetWriter(string path, SurveyLayout layout, bool profile = false)
    {
        _layout = layout;
        _profile = profile;
        _table = new ParquetTable(path, ScoreColumns.Fields(layout, profile));
        _dimensionIds = layout.Scheme.Dimensions.Select(d => System.Text.Encoding.UTF8.GetBytes(d.Id)).ToArray();
    }

    /// <summary>
    /// Adds the scored rows of a batch, column by column: each column's dictionary stays hot while its
    /// cells go in, which costs about half of going row by row.
    /// </summary>
    /// <summary>The rows of a batch; <paramref name="profiles"/> gives each row's profile number (-1 for none) when the table has the column.</summary>
    public void Write(SurveyBatch batch, sbyte[]? profiles = null)
    {
        var rows = _rows.Length >= batch.Count ? _rows : _rows = new int[batch.Capacity];
        var count = 0;
        for (var row = 0; row < batch.Count; row++)
            if (batch.IsScored(row)) rows[count++] = row;
        for (var done = 0; done < count;)
        {
            var take = Math.Min(count - done, _table.RowsLeftInGroup);
            Add(batch, rows.AsSpan(done, take), profiles);
            _table.EndRows(take);
            done += take;
        }
    }

    private int[] _rows = [];

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Add(SurveyBatch batch, ReadOnlySpan<int> rows, sbyte[]? profiles)
    {
        var table = _table;
        var ids = table.UniqueTextColumn(0);
        foreach (var row in rows) ids.Add(batch.TrimmedField(row, SurveyLayout.ReturneeId));
        AddText(table.TextColumn(1), batch, rows, SurveyLayout.Round);
        var dates = table.NumberColumn(2);
        foreach (var row in rows) dates.Add(ParquetTable.DaysSinceEpoch(batch.SurveyDate[row]), true);
        var quarters = table.TextColumn(3);
        foreach (var row in rows) quarters.Add(Vocabulary.Quarter.Utf8(batch.SurveyDate[row], _buffer));
        AddText(table.TextColumn(4), batch, rows, SurveyLayout.Country);
        var communities = table.TextColumn(5);
        foreach (var row in rows) communities.Add(batch.Community(row));
        table.NumberColumn(6).AddAll(batch.Weight, 0, 1, rows);
        var attributes = _layout.Attributes.Count;
        for (var t = 0; t < attributes; t++) AddText(table.TextColumn(7 + t), batch, rows, _layout.FirstAttributeColumn + t);
        var c = 7 + attributes;
        var stride = batch.ScoreStride;
        for (var s = 0; s < stride; s++) table.NumberColumn(c++).AddAll(batch.Scores, s, stride, rows);
        var bands = table.TextColumn(c++);
        foreach (var row in rows) bands.Add(ScoreColumns.BandUtf8(batch.Band[row]));
        var weakest = table.TextColumn(c++);
        foreach (var row in rows) weakest.Add(batch.WeakestDimension[row] is var w and >= 0 ? _dimensionIds[w] : []);
        var answered = table.NumberColumn(c++);
        foreach (var row in rows) answered.Add(batch.Answered[row], true);
        if (!_profile) return;
        var profile = table.TextColumn(c);
        foreach (var row in rows) profile.Add(profiles is null || profiles[row] < 0 ? [] : _profiles[profiles[row]]);
    }

    private static void AddText(TextDictionaryChunk column, SurveyBatch batch, ReadOnlySpan<int> rows, int field)
    {
        foreach (var row in rows) column.Add(batch.TrimmedField(row, field));
    }

    public void Dispose() => _table.Dispose();
}
