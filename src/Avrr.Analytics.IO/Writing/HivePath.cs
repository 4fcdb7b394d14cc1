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

    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return DefaultPartition;
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c < 0x20 || c == 0x7F || "\"#%'*/:=?\\{[]^".Contains(c)) escaped.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else escaped.Append(c);
        }
        return escaped.ToString();
    }
}
