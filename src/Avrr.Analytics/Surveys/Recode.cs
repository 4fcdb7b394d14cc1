using System.Text;
using Avrr.Analytics.Collections;

namespace Avrr.Analytics.Surveys;

/// <summary>
/// The recode table of an evaluation (docs/inputs.md, "Spellings of one place"): per column, values
/// replaced before anything is grouped or written (<c>"Sénégal" → "SEN"</c>), so that spellings of one
/// place are one group. A value matches as written, after its surrounding spaces are trimmed.
/// Read-only once made: every scoring thread can apply one.
/// </summary>
public sealed class Recode
{
    private readonly (int Column, Utf8Table From, byte[][] To)[] _columns;

    /// <summary>The table as given: column id → value → replacement.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Table { get; }

    public Recode(SurveyLayout layout, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> table)
    {
        Table = table;
        _columns = table.Select(p =>
        {
            var column = layout.IndexOf(p.Key) ?? throw new ArgumentException($"No column '{p.Key}' to recode.", nameof(table));
            var from = new Utf8Table();
            var to = new List<byte[]>();
            foreach (var (value, replacement) in p.Value)
                if (from.TryAdd(Encoding.UTF8.GetBytes(value.Trim()), to.Count)) to.Add(Encoding.UTF8.GetBytes(replacement.Trim()));
            return (column, from, to.ToArray());
        }).ToArray();
    }

    /// <summary>The value a trimmed cell of a column has once recoded (itself when the table does not recode it), without changing the batch.</summary>
    public ReadOnlySpan<byte> ValueOf(int column, ReadOnlySpan<byte> value)
    {
        foreach (var (recoded, from, to) in _columns)
            if (recoded == column && from.TryGet(value, out var index)) return to[index];
        return value;
    }

    /// <summary>Replaces the recoded values of one row; returns how many cells changed.</summary>
    public int Apply(SurveyBatch batch, int row)
    {
        var changed = 0;
        foreach (var (column, from, to) in _columns)
        {
            if (!from.TryGet(batch.TrimmedField(row, column), out var index)) continue;
            batch.SetField(row, column, to[index]);
            changed++;
        }
        return changed;
    }
}
