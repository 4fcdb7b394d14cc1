using System.Text;

namespace Avrr.Analytics.IO.Writing;

/// <summary>
/// A partition's folder name as Hive, Spark and Trino write them (<c>country=SEN</c>), and DuckDB reads them: the
/// value's control characters and <c>" # % ' * / : = ? \ DEL { [ ] ^</c> as %XX (upper-case hex, as Hive's
/// <c>FileUtils.escapePathName</c>), every other character as it is (UTF-8), and an empty value as
/// <c>__HIVE_DEFAULT_PARTITION__</c>, which readers take for null.
/// </summary>
internal static class HivePath
{
    public const string DefaultPartition = "__HIVE_DEFAULT_PARTITION__";

    public static string Folder(string column, string? value) => column + "=" + Escape(value);

    /// <summary>
    /// Why a column cannot name the folders of a tree, or null: a character Hive escapes (readers split a folder's name
    /// at its first <c>=</c> and do not all unescape a column's name, so <c>grp=x</c> would be read back as <c>grp</c>),
    /// or a name Spark takes for a hidden file (starting with a dot).
    /// </summary>
    public static string? NameProblem(string column)
    {
        foreach (var c in column)
            if (c < 0x20 || c == 0x7F || Escaped.Contains(c))
                return $"holds {(c < 0x20 || c == 0x7F ? "a control character" : $"'{c}'")}, which a folder of a Hive-style tree cannot hold in a column's name " +
                    $"(Spark, Trino and DuckDB would read another column back); partition by a column whose name has none of {Escaped}";
        return column.StartsWith('.') ? "starts with a dot, which Spark takes for a hidden folder and would not read" : null;
    }

    private const string Escaped = "\"#%'*/:=?\\{[]^";

    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return DefaultPartition;
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c < 0x20 || c == 0x7F || Escaped.Contains(c)) escaped.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else escaped.Append(c);
        }
        return escaped.ToString();
    }
}
