using System.Globalization;
using Avrr.Analytics.Schemes;

namespace Avrr.Analytics.Tests.Schemes;

/// <summary>
/// Everything a scheme says, one line per fact (ids, scales, codes, scores, labels, weights, options), so
/// that two schemes can be compared with a readable difference. Leaves out where the scheme came from.
/// </summary>
internal static class SchemeContent
{
    public static List<string> Lines(Scheme scheme)
    {
        static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        static string L(IReadOnlyDictionary<string, string> labels) =>
            string.Join("; ", labels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

        var o = scheme.Options;
        var lines = new List<string>
        {
            $"scheme {scheme.Id} | {scheme.Name} | {scheme.Description}",
            $"languages {string.Join(",", scheme.Languages)}",
            $"options minDimensionCoverage={N(o.MinDimensionCoverage)} compositeRequires={o.CompositeRequires} minCompositeCoverage={N(o.MinCompositeCoverage)} compositeFrom={o.CompositeFrom} bands={N(o.Bands.Medium)}/{N(o.Bands.High)}",
        };
        lines.AddRange(scheme.SpecialAnswers.Select(s => $"missing {s.Code} | {L(s.Labels)}"));
        foreach (var scale in scheme.Scales)
        {
            lines.Add($"scale {scale.Id} | count max {scale.CountMax?.ToString(CultureInfo.InvariantCulture) ?? "-"} | {scale.Description}");
            lines.AddRange(scale.Choices.Select(c => $"  choice {c.Code} = {N(c.Score)} | {L(c.Labels)}"));
        }
        foreach (var d in scheme.Dimensions)
        {
            lines.Add($"dimension {d.Id} w={d.Weight} | {L(d.Labels)}");
            foreach (var i in d.Indicators)
            {
                lines.Add($"  indicator {i.Id} w={i.Weight} cw={i.CompositeWeight?.ToString() ?? "-"} | {L(i.Labels)}");
                lines.AddRange(i.Questions.Select(q => $"    question {q.Id} scale={q.Scale.Id} w={q.Weight} | {L(q.Text)}"));
            }
        }
        return lines;
    }
}
