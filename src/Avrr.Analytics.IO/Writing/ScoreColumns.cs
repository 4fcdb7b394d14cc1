using Avrr.Analytics.Schemes;
using Avrr.Analytics.Surveys;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.IO.Writing;

/// <summary>The columns of returnee_scores, in order (outputs.md).</summary>
internal static class ScoreColumns
{
    public static IReadOnlyList<string> For(SurveyLayout layout)
    {
        var scheme = layout.Scheme;
        return
        [
            SurveyColumns.ReturneeId, SurveyColumns.Round, SurveyColumns.SurveyDate, SurveyColumns.Quarter,
            SurveyColumns.Country, SurveyColumns.Community, SurveyColumns.Weight,
            .. layout.Attributes,
            .. scheme.Indicators.Select(i => IndicatorColumn(i.Id)),
            .. scheme.Dimensions.Select(d => DimensionColumn(d.Id)),
            "composite_score", "band", "weakest_dimension", "answered",
        ];
    }

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
