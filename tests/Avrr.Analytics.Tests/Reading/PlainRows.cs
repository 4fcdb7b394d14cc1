using System.Text;

namespace Avrr.Analytics.Tests.Reading;

/// <summary>Rows of the plain.csv fixture (no field quoted), to edit and write back as a small export.</summary>
internal static class PlainRows
{
    public static string Header => File.ReadAllLines(TestFiles.Data("plain.csv"))[0];

    /// <summary>Data row <paramref name="index"/> (from 1) of plain.csv, split into its fields.</summary>
    public static string[] Row(int index) => File.ReadAllLines(TestFiles.Data("plain.csv"))[index].Split(',');

    /// <summary>Every data row of plain.csv.</summary>
    public static IEnumerable<string[]> All() => File.ReadAllLines(TestFiles.Data("plain.csv")).Skip(1).Select(l => l.Split(','));

    /// <summary>Writes plain.csv's header and these rows (LF line ends, UTF-8 without BOM) into a fresh folder.</summary>
    public static string Write(string name, params string[][] rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var row in rows) text.Append(string.Join(',', row)).Append('\n');
        var path = Path.Combine(TestFiles.TempFolder(), name);
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
