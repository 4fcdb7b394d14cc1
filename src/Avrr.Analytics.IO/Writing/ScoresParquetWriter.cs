using Avrr.Analytics.IO.Writing.Parquet;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.IO.Writing;

/// <summary>
/// Writes returnee_scores.parquet: the columns of the CSV with their types, full-precision doubles.
/// Cells go from the scored batch straight into the table's column chunks, without a string per cell.
/// A part of a partitioned tree (<see cref="PartitionedScoresWriter"/>) leaves out the partition columns, which
/// its path holds, and adds each survey's order.
/// </summary>
internal sealed class ScoresParquetWriter : IDisposable
{
    /// <summary>The column of a partitioned tree's parts that gives each survey's position among the run's scored surveys.</summary>
    public const string SurveyOrder = "survey_order";

    private readonly SurveyLayout _layout;
    private readonly ParquetTable _table;
    private readonly byte[][] _dimensionIds;
    private readonly byte[] _buffer = new byte[NumberText.MaxLength];
    private readonly int[] _column;      // table column of each column of returnee_scores; -1 where left out
    private readonly int _orderColumn;

    private readonly bool _profile;
    private readonly byte[][] _profiles = Enumerable.Range(0, sbyte.MaxValue).Select(ScoreColumns.ProfileUtf8).ToArray();

    public ScoresParquetWriter(string path, SurveyLayout layout, bool profile = false) : this(path, layout, [], withOrder: false, profile)
    {
    }

    /// <param name="leftOut">Columns of returnee_scores not written (a partition's, which its path holds).</param>
    /// <param name="withOrder">Whether to add <see cref="SurveyOrder"/> as the last column.</param>
    /// <param name="profile">Whether the table has the insights' profile column (docs/insights.md).</param>
    public ScoresParquetWriter(string path, SurveyLayout layout, IReadOnlyCollection<string> leftOut, bool withOrder, bool profile)
    {
        _layout = layout;
        _profile = profile;
        var fields = ScoreColumns.Fields(layout, profile);
        var kept = new List<ParquetField>();
        _column = new int[fields.Count];
        for (var c = 0; c < fields.Count; c++)
        {
            _column[c] = leftOut.Contains(fields[c].Name) ? -1 : kept.Count;
            if (_column[c] >= 0) kept.Add(fields[c]);
        }
        _orderColumn = withOrder ? kept.Count : -1;
        if (withOrder) kept.Add(new ParquetField(SurveyOrder, ParquetKind.Int64));
        _table = new ParquetTable(path, kept);
        _dimensionIds = layout.Scheme.Dimensions.Select(d => System.Text.Encoding.UTF8.GetBytes(d.Id)).ToArray();
    }

    /// <summary>Rows held in memory until their row group is written.</summary>
    public int BufferedRows => _table.BufferedRows;

    /// <summary>Writes the rows held so far as a row group.</summary>
    public void Flush() => _table.Flush();

    /// <summary>
    /// Adds scored rows of a batch (all scored, in order), each with its order among the run's scored surveys;
    /// <paramref name="profiles"/> as in <see cref="Write(SurveyBatch, sbyte[])"/>.
    /// </summary>
    public void Write(SurveyBatch batch, ReadOnlySpan<int> rows, ReadOnlySpan<long> orders, sbyte[]? profiles)
    {
        for (var done = 0; done < rows.Length;)
        {
            var take = Math.Min(rows.Length - done, _table.RowsLeftInGroup);
            Add(batch, rows.Slice(done, take), profiles);
            if (_orderColumn >= 0)
            {
                var column = _table.NumberColumn(_orderColumn);
                foreach (var order in orders.Slice(done, take)) column.Add(order, true);
            }
            _table.EndRows(take);
            done += take;
        }
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
        var at = _column;
        if (at[0] >= 0)
        {
            var ids = table.UniqueTextColumn(at[0]);
            foreach (var row in rows) ids.Add(batch.TrimmedField(row, SurveyLayout.ReturneeId));
        }
        if (at[1] >= 0) AddText(table.TextColumn(at[1]), batch, rows, SurveyLayout.Round);
        if (at[2] >= 0)
        {
            var dates = table.NumberColumn(at[2]);
            foreach (var row in rows) dates.Add(ParquetTable.DaysSinceEpoch(batch.SurveyDate[row]), true);
        }
        if (at[3] >= 0)
        {
            var quarters = table.TextColumn(at[3]);
            foreach (var row in rows) quarters.Add(Vocabulary.Quarter.Utf8(batch.SurveyDate[row], _buffer));
        }
        if (at[4] >= 0) AddText(table.TextColumn(at[4]), batch, rows, SurveyLayout.Country);
        if (at[5] >= 0)
        {
            var communities = table.TextColumn(at[5]);
            foreach (var row in rows) communities.Add(batch.Community(row));
        }
        if (at[6] >= 0) table.NumberColumn(at[6]).AddAll(batch.Weight, 0, 1, rows);
        var attributes = _layout.Attributes.Count;
        for (var t = 0; t < attributes; t++)
            if (at[7 + t] >= 0) AddText(table.TextColumn(at[7 + t]), batch, rows, _layout.FirstAttributeColumn + t);
        var c = 7 + attributes;
        var stride = batch.ScoreStride;
        for (var s = 0; s < stride; s++, c++) table.NumberColumn(at[c]).AddAll(batch.Scores, s, stride, rows);
        var bands = table.TextColumn(at[c++]);
        foreach (var row in rows) bands.Add(ScoreColumns.BandUtf8(batch.Band[row]));
        var weakest = table.TextColumn(at[c++]);
        foreach (var row in rows) weakest.Add(batch.WeakestDimension[row] is var w and >= 0 ? _dimensionIds[w] : []);
        var answered = table.NumberColumn(at[c++]);
        foreach (var row in rows) answered.Add(batch.Answered[row], true);
        if (!_profile) return;
        var profile = table.TextColumn(at[c]);
        foreach (var row in rows) profile.Add(profiles is null || profiles[row] < 0 ? [] : _profiles[profiles[row]]);
    }

    private static void AddText(TextDictionaryChunk column, SurveyBatch batch, ReadOnlySpan<int> rows, int field)
    {
        foreach (var row in rows) column.Add(batch.TrimmedField(row, field));
    }

    public void Dispose() => _table.Dispose();
}
