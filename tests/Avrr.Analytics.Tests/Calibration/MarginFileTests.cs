using Avrr.Analytics.IO.Reading;

namespace Avrr.Analytics.Tests.Calibration;

/// <summary>Margin files (docs/methodology.md, "The margins file from a caseload"): what is read, and what is refused with its line and level.</summary>
public sealed class MarginFileTests
{
    private static string File(string text)
    {
        var path = Path.Combine(TestFiles.TempFolder(), "margin.csv");
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_joint_margin_with_a_byte_order_mark_semicolons_quotes_and_crlf_is_read()
    {
        var margin = MarginFile.Read(File("\uFEFFCountry;Sex;Total\r\nSEN;\"female\";1250.5\r\n\"CIV\";male;1e3\r\n\r\n"));
        Assert.Equal(["country", "sex"], margin.Variables);
        Assert.Equal(2, margin.Levels.Count);
        Assert.Equal(["SEN", "female"], margin.Levels[0].Values);
        Assert.Equal(1250.5, margin.Levels[0].Total);
        Assert.Equal(1000, margin.Levels[1].Total);
        Assert.Equal("margin.csv", margin.Name);
    }

    [Theory]
    [InlineData("country,total\nSEN,1 250\n", "line 2 (country=SEN) has the total '1 250', which is not a number")]
    [InlineData("country,total\nSEN,1250,3\n", "line 2 has 3 fields, the header 2")]
    [InlineData("country,total\nSEN,-3\n", "line 2 (country=SEN) has a total of -3")]
    [InlineData("country,total\n", "has no level")]
    [InlineData("total\n4\n", "names no variable")]
    [InlineData("country,country,total\nA,A,1\n", "names a column twice")]
    [InlineData("", "is empty")]
    public void A_margin_file_that_cannot_be_used_is_refused_with_its_line(string text, string message)
    {
        var e = Assert.Throws<InputRefusedException>(() => MarginFile.Read(File(text)));
        Assert.Contains(message, e.Problem);
        Assert.NotNull(e.FrenchProblem);
    }

    [Fact]
    public void A_missing_file_a_folder_and_a_path_with_a_null_character_are_refused_not_crashes()
    {
        var folder = TestFiles.TempFolder();
        Assert.Contains("does not exist", Assert.Throws<InputRefusedException>(() => MarginFile.Read(Path.Combine(folder, "none.csv"))).Problem);
        Assert.Contains("is a folder", Assert.Throws<InputRefusedException>(() => MarginFile.Read(folder)).Problem);
        Assert.Contains("null character", Assert.Throws<InputRefusedException>(() => MarginFile.Read("a\0b.csv")).Problem);
    }

    [Fact]
    public void A_file_that_is_not_utf8_text_is_refused()
    {
        var path = Path.Combine(TestFiles.TempFolder(), "margin.csv");
        System.IO.File.WriteAllBytes(path, [0x63, 0x6F, 0x75, 0x6E, 0x74, 0x72, 0x79, 0x2C, 0x74, 0x6F, 0x74, 0x61, 0x6C, 0x0A, 0xE9, 0x2C, 0x31, 0x0A]);
        Assert.Contains("not UTF-8", Assert.Throws<InputRefusedException>(() => MarginFile.Read(path)).Problem);
    }
}
