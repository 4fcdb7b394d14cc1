using Avrr.Analytics.IO.Samples;

namespace Avrr.Analytics.Tests.Samples;

/// <summary><c>SampleExport.Write</c> (avrr sample): deterministic for a seed, with the run's columns and the rows asked for.</summary>
public sealed class SampleExportTests
{
    private static string Write(string folder, string name, int rows, int seed)
    {
        var path = Path.Combine(folder, name);
        SampleExport.Write(path, rows, seed);
        return path;
    }

    [Fact]
    public void The_same_rows_and_seed_give_a_byte_identical_file()
    {
        var folder = TestFiles.TempFolder();
        var first = Write(folder, "a.csv", 1500, seed: 42);
        var second = Write(folder, "b.csv", 1500, seed: 42);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void A_different_seed_gives_a_different_file()
    {
        var folder = TestFiles.TempFolder();
        var first = Write(folder, "a.csv", 300, seed: 42);
        var second = Write(folder, "b.csv", 300, seed: 43);
        Assert.NotEqual(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void The_header_is_the_record_columns_three_attributes_and_the_29_question_ids()
    {
        var path = Write(TestFiles.TempFolder(), "sample.csv", 5, seed: 1);
        string[] expected =
        [
            "returnee_id", "country", "community", "survey_date", "round", "weight",   // record columns
            "sex", "age_group", "assistance_type",                                     // attributes
            .. InstrumentTables.Questions.Select(q => q.Question),                     // the 29 questions, in instrument order
        ];
        Assert.Equal(6 + 3 + 29, expected.Length);
        Assert.Equal(expected, CsvRecords.Read(path)[0]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2000)]
    public void The_requested_number_of_data_rows_is_written_each_with_every_column(int rows)
    {
        var records = CsvRecords.Read(Write(TestFiles.TempFolder(), "sample.csv", rows, seed: 7));
        Assert.Equal(rows, records.Count - 1);
        Assert.All(records, r => Assert.Equal(38, r.Length));
    }
}
