using System.Text;
using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Tests.Reading;

/// <summary>
/// The quote-free reader reads every file exactly as CsvHelper does: the same rows with the
/// same row and sequence numbers, the same fields, blank rows and rejected rows, also when it hands the
/// rest of a file to CsvHelper at a quoted line (in the middle of a batch), at a carriage return that
/// ends no line, or from the start when the header is quoted. Each file is read by both readers and
/// compared row by row.
/// </summary>
public sealed class QuoteFreeCsvReaderTests
{
    private static readonly string[] Sample = MakeSample();

    private static string[] MakeSample()
    {
        var path = Path.Combine(TestFiles.TempFolder(), "sample.csv");
        Avrr.Analytics.IO.Samples.SampleExport.Write(path, 10_000, seed: 11);
        return File.ReadAllLines(path);
    }
    private static string Header => Sample[0];
    private static IEnumerable<string> Rows(int count, int skip = 1) => Sample.Skip(skip).Take(count);

    private record Row(long Number, long Sequence, string Fields, string Rejects);

    private static (List<Row> Rows, int Blank, Type Reader) Read(string path, bool csvHelper, int capacity, bool keysOnly)
    {
        var input = SurveyInput.Open(path, 0, Scheme.Rss15, new ReadOptions());
        var layout = new SurveyLayout(Scheme.Rss15, input.Header.Attributes);
        var batch = new SurveyBatch(layout, capacity);
        var wanted = Enumerable.Repeat(!keysOnly, layout.ColumnCount).ToArray();
        if (keysOnly) wanted[SurveyLayout.ReturneeId] = wanted[SurveyLayout.Round] = wanted[SurveyLayout.SurveyDate] = true;
        var rows = new List<Row>();
        var blank = 0;
        long sequence = 0;
        using var reader = csvHelper ? input.OpenCsvHelperReader(layout) : input.OpenReader(layout);
        while (reader.Fill(batch, wanted, ref sequence))
        {
            blank += batch.BlankRows;
            for (var r = 0; r < batch.Count; r++)
            {
                var fields = string.Join("|", Enumerable.Range(0, layout.ColumnCount).Select(c => Encoding.UTF8.GetString(batch.Field(r, c))));
                var rejects = string.Join(";", batch.Rejects.Where(x => x.Row == r).Select(x => $"{x.Reject.Reason}:{x.Reject.Value}:{x.Reject.Message}"));
                rows.Add(new Row(batch.RowNumber[r], batch.Sequence[r], fields, rejects));
            }
        }
        return (rows, blank, reader.GetType());
    }

    private static void AssertSameAsCsvHelper(string text, int capacity = 4096, bool keysOnly = false)
    {
        var path = Path.Combine(TestFiles.TempFolder(), "input.csv");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));
        var expected = Read(path, csvHelper: true, capacity, keysOnly);
        var actual = Read(path, csvHelper: false, capacity, keysOnly);
        Assert.Equal(typeof(QuoteFreeCsvReader), actual.Reader);
        Assert.Equal(expected.Blank, actual.Blank);
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        for (var i = 0; i < expected.Rows.Count; i++) Assert.Equal(expected.Rows[i], actual.Rows[i]);
        Assert.NotEmpty(expected.Rows);
    }

    private static string Lines(IEnumerable<string> lines, string end = "\n") => string.Join(end, lines) + end;

    [Fact]
    public void Plain_lines_with_blank_rows_wrong_field_counts_and_no_final_line_break()
    {
        var rows = Rows(40).ToList();
        rows.Insert(5, "");
        rows.Insert(9, ",,,,");
        rows.Insert(12, "  \t ");
        rows[15] += ",extra";                      // a field too many
        rows[20] = string.Join(",", rows[20].Split(',').Take(10));   // too few
        rows[25] = " " + rows[25] + " ";           // spaces around the line
        AssertSameAsCsvHelper(Lines([Header, .. rows]).TrimEnd('\n'));
    }

    [Fact]
    public void Crlf_line_breaks_a_byte_order_mark_and_blank_lines_at_the_end()
    {
        AssertSameAsCsvHelper("\uFEFF" + Lines([Header, .. Rows(30)], "\r\n") + "\r\n\r\n");
    }

    [Fact]
    public void A_quoted_line_in_the_middle_of_a_batch_hands_the_rest_to_csvhelper()
    {
        var rows = Rows(9_000).ToList();
        var fields = rows[5_000].Split(',');
        fields[2] = "\"Saint-Louis, \"\"nord\"\"\nquartier\"";     // separator, escaped quotes and a line break inside quotes
        rows[5_000] = string.Join(",", fields);
        rows.Insert(6_000, "");
        rows[7_000] += ",extra";
        AssertSameAsCsvHelper(Lines([Header, .. rows]), capacity: 4096);
    }

    [Fact]
    public void A_quote_that_is_never_closed_is_the_same_malformed_row()
    {
        var rows = Rows(50).ToList();
        rows[30] = "\"" + rows[30];
        AssertSameAsCsvHelper(Lines([Header, .. rows]));
    }

    [Fact]
    public void A_carriage_return_that_ends_no_line_hands_over_to_csvhelper()
    {
        var rows = Rows(50).ToList();
        AssertSameAsCsvHelper(Lines([Header, .. rows.Take(20)]) + string.Join("\r", rows.Skip(20)) + "\n");
    }

    [Fact]
    public void A_quoted_header_and_quoted_fields_as_kobo_writes_them_are_read_by_csvhelper_from_the_start()
    {
        static string Quoted(string line) => string.Join(";", line.Split(',').Select(f => $"\"{f}\""));
        AssertSameAsCsvHelper(Lines([Quoted(Header), .. Rows(40).Select(Quoted)]));
    }

    [Fact]
    public void A_line_longer_than_the_read_buffer_is_read_whole()
    {
        var rows = Rows(20).ToList();
        var fields = rows[10].Split(',');
        fields[2] = new string('x', 3_000_000);    // a 3 MB community name: the 1 MB buffer grows
        rows[10] = string.Join(",", fields);
        AssertSameAsCsvHelper(Lines([Header, .. rows]));
    }

    [Fact]
    public void Separators_at_every_position_of_a_vector_block_and_semicolons()
    {
        // The community grows by one byte a row, so every later separator moves across the 32- and
        // 16-byte blocks the reader compares at once; some rows are shorter than one block.
        var rows = Rows(80).Select((line, i) =>
        {
            var fields = line.Split(',');
            fields[2] = new string('c', i % 70);
            return string.Join(";", fields);
        }).ToList();
        rows.Add(string.Join(";", Enumerable.Repeat("", 5)));       // blank: separators only
        rows.Add("R9;SEN");                                          // a short line: too few fields
        AssertSameAsCsvHelper(Lines([Header.Replace(',', ';'), .. rows]));
    }

    [Fact]
    public void Only_the_wanted_columns_are_set_as_the_first_pass_asks()
    {
        var rows = Rows(60).ToList();
        rows[7] += ",extra";
        AssertSameAsCsvHelper(Lines([Header, .. rows]), keysOnly: true);
    }
}
