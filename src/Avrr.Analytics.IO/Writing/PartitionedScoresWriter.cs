using System.Text;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.IO.Writing;

/// <summary>
/// returnee_scores as a Hive-style tree of Parquet files (docs/outputs.md, "A partitioned tree"):
/// <c>returnee_scores/country=SEN/quarter=2026-Q3/part-0.parquet</c>, one folder level per partition column, the
/// partition columns in the path and not in the files, and a <c>survey_order</c> column (each survey's position
/// among the run's scored surveys) so that a reader can put the rows back in input order, which the SQL recipe
/// of partials needs for tied quantiles (docs/partials.md). Spark, Trino and DuckDB read the tree as one table.
/// <para>
/// Memory stays bounded whatever the number of partitions: when the parts together hold more than
/// <see cref="MaxBufferedRows"/> rows, the one holding most writes them as a row group; beyond
/// <see cref="MaxOpenParts"/> open files, the part used longest ago is closed and the partition's next rows go to
/// a new part (part-1, part-2…).
/// </para>
/// </summary>
internal sealed class PartitionedScoresWriter : IDisposable
{
    public const int MaxBufferedRows = 1 << 18, MaxOpenParts = 64;

    private readonly string _table;
    private readonly SurveyLayout _layout;
    private readonly IReadOnlyList<string> _columns;
    private readonly Func<string, string> _pathOf;
    private readonly bool _profile;
    private readonly Dictionary<string, Partition> _partitions = new(StringComparer.Ordinal);
    private readonly List<string> _files = [];
    private readonly byte[] _quarter = new byte[Vocabulary.Quarter.TextLength];
    private long _scored, _uses;

    private sealed class Partition(string folder)
    {
        public readonly string Folder = folder;
        public ScoresParquetWriter? Writer;
        public int Parts;
        public long LastUse;
        public readonly List<int> Rows = [];
        public readonly List<long> Orders = [];
    }

    /// <param name="table">The tree's folder in the result (returnee_scores).</param>
    /// <param name="columns">The partition columns, in folder order: country, community, quarter, round or attributes.</param>
    /// <param name="pathOf">The path of a file of the result (relative, '/' between folders), whose folders it makes.</param>
    /// <param name="profile">Whether the parts have the insights' profile column, as the flat file does.</param>
    public PartitionedScoresWriter(string table, SurveyLayout layout, IReadOnlyList<string> columns, Func<string, string> pathOf, bool profile = false)
    {
        _profile = profile;
        _table = table;
        _layout = layout;
        _columns = columns;
        _pathOf = pathOf;
    }

    /// <summary>The part files written, relative to the result, in the order they were made.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>The scored rows of a batch; <paramref name="profiles"/> gives each row's profile number (-1 for none) when the parts have the column.</summary>
    public void Write(SurveyBatch batch, sbyte[]? profiles = null)
    {
        foreach (var partition in _partitions.Values) { partition.Rows.Clear(); partition.Orders.Clear(); }
        var touched = new List<Partition>();
        for (var row = 0; row < batch.Count; row++)
        {
            if (!batch.IsScored(row)) continue;
            var folder = FolderOf(batch, row);
            if (!_partitions.TryGetValue(folder, out var partition)) _partitions[folder] = partition = new Partition(folder);
            if (partition.Rows.Count == 0) touched.Add(partition);
            partition.Rows.Add(row);
            partition.Orders.Add(_scored++);
        }
        foreach (var partition in touched)
        {
            partition.LastUse = ++_uses;
            var writer = partition.Writer ??= Open(partition);
            writer.Write(batch, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(partition.Rows),
                System.Runtime.InteropServices.CollectionsMarshal.AsSpan(partition.Orders), profiles);
        }
        var buffered = 0L;
        foreach (var partition in _partitions.Values) buffered += partition.Writer?.BufferedRows ?? 0;
        while (buffered > MaxBufferedRows)
        {
            var fullest = _partitions.Values.Where(p => p.Writer is not null).MaxBy(p => p.Writer!.BufferedRows)!;
            buffered -= fullest.Writer!.BufferedRows;
            fullest.Writer.Flush();
        }
    }

    private ScoresParquetWriter Open(Partition partition)
    {
        var open = _partitions.Values.Where(p => p.Writer is not null).ToArray();
        if (open.Length >= MaxOpenParts)
        {
            var oldest = open.MinBy(p => p.LastUse)!;
            oldest.Writer!.Dispose();
            oldest.Writer = null;
        }
        var file = $"{_table}/{partition.Folder}/part-{partition.Parts++}.parquet";
        _files.Add(file);
        return new ScoresParquetWriter(_pathOf(file), _layout, _columns, withOrder: true, _profile);
    }

    /// <summary>The partition folders of a scored row: each partition column's value as returnee_scores writes it.</summary>
    private string FolderOf(SurveyBatch batch, int row)
    {
        var path = new StringBuilder();
        foreach (var column in _columns)
        {
            if (path.Length > 0) path.Append('/');
            var value = column switch
            {
                Vocabulary.SurveyColumns.Quarter => Encoding.UTF8.GetString(Vocabulary.Quarter.Utf8(batch.SurveyDate[row], _quarter)),
                Vocabulary.SurveyColumns.Community => Encoding.UTF8.GetString(batch.Community(row)),
                _ => Encoding.UTF8.GetString(batch.TrimmedField(row, _layout.IndexOf(column)!.Value)),
            };
            path.Append(HivePath.Folder(column, value));
        }
        return path.ToString();
    }

    public void Dispose()
    {
        foreach (var partition in _partitions.Values)
        {
            partition.Writer?.Dispose();
            partition.Writer = null;
        }
    }
}
