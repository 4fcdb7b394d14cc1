using System.Text;
using Avrr.Analytics.IO.Writing;

namespace Avrr.Analytics.Tests.Writing;

/// <summary>
/// returnee_scores.csv is written by a small line writer for speed; every other output by CsvHelper.
/// Both must write the same bytes for the same text, formula escape and quoting included.
/// </summary>
public sealed class CsvLineWriterTests
{
    public static TheoryData<string> Texts => new()
    {
        "R000123", "Saint-Louis", "N'Zérékoré", "", "=SUM(A1)", "+33 6 12", "-5", "@cmd", "\tindent", "\rreturn",
        "a,b", "he said \"hi\"", "two\nlines", "crlf\r\nline", "=\"quoted\",formula", " padded ", "-",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_text_field_is_written_as_csvhelper_writes_it(string text)
    {
        var line = new CsvLineWriter();
        line.Text(Encoding.UTF8.GetBytes(text));
        line.Raw("0.500000"u8);
        line.EndLine();

        using var stream = new MemoryStream();
        using (var csv = CsvHelper.CsvWriter.Create(stream, CsvOutput.Options, leaveOpen: true))
        {
            csv.WriteField(text);
            csv.WriteField(0.5, "F6", System.Globalization.CultureInfo.InvariantCulture);
            csv.EndRecord();
        }
        Assert.Equal(Encoding.UTF8.GetString(stream.ToArray()), Encoding.UTF8.GetString(line.Written));
    }

    [Theory]
    [InlineData(0.0078125, "0.007812")]      // an exact tie rounds to even, as ToString("F6") does
    [InlineData(0.0234375, "0.023438")]
    [InlineData(1.0 / 3, "0.333333")]
    [InlineData(2.0 / 3, "0.666667")]
    [InlineData(0.5000005, "0.500000")]      // 0.5000005 is stored just below the tie
    [InlineData(1.0, "1.000000")]
    [InlineData(0.0, "0.000000")]
    public void Scores_get_six_decimals_exactly_as_the_invariant_F6_format(double score, string expected)
    {
        var buffer = new byte[NumberText.MaxLength];
        Assert.Equal(expected, Encoding.ASCII.GetString(buffer, 0, NumberText.Fixed6(score, buffer)));
        Assert.Equal(score.ToString("F6", System.Globalization.CultureInfo.InvariantCulture), expected);
    }

    [Fact]
    public void Random_scores_format_like_the_invariant_F6_format()
    {
        var random = new Random(7);
        var buffer = new byte[NumberText.MaxLength];
        for (var i = 0; i < 200_000; i++)
        {
            var score = i % 2 == 0 ? random.NextDouble() : random.Next(0, 1_000_001) / 1e6 + (random.Next(3) - 1) * 5e-7;
            if (score < 0) continue;
            Assert.Equal(score.ToString("F6", System.Globalization.CultureInfo.InvariantCulture), Encoding.ASCII.GetString(buffer, 0, NumberText.Fixed6(score, buffer)));
        }
    }
}
