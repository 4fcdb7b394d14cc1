using Avrr.Analytics.IO.Writing.Parquet;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Surveys;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.IO.Writing;

/// <summary>
/// The columns of returnee_scores, in order, with their Parquet types (docs/outputs.md): the one list
/// both writers take their columns from. With the insights on, a last column <c>profile</c> holds each
/// survey's returnee profile (docs/insights.md).
/// </summary>
internal static class ScoreColumns
{
    public const string Profile = "profile";

    public static IReadOnlyList<ParquetField> Fields(SurveyLayout layout, bool profile = false)
    {
        var scheme = layout.Scheme;
        return
        [
            // Ids are nearly all distinct: a dictionary would only cost.
            new(SurveyColumns.ReturneeId, ParquetKind.Text, Unique: true),
            new(SurveyColumns.Round, ParquetKind.Text),
            new(SurveyColumns.SurveyDate, ParquetKind.Date),
            new(SurveyColumns.Quarter, ParquetKind.Text),
            new(SurveyColumns.Country, ParquetKind.Text),
            new(SurveyColumns.Community, ParquetKind.Text),
            new(SurveyColumns.Weight, ParquetKind.Number),
            .. layout.Attributes.Select(a => new ParquetField(a, ParquetKind.Text)),
            .. scheme.Indicators.Select(i => new ParquetField(IndicatorColumn(i.Id), ParquetKind.Number)),
            .. scheme.Dimensions.Select(d => new ParquetField(DimensionColumn(d.Id), ParquetKind.Number)),
            new("composite_score", ParquetKind.Number),
            new("band", ParquetKind.Text),
            new("weakest_dimension", ParquetKind.Text),
            new("answered", ParquetKind.Int32),
            .. profile ? [new ParquetField(Profile, ParquetKind.Text)] : Array.Empty<ParquetField>(),
        ];
    }

    /// <summary>The column names, in order.</summary>
    public static IReadOnlyList<string> For(SurveyLayout layout, bool profile = false) => Fields(layout, profile).Select(f => f.Name).ToArray();

    /// <summary>The text of profile number p (0-based): P1, P2, …; empty for none (-1).</summary>
    public static byte[] ProfileUtf8(int profile) => profile < 0 ? [] : System.Text.Encoding.UTF8.GetBytes($"P{profile + 1}");

    public static string IndicatorColumn(string id) => "indicator_" + id;
    public static string DimensionColumn(string id) => id + "_score";

    public static string BandName(Band band) => band switch
    {
        Band.Low => "low",
        Band.Medium => "medium",
        Band.High => "high",
        _ => "",
    };

    public static ReadOnlySpan<byte> BandUtf8(Band band) => band switch
    {
        Band.Low => "low"u8,
        Band.Medium => "medium"u8,
        Band.High => "high"u8,
        _ => ""u8,
    };
}
