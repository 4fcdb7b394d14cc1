using System.Globalization;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// A CSV output of a run (aggregates.csv, panel_change.csv, returnee_scores.csv) read as text, for
/// asserting on the exact cells written. The tests' inputs carry no comma or quote, and numbers are never
/// quoted, so a plain split is a faithful reading (checked: a quoted field fails the test).
/// </summary>
internal sealed class OutputTable
{
    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<string[]> Rows { get; }

    private OutputTable(IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
    {
        Header = header;
        Rows = rows;
    }

    public static OutputTable Read(string path)
    {
        var lines = File.ReadAllLines(path);   // CRLF line ends (CsvOutput)
        var quoted = lines.FirstOrDefault(l => l.Contains('"'));
        Assert.True(quoted is null, $"{Path.GetFileName(path)} has a quoted field where none is expected: {quoted}");
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
        return new OutputTable(header, rows);
    }

    public int Column(string name)
    {
        var index = Array.IndexOf((string[])Header, name);
        Assert.True(index >= 0, $"no column {name} in {string.Join(",", Header)}");
        return index;
    }

    /// <summary>The one row with the given cells (column name → value), e.g. level=country, country=AAA, measure=composite.</summary>
    public Cells Single(params (string Column, string Value)[] key)
    {
        var matches = Rows.Where(r => key.All(k => r[Column(k.Column)] == k.Value)).ToList();
        Assert.True(matches.Count == 1, $"{matches.Count} rows match {string.Join(", ", key.Select(k => $"{k.Column}={k.Value}"))}");
        return new Cells(this, matches[0]);
    }

    public sealed class Cells(OutputTable table, string[] row)
    {
        public string this[string column] => row[table.Column(column)];

        public double Number(string column)
        {
            var text = this[column];
            Assert.False(text.Length == 0, $"{column} is empty");
            return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
    }
}
