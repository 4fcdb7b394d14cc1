using System.Globalization;
using System.Text;

namespace Avrr.Analytics.Vocabulary;

/// <summary>
/// How answers are compared with codes and labels: case, surrounding spaces, runs of inner spaces and
/// accents are ignored, and the typographic apostrophe (’) is the straight one ('). So "  TRÈS satisfait"
/// and "Tres  satisfait" both match the label "Très satisfait".
/// </summary>
public static class AnswerText
{
    public static string Normalize(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c)) { pendingSpace = builder.Length > 0; continue; }
            if (pendingSpace) { builder.Append(' '); pendingSpace = false; }
            builder.Append(c switch
            {
                '\u2019' or '\u2018' or '\u02BC' => '\'',
                _ => char.ToLowerInvariant(c),
            });
        }
        return builder.ToString();
    }
}
