using System.Text.RegularExpressions;
using Avrr.Analytics.Insights.Profiles;

namespace Avrr.Analytics.Reports.Sections.Insights;

/// <summary>
/// A profile's name in the report's language. The run names each profile in its own language
/// (docs/insights.md: "low economic, high social" / "économique faible, social élevé"); a report in the
/// other language (<c>avrr report --lang</c>) reads the name back into its parts — each dimension low or
/// high, by the scheme's labels — and writes them again in its language. A name it cannot read whole
/// (another engine's words, a label with the separator in it) is shown as the run wrote it.
/// </summary>
internal static partial class ProfileLabels
{
    [GeneratedRegex(@"^(.*) \((\d+)\)$")]
    private static partial Regex Numbered();

    public static string Name(ReportContext report, string? name)
    {
        if (name is null) return "";
        var from = report.Result.Manifest.Language;
        var to = report.Language.Code;
        if (from == to) return name;
        var scheme = report.Result.Scheme;
        var (body, suffix) = Numbered().Match(name) is { Success: true } m ? (m.Groups[1].Value, $" ({m.Groups[2].Value})") : (name, "");
        if (body == ProfileNames.Average(from)) return ProfileNames.Average(to) + suffix;
        var parts = new List<string>();
        foreach (var part in body.Split(ProfileNames.Separator))
        {
            var found = scheme.Dimensions.SelectMany(d => new[] { true, false }.Select(low => (Dimension: d, Low: low)))
                .FirstOrDefault(x => ProfileNames.Part(scheme.Label(x.Dimension.Labels, x.Dimension.Id, from), x.Low, from) == part);
            if (found.Dimension is null) return name;
            parts.Add(ProfileNames.Part(scheme.Label(found.Dimension.Labels, found.Dimension.Id, to), found.Low, to));
        }
        return string.Join(ProfileNames.Separator, parts) + suffix;
    }
}
