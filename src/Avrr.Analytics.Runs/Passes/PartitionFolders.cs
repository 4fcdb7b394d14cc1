using System.Text;
using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Surveys;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Runs.Passes;

/// <summary>
/// The folders of the partitioned tree (<c>--partition-by</c>, docs/outputs.md, "A partitioned tree"), checked in pass
/// 1, before anything is written: a value whose folder (<c>community=…</c>, escaped as Hive does) is longer than the
/// 255 bytes a file system allows in one name is refused (exit 3) naming the file, row and column, where it used to
/// fail at the end of the run (exit 4). The value is the one pass 2 writes: trimmed and recoded. A value that cannot be
/// that long (3 bytes per byte at most once escaped) is not escaped to be measured.
/// </summary>
internal sealed class PartitionFolders
{
    /// <summary>The longest name of a file or folder on Linux, macOS and Windows file systems, in bytes.</summary>
    public const int MaxNameBytes = 255;

    private readonly (string Name, int Column)[] _columns;
    private readonly Recode? _recode;

    private PartitionFolders((string, int)[] columns, Recode? recode)
    {
        _columns = columns;
        _recode = recode;
    }

    /// <summary>The check of a run's partition columns, or null when it writes no tree (the quarter is always short).</summary>
    public static PartitionFolders? Of(Planning.RunPlan plan)
    {
        var columns = plan.PartitionColumns.Where(c => c != SurveyColumns.Quarter).Select(c => (c, plan.Layout.IndexOf(c)!.Value)).ToArray();
        return columns.Length == 0 ? null : new PartitionFolders(columns, plan.Recode);
    }

    /// <summary>The columns pass 1 must read for the check.</summary>
    public IEnumerable<int> Columns => _columns.Select(c => c.Column);

    public void Check(SurveyBatch batch, int row)
    {
        foreach (var (name, column) in _columns)
        {
            var value = batch.TrimmedField(row, column);
            if (_recode is not null) value = _recode.ValueOf(column, value);
            if (name.Length + 1 + 3 * value.Length <= MaxNameBytes) continue;
            var text = Encoding.UTF8.GetString(value.IsEmpty && column == SurveyLayout.Community ? Encoding.UTF8.GetBytes(SurveyColumns.UnknownCommunity) : value);
            var bytes = Encoding.UTF8.GetByteCount(HivePath.Folder(name, text));
            if (bytes > MaxNameBytes)
                throw new InputRefusedException(batch.Source,
                    $"row {batch.RowNumber[row]:N0}: its {name} ('{Reject.Cut(text)}', {text.Length:N0} characters) makes a folder name of {bytes:N0} bytes in the tree of --partition-by, " +
                    $"more than the {MaxNameBytes} a file system allows; shorten the value where the export comes from or with the recode table of the evaluation file, or partition by another column");
        }
    }
}
