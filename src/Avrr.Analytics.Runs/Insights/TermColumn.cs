using Avrr.Analytics.Surveys;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Runs.Insights;

/// <summary>
/// A column the insights' models use as a categorical attribute: country, community, round, quarter (from the
/// survey date) or an attribute of the inputs. Its value in a row is the trimmed text; empty is missing.
/// </summary>
internal sealed class TermColumn
{
    private readonly int _column;     // run column, -1 for the quarter

    public TermColumn(string name, SurveyLayout layout)
    {
        Name = name;
        _column = name == SurveyColumns.Quarter ? -1 : layout.IndexOf(name) ?? throw new ArgumentException($"No column '{name}'.", nameof(name));
    }

    public string Name { get; }

    /// <summary>The value of a scored row (<paramref name="buffer"/> holds a quarter's text).</summary>
    public ReadOnlySpan<byte> Value(SurveyBatch batch, int row, Span<byte> buffer) =>
        _column < 0 ? Quarter.Utf8(batch.SurveyDate[row], buffer) : batch.TrimmedField(row, _column);

    public string Text(SurveyBatch batch, int row) => System.Text.Encoding.UTF8.GetString(Value(batch, row, new byte[Quarter.TextLength]));
}
