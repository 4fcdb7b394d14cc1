using System.Globalization;
using System.Text;

namespace Avrr.Analytics.Runs.Partials;

/// <summary>
/// Text from outside (paths, column names, the scheme's id) as it may stand in the SQL recipe, by each dialect's own
/// rules (docs/partials.md, "The SQL recipe"), so that no value ends a string, a name or a comment early:
/// <list type="bullet">
/// <item>DuckDB: a string constant <c>'…'</c> doubles its quotes and knows no backslash escape (a backslash is
/// itself); a name <c>"…"</c> doubles its double quotes.</item>
/// <item>Spark SQL: a string literal <c>'…'</c> reads a backslash as an escape, so a backslash is written <c>\\</c>
/// and a quote <c>\'</c> (Spark reads <c>''</c> as two adjacent literals, not as a quote); a <c>$</c> is written
/// <c>\u0024</c>, which Spark turns back into <c>$</c> only after its variable substitution, so that a path holding
/// <c>${…}</c> is never substituted (the salt is given as <c>--hivevar</c>). A name <c>`…`</c> doubles its backticks; a
/// name cannot hide <c>${</c> from substitution, so the recipe refuses such a name for Spark.</item>
/// <item>Comments (<c>--</c> to the end of the line): a character that could end the line or hide text (controls,
/// line and paragraph separators, format characters) is written <c>\uXXXX</c>.</item>
/// </list>
/// Values with a control character are refused before they get here (<see cref="ControlCharacter"/>), as no column of an
/// export is named so; the escaping is the second wall.
/// </summary>
internal static class SqlText
{
    public static string String(string text, SqlDialect dialect)
    {
        if (dialect == SqlDialect.DuckDb) return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
        var sql = new StringBuilder(text.Length + 2).Append('\'');
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': sql.Append(@"\\"); break;
                case '\'': sql.Append(@"\'"); break;
                case '$': sql.Append(@"\u0024"); break;
                default:
                    if (Hides(c)) sql.Append(Escaped(c));
                    else sql.Append(c);
                    break;
            }
        }
        return sql.Append('\'').ToString();
    }

    public static string Name(string name, SqlDialect dialect) => dialect == SqlDialect.DuckDb
        ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";

    /// <summary>Text for a <c>--</c> comment: nothing in it can end the line (or, in Spark, be substituted).</summary>
    public static string Comment(string text, SqlDialect dialect)
    {
        var sql = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Hides(c) || (c == '$' && dialect == SqlDialect.Spark)) sql.Append(Escaped(c));
            else sql.Append(c);
        }
        return sql.ToString();
    }

    /// <summary>The first control character (or line or paragraph separator) of a value, written U+XXXX; null when it has none.</summary>
    public static string? ControlCharacter(string value)
    {
        foreach (var c in value)
            if (char.IsControl(c) || c is '\u2028' or '\u2029') return "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        return null;
    }

    /// <summary>The value with every control or invisible character written \uXXXX, to be shown in a message.</summary>
    public static string Shown(string value) => Comment(value, SqlDialect.DuckDb);

    private static bool Hides(char c) =>
        char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format;

    private static string Escaped(char c) => @"\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
}
