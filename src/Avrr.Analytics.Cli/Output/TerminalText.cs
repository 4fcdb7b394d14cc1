using System.Text;
using Spectre.Console;

namespace Avrr.Analytics.Cli.Output;

/// <summary>
/// Text from the data (headers, values, paths, messages that quote them) made safe to print to a
/// terminal: control characters (escape sequences that could retitle the window or clear the screen,
/// bells, carriage returns) are shown as <c>\x1B</c>, <c>\r</c>, … instead of being sent as they are.
/// </summary>
internal static class TerminalText
{
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var i = 0;
        while (i < text.Length && !IsControl(text[i])) i++;
        if (i == text.Length) return text;
        var builder = new StringBuilder(text.Length + 8).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsControl(c)) { builder.Append(c); continue; }
            builder.Append(c switch
            {
                '\r' => "\\r",
                '\t' => "\\t",
                '\n' => "\\n",
                _ => $"\\x{(int)c:X2}",
            });
        }
        return builder.ToString();
    }

    /// <summary><see cref="Safe"/> line by line, for a message of several lines (a list of problems, a stack trace).</summary>
    public static string SafeLines(string? text) => string.Join('\n', (text ?? "").Split('\n').Select(line => Safe(line.TrimEnd('\r'))));

    /// <summary><see cref="Safe"/>, then escaped for Spectre's markup.</summary>
    public static string Markup(string? text) => Spectre.Console.Markup.Escape(Safe(text));

    // C0 and C1 controls and DEL; a message's own line breaks are printed as separate lines, never inside a value.
    private static bool IsControl(char c) => c < ' ' || c is >= '\x7F' and <= '\x9F';
}
