using System.Text.RegularExpressions;

namespace Avrr.Analytics.Reports.Charts;

/// <summary>
/// Turns the SVG that ScottPlot (through Skia) writes into one that can be inlined in the report, several
/// to a page, and that is the same bytes on every run: Skia numbers clip paths with a counter of the whole
/// process (<c>cl_6</c>, <c>cl_1a</c>), so every id is renumbered with the chart's own prefix in order of
/// appearance; the XML declaration goes; the root gets a viewBox (so it scales with the page), a role and
/// a label for screen readers; the font family gets look-alike fallbacks for machines without DejaVu.
/// </summary>
internal static partial class SvgChart
{
    [GeneratedRegex(@"\b(cl|img|pat|grad)_[0-9a-f]+\b")]
    private static partial Regex Ids();

    public static string Inline(string svg, string prefix, int width, int height, string label)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        svg = Ids().Replace(svg, m =>
        {
            if (!ids.TryGetValue(m.Value, out var id)) ids[m.Value] = id = $"{prefix}-{ids.Count}";
            return id;
        });
        if (svg.StartsWith("<?xml", StringComparison.Ordinal)) svg = svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart();
        var root = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (root < 0) throw new InvalidOperationException("The chart library wrote no SVG element.");
        svg = svg[root..];
        svg = "<svg viewBox=\"0 0 " + width + " " + height + "\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"" + Html.Html.Escape(label) + "\" class=\"chart\"" + svg[4..];
        svg = svg.Replace("font-family=\"" + ChartFonts.Family + "\"", "font-family=\"" + ChartFonts.CssFamilies + "\"", StringComparison.Ordinal);
        return svg.Replace("<image ", "<image style=\"image-rendering:pixelated\" ", StringComparison.Ordinal);
    }
}
