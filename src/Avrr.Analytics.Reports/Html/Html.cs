using System.Text;

namespace Avrr.Analytics.Reports.Html;

/// <summary>
/// The report's HTML as it is written: every text goes through <see cref="Text"/>, which escapes it, so
/// that a community called <c>&lt;script&gt;</c> shows as text; only the report's own markup and the
/// charts' SVG go in raw (<see cref="Raw"/>). Attribute values are escaped the same way.
/// </summary>
public sealed class Html
{
    private readonly StringBuilder _out = new(256 * 1024);

    /// <summary>Escapes a text for an element's content or a quoted attribute value.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
            builder.Append(c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&quot;", '\'' => "&#39;", _ => c.ToString() });
        return builder.ToString();
    }

    public Html Text(string? text) { _out.Append(Escape(text)); return this; }

    /// <summary>Markup of the report itself (never data).</summary>
    public Html Raw(string markup) { _out.Append(markup); return this; }

    /// <summary>An element with escaped text content: <c>&lt;tag class="…"&gt;text&lt;/tag&gt;</c>.</summary>
    public Html Element(string tag, string? text, string? cssClass = null)
    {
        Open(tag, cssClass);
        Text(text);
        return Close(tag);
    }

    public Html Open(string tag, string? cssClass = null, params (string Name, string? Value)[] attributes)
    {
        _out.Append('<').Append(tag);
        if (cssClass is not null) _out.Append(" class=\"").Append(Escape(cssClass)).Append('"');
        foreach (var (name, value) in attributes)
            if (value is not null) _out.Append(' ').Append(name).Append("=\"").Append(Escape(value)).Append('"');
        _out.Append('>');
        return this;
    }

    public Html Close(string tag) { _out.Append("</").Append(tag).Append('>'); return this; }

    public override string ToString() => _out.ToString();
}
