using System.Text;
using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Tests.Reading;

/// <summary>Separator, encoding and decimal detection of CSV exports.</summary>
public sealed class CsvDialectTests
{
    [Theory]
    [InlineData("a,b,c\n1;2;3", ',')]
    [InlineData("a;b;c\n1,5;2,5;3", ';')]
    [InlineData("a\tb\tc\n1,5\t2;5\t3", '\t')]
    [InlineData("\"x;y\",b,c\n1;2;3;4", ',')]          // separators inside quotes do not count
    [InlineData("\"x,y\";\"p,q\";c", ';')]
    [InlineData("returnee_id", ',')]                 // one column: a comma by default
    [InlineData("a;b,c;d\r\n", ';')]
    public void The_separator_is_the_most_frequent_of_comma_semicolon_and_tab_in_the_header(string text, char expected)
    {
        Assert.Equal(expected, CsvDialect.DetectSeparator(text));
    }

    [Theory]
    [InlineData("plain.csv", ',', "UTF-8")]
    [InlineData("odk-en-comma.csv", ',', "UTF-8")]
    [InlineData("kobo-fr-semicolon-bom.csv", ';', "UTF-8 with byte order mark")]
    [InlineData("plain-tab.tsv", '\t', "UTF-8")]
    [InlineData("windows-1252-fr.csv", ';', "Windows-1252 (the file is not valid UTF-8)")]
    [InlineData("excel-unicode-text-utf16.txt", '\t', "UTF-16 with byte order mark")]
    public void Fixtures_are_probed_with_their_separator_and_encoding(string fixture, char separator, string encoding)
    {
        var dialect = CsvDialect.Probe(TestFiles.Data(fixture));
        Assert.Equal(separator, dialect.Separator);
        Assert.Equal(encoding, dialect.EncodingName);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(TestFiles.Data(fixture)))), dialect.Sha256);
    }

    /// <summary>The first rows of a fixture as the CSV reader puts them in a batch.</summary>
    private static (SurveyBatch Batch, SurveyLayout Layout) ReadBatch(string path)
    {
        var input = SurveyInput.Open(path, 0, Scheme.Rss15, new ReadOptions());
        var layout = new SurveyLayout(Scheme.Rss15, input.Header.Attributes);
        var batch = new SurveyBatch(layout, 64);
        using var reader = input.OpenReader(layout);
        long sequence = 0;
        Assert.True(reader.Fill(batch, Enumerable.Repeat(true, layout.ColumnCount).ToArray(), ref sequence));
        return (batch, layout);
    }

    [Theory]
    [InlineData("windows-1252-fr.csv")]
    [InlineData("kobo-fr-semicolon-bom.csv")]
    [InlineData("excel-unicode-text-utf16.txt")]
    public void Accented_letters_and_the_typographic_apostrophe_are_read_as_written(string fixture)
    {
        var (batch, layout) = ReadBatch(TestFiles.Data(fixture));
        Assert.Equal("Thiès", batch.FieldString(1, SurveyLayout.Community));
        Assert.Equal("N'Zérékoré", batch.FieldString(3, SurveyLayout.Community));
        Assert.DoesNotContain('\uFFFD', batch.FieldString(1, SurveyLayout.Community));
        if (fixture != "excel-unicode-text-utf16.txt")
            Assert.Equal("Pas du tout d’accord", batch.FieldString(1, layout.IndexOf("feel_part_of_community")!.Value));
        // The byte order mark is not part of the first header or value.
        Assert.Equal("R001", batch.FieldString(0, SurveyLayout.ReturneeId));
    }

    [Fact]
    public void A_windows_1252_byte_after_the_first_64_kilobytes_still_makes_the_whole_file_windows_1252()
    {
        var folder = TestFiles.TempFolder();
        var path = Path.Combine(folder, "late-accent.csv");
        var lines = File.ReadAllLines(TestFiles.Data("plain.csv"));
        var row = lines[1];
        var text = new StringBuilder(lines[0]).Append('\n');
        var n = 0;
        while (text.Length < 100_000) text.Append(row.Replace("R001", $"X{n++:D5}", StringComparison.Ordinal)).Append('\n');
        text.Append(lines[2]).Append('\n');                    // R002, Thiès
        File.WriteAllBytes(path, CsvDialect.Windows1252.GetBytes(text.ToString()));

        var dialect = CsvDialect.Probe(path);
        Assert.Equal(1252, dialect.Encoding.CodePage);
        // Opening looks at the first 64 KiB only (plain ASCII here); reading the file in full finds the late
        // byte and says the file must be read again as Windows-1252.
        var input = SurveyInput.Open(path, 0, Scheme.Rss15, new ReadOptions());
        Assert.StartsWith("CSV, ',' separated, UTF-8", input.Description, StringComparison.Ordinal);
        Assert.True(input.Verify());
        Assert.Equal("CSV, ',' separated, Windows-1252 (the file is not valid UTF-8)", input.Description);
        var layout = new SurveyLayout(Scheme.Rss15, input.Header.Attributes);
        var batch = new SurveyBatch(layout, n + 1);
        using (var reader = input.OpenReader(layout))
        {
            long sequence = 0;
            Assert.True(reader.Fill(batch, Enumerable.Repeat(true, layout.ColumnCount).ToArray(), ref sequence));
        }
        Assert.Equal(n + 1, batch.Count);
        Assert.Equal("Thiès", batch.FieldString(n, SurveyLayout.Community));

        // A whole run reads it right too: the survey keys are scanned again once the encoding is known.
        var result = Avrr.Analytics.Runs.EvaluationRun.Execute(new Avrr.Analytics.Runs.Planning.RunSettings { Inputs = [path], OutputFolder = Path.Combine(folder, "out") });
        Assert.Equal(n + 1, result.RowsRead);
        Assert.Contains(",Thiès,", File.ReadAllText(Path.Combine(folder, "out", "returnee_scores.csv")), StringComparison.Ordinal);
        Assert.Contains("Windows-1252", result.Inputs.Single().Format, StringComparison.Ordinal);
    }

    [Fact]
    public void The_row_of_a_field_count_reject_in_a_windows_1252_file_is_decoded_too()
    {
        var text = File.ReadAllText(TestFiles.Data("windows-1252-fr.csv"), CsvDialect.Windows1252);
        var lines = text.Split("\r\n");
        lines[2] += ";de trop";                          // R002, Thiès: one field too many
        var path = Path.Combine(TestFiles.TempFolder(), "windows-1252-extra-field.csv");
        File.WriteAllBytes(path, CsvDialect.Windows1252.GetBytes(string.Join("\r\n", lines)));
        var result = FixtureRuns.Validate(path);
        var reject = Assert.Single(result.FirstRejects["field_count"]);
        Assert.Equal((3L, "R002"), (reject.Row, reject.ReturneeId));
        Assert.StartsWith("R002;SEN;Thiès;2026-07-15;baseline;1,25;male;Très insatisfait;", reject.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf8_character_cut_by_the_probe_chunk_boundary_is_still_utf8()
    {
        // 'è' is two bytes in UTF-8; put it across the 1 MiB boundary of the probe's reads.
        var folder = TestFiles.TempFolder();
        var path = Path.Combine(folder, "boundary.csv");
        var header = File.ReadAllLines(TestFiles.Data("plain.csv"))[0] + "\n";
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(header));
        while (bytes.Count < (1 << 20) - 1) bytes.Add((byte)' ');
        bytes.AddRange(Encoding.UTF8.GetBytes("è\n"));
        File.WriteAllBytes(path, bytes.ToArray());
        Assert.Equal("UTF-8", CsvDialect.Probe(path).EncodingName);
    }

    [Theory]
    [InlineData("1.25", 1.25)]
    [InlineData("1,25", 1.25)]
    [InlineData(" 2 ", 2.0)]
    [InlineData("0,5", 0.5)]
    [InlineData("3", 3.0)]
    [InlineData("1e2", 100.0)]
    public void Weights_take_a_point_or_a_comma_as_decimal_separator(string text, double expected)
    {
        Assert.True(FieldParsers.TryParseNumber(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1,234.5")]
    [InlineData("1.234,5")]
    [InlineData("1,2,3")]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1e999")]
    [InlineData("NaN")]
    public void Numbers_that_could_be_read_two_ways_or_are_not_finite_are_refused(string text)
    {
        Assert.False(FieldParsers.TryParseNumber(Encoding.UTF8.GetBytes(text), out _));
    }

    [Theory]
    [InlineData("2026-07-14", null, 2026, 7, 14)]
    [InlineData(" 2026-07-14 ", null, 2026, 7, 14)]
    [InlineData("2026-07-14T10:22:31.000+01:00", null, 2026, 7, 14)]
    [InlineData("2026-07-15T00:30:00.000+02:00", null, 2026, 7, 15)]   // kept as written, not moved to UTC
    [InlineData("2026-07-14T23:59:59Z", null, 2026, 7, 14)]
    [InlineData("2026-07-14 10:22", null, 2026, 7, 14)]
    [InlineData("14/07/2026", "dd/MM/yyyy", 2026, 7, 14)]
    [InlineData("01/10/2026", "dd/MM/yyyy", 2026, 10, 1)]
    [InlineData("07/14/2026", "MM/dd/yyyy", 2026, 7, 14)]
    [InlineData("2026-07-14", "dd/MM/yyyy", 2026, 7, 14)]             // ISO 8601 is read beside the date format
    [InlineData("2026-07-14T10:22:31.000+01:00", "dd/MM/yyyy", 2026, 7, 14)]
    [InlineData("2026-14-07", "yyyy-dd-MM", 2026, 7, 14)]             // a format that looks like ISO is read alone
    [InlineData("9999-12-31T23:00:00-05:00", null, 9999, 12, 31)]     // the ends of the calendar, never shifted
    [InlineData("0001-01-01T00:30:00+01:00", null, 1, 1, 1)]
    [InlineData("2026-07-14T10:22:31+0100", null, 2026, 7, 14)]
    [InlineData("2026-07-14T10:22:31,5-03", null, 2026, 7, 14)]
    public void Survey_dates_are_iso_8601_with_or_without_time_and_the_date_format_too(string text, string? format, int y, int m, int d)
    {
        Assert.True(FieldParsers.TryParseDate(Encoding.UTF8.GetBytes(text), format, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("14/07/2026", null)]
    [InlineData("2026-13-01", null)]
    [InlineData("2026-02-29", null)]          // 2026 is not a leap year
    [InlineData("2026-7-14", null)]
    [InlineData("2026-07-14T25:00", null)]
    [InlineData("2026-07-14x", null)]
    [InlineData("31/02/2026", "dd/MM/yyyy")]
    [InlineData("2026-07-14", "yyyy-dd-MM")]  // no 14th month: the ISO-looking format is the only one read
    [InlineData("2026-07-14T10:22:31+15:00", null)]
    [InlineData("2026-07-14T10:60", null)]
    [InlineData("2026-07-14T10:22:31.", null)]
    public void Other_dates_are_refused(string text, string? format)
    {
        Assert.False(FieldParsers.TryParseDate(Encoding.UTF8.GetBytes(text), format, out _));
    }
}

/// <summary>A file that is UTF-8 up to a bad byte is refused: reading it as Windows-1252 would garble its accents.</summary>
public sealed class MixedEncodingTests
{
    private static string Write(byte[] bytes)
    {
        var path = Path.Combine(TestFiles.TempFolder(), "mixed.csv");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static readonly byte[] Header = Encoding.UTF8.GetBytes("returnee_id,country,community\n");

    [Fact]
    public void Utf8_accents_then_a_windows_1252_byte_are_refused_naming_the_byte()
    {
        // "Thiès" in UTF-8 (c3 a8), then "Kédougou" with é as the single Windows-1252 byte e9.
        byte[] bytes = [.. Header, .. Encoding.UTF8.GetBytes("R1,SEN,Thiès\nR2,SEN,K"), 0xE9, .. Encoding.ASCII.GetBytes("dougou\n")];
        var e = Assert.Throws<InputRefusedException>(() => CsvDialect.Probe(Write(bytes)));
        var badByte = Header.Length + Encoding.UTF8.GetByteCount("R1,SEN,Thiès\nR2,SEN,K") + 1;
        Assert.Contains($"UTF-8 up to byte {badByte}", e.Problem, StringComparison.Ordinal);
        Assert.Contains("mixes two encodings", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_then_an_invalid_byte_is_refused()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Header, .. Encoding.ASCII.GetBytes("R1,SEN,K"), 0xE9, .. Encoding.ASCII.GetBytes("dougou\n")];
        Assert.Throws<InputRefusedException>(() => CsvDialect.Probe(Write(bytes)));
    }

    [Fact]
    public void A_file_whose_first_non_ascii_byte_is_invalid_is_read_as_windows_1252()
    {
        byte[] bytes = [.. Header, .. Encoding.ASCII.GetBytes("R1,SEN,Thi"), 0xE8, .. Encoding.ASCII.GetBytes("s\n")];
        var dialect = CsvDialect.Probe(Write(bytes));
        Assert.Equal("Windows-1252 (the file is not valid UTF-8)", dialect.EncodingName);
    }
}
