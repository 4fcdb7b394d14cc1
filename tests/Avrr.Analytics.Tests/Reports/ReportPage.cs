using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Avrr.Analytics.Tests.Reports;

/// <summary>A report.html parsed as a browser would (AngleSharp), and its numbers read back as a reader of its language reads them.</summary>
internal sealed class ReportPage
{
    public ReportPage(string html)
    {
        Html = html;
        Document = new HtmlParser().ParseDocument(html);
    }

    public string Html { get; }
    public IDocument Document { get; }

    /// <summary>Every number the page shows from a table, with the cell it says it came from.</summary>
    public IEnumerable<(string Table, int Row, string Column, string Shown)> Numbers() =>
        Document.QuerySelectorAll("[data-table]").Select(e => (e.GetAttribute("data-table")!, int.Parse(e.GetAttribute("data-row")!, CultureInfo.InvariantCulture), e.GetAttribute("data-col")!, e.TextContent));

    /// <summary>
    /// A shown number as a value and the half-unit of its last digit: English writes 0.53, 12,345, 53%,
    /// French 0,53, 12 345 (no-break space), 53 %; both write a minus sign (U+2212) and a leading + on differences.
    /// </summary>
    public static (double Value, double HalfUnit) Read(string shown, string language)
    {
        var text = shown.Trim().Replace('\u2212', '-').Replace("\u00A0", "").Replace("+", "");
        var percent = text.EndsWith('%');
        text = text.TrimEnd('%').Trim();
        text = language == "fr" ? text.Replace(",", ".") : text.Replace(",", "");
        Assert.Matches(@"^-?\d+(\.\d+)?$", text);
        var value = double.Parse(text, CultureInfo.InvariantCulture);
        var decimals = text.Contains('.') ? text.Length - text.IndexOf('.') - 1 : 0;
        var half = 0.5 * Math.Pow(10, -decimals);
        return percent ? (value / 100, half / 100) : (value, half);
    }
}
