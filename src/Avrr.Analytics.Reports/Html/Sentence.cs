using System.Globalization;

namespace Avrr.Analytics.Reports.Html;

/// <summary>
/// A sentence of the report's language with traced numbers inside it: the template (from
/// <see cref="Text.ReportText"/>) is written as escaped text, and each <c>{0}</c>, <c>{1}</c>… is filled by
/// a writer (a number with where it came from, a name from the data, escaped). So the words stay whole
/// sentences, in the order each language needs, while every number keeps its <c>data-table</c> mark.
/// </summary>
internal static class Sentence
{
    public static void Write(Html html, string template, params Action<Html>[] parts)
    {
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf('{', at);
            if (open < 0) { html.Text(template[at..]); break; }
            var close = template.IndexOf('}', open);
            html.Text(template[at..open]);
            parts[int.Parse(template.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture)](html);
            at = close + 1;
        }
    }

    /// <summary>A part that is text (a name from the data, a word): escaped.</summary>
    public static Action<Html> Plain(string? text) => html => html.Text(text);
}
