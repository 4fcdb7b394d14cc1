using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Results;
using Avrr.Analytics.Runs;

namespace Avrr.Analytics.Tests.Reading;

/// <summary>
/// Files that cannot be used are refused as a whole, with a message that names the file and what is wrong, before
/// anything is written; and every fixture that is read has rows_read = rows_scored + rows_rejected.
/// </summary>
public sealed class RefusedInputTests
{
    /// <summary>The fixtures refused as a whole (with the default settings), with a phrase of the reason.</summary>
    private static readonly Dictionary<string, string[]> Refused = new(StringComparer.Ordinal)
    {
        ["empty.csv"] = ["the file is empty"],
        ["binary-garbage.csv"] = ["the file is not text (it holds NUL bytes in its first line"],
        ["missing-required-column.csv"] =
        [
            "the required column survey_date is missing (closest header: 'survey_dat')",
            "the required column income_sources is missing (closest header: 'income_source')",
        ],
        ["two-headers-one-id.csv"] = ["the headers 'econ_satisfaction' and 'grp_eco/econ_satisfaction' both map to the column econ_satisfaction"],
        ["not-a-workbook.xlsx"] = ["the file has the .xlsx extension but is not an Excel workbook"],
        ["unknown-format.json"] = ["unknown format '.json'"],
        ["truncated.parquet"] = ["the Parquet file cannot be read"],
        ["old-excel.xls"] = ["old Excel .xls files are not read"],
        ["kobo-attachments.zip"] = ["the file is a zip archive"],
        // Its returnee_id is under another name: refused without the column mapping (see MultipleInputsTests).
        ["column-mapping.csv"] = ["the required column returnee_id is missing"],
        // Its surveys are on the second sheet: refused without --sheet (see SheetAndRowGroupTests).
        ["xlsx-data-on-second-sheet.xlsx"] = ["columns a survey export needs are missing (returnee_id"],
        // The Kobo-shaped export holds the id as id_beneficiaire: refused without the column mapping (see KoboExportTests).
        ["kobo-select-multiple.csv"] = ["the required column returnee_id is missing", "\"columns\": {\"returnee_id\": \"its header\"}"],
        ["kobo-labels-headers.csv"] = ["the headers are the questions' labels, not their names", "\"XML values and headers\""],
    };

    /// <summary>Fixtures read but of which no row can be scored with the default settings, with a phrase of the advice.</summary>
    private static readonly Dictionary<string, string> NothingScored = new(StringComparer.Ordinal)
    {
        ["dates-day-first.csv"] = "set the date format to dd/MM/yyyy",
    };

    public static TheoryData<string> EveryFixture()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Data")).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    /// <summary>Runs a refused input and checks that neither the result folder nor a partial folder was created.</summary>
    private static InputRefusedException AssertRefused(RunSettings settings)
    {
        var e = Assert.Throws<InputRefusedException>(() => EvaluationRun.Execute(settings));
        Assert.False(Directory.Exists(settings.OutputFolder), "the result folder was created");
        var parent = Path.GetDirectoryName(settings.OutputFolder)!;
        Assert.Empty(Directory.Exists(parent) ? Directory.EnumerateFileSystemEntries(parent) : []);
        Assert.Throws<InputRefusedException>(() => ValidationRun.Execute(settings));
        return e;
    }

    [Theory]
    [MemberData(nameof(EveryFixture))]
    public void Every_fixture_is_either_accounted_for_row_by_row_or_refused_before_anything_is_written(string fixture)
    {
        var settings = FixtureRuns.Settings(fixture);
        if (Refused.TryGetValue(fixture, out var phrases))
        {
            var e = AssertRefused(settings);
            Assert.Equal(TestFiles.Data(fixture), e.Path);
            Assert.StartsWith(TestFiles.Data(fixture) + ": ", e.Message, StringComparison.Ordinal);
            foreach (var phrase in phrases) Assert.Contains(phrase, e.Problem, StringComparison.Ordinal);
            return;
        }
        if (NothingScored.TryGetValue(fixture, out var advice))
        {
            var nothing = Assert.Throws<Avrr.Analytics.Runs.Results.NothingScoredException>(() => EvaluationRun.Execute(settings));
            Assert.Contains(advice, nothing.Message, StringComparison.Ordinal);
            Assert.False(Directory.Exists(settings.OutputFolder), "the result folder was created");
            return;
        }
        if (fixture == "header-only.csv")
        {
            A_header_only_file_is_read_as_zero_rows_and_the_run_refuses_to_write_an_empty_result();
            return;
        }
        var run = FixtureRuns.Evaluate(settings);     // asserts rows_read = rows_scored + rows_rejected
        var input = Assert.Single(run.Result.Inputs);
        Assert.Equal(run.Result.RowsRead, input.RowsRead);
        Assert.Equal(input.RowsRead, input.RowsScored + input.RowsRejected);
        Assert.Equal(run.Result.RowsScored, run.Scores.Count);
        Assert.Equal(run.Result.RowsRejected, run.Rejects.Select(r => r["row"]).Distinct().Count());
        var manifest = run.Manifest;
        Assert.Equal(manifest.GetProperty("rows_read").GetInt64(), manifest.GetProperty("rows_scored").GetInt64() + manifest.GetProperty("rows_rejected").GetInt64());
        var validation = FixtureRuns.Validate(settings);
        Assert.Equal((run.Result.RowsRead, run.Result.RowsScored, run.Result.RowsRejected), (validation.RowsRead, validation.RowsScored, validation.RowsRejected));
    }

    [Fact]
    public void A_header_only_file_is_read_as_zero_rows_and_the_run_refuses_to_write_an_empty_result()
    {
        var settings = FixtureRuns.Settings("header-only.csv");
        var validation = FixtureRuns.Validate(settings);
        Assert.Equal((0L, 0L, 0L), (validation.RowsRead, validation.RowsScored, validation.RowsRejected));

        var e = Assert.Throws<NothingScoredException>(() => EvaluationRun.Execute(settings));
        Assert.Contains("holds no survey row", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(settings.OutputFolder), "the result folder was created");
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(settings.OutputFolder)!));
    }

    [Fact]
    public void A_file_that_does_not_exist_is_refused()
    {
        var missing = Path.Combine(TestFiles.TempFolder(), "no-such-export.csv");
        var e = AssertRefused(FixtureRuns.Settings(missing));
        Assert.Equal(missing, e.Path);
        Assert.Contains("no such file or folder", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void One_refused_input_among_several_writes_nothing_and_leaves_an_earlier_result_untouched()
    {
        var first = FixtureRuns.Settings("plain.csv");
        FixtureRuns.Evaluate(first);
        var before = Directory.EnumerateFiles(first.OutputFolder).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList();

        var second = first with { Inputs = [TestFiles.Data("plain.csv"), TestFiles.Data("reject-invalid-weight.csv"), TestFiles.Data("binary-garbage.csv")] };
        var e = Assert.Throws<InputRefusedException>(() => EvaluationRun.Execute(second));
        Assert.Equal(TestFiles.Data("binary-garbage.csv"), e.Path);

        var after = Directory.EnumerateFiles(first.OutputFolder).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
        Assert.Equal(before.Select(f => f.Item1), after.Select(f => f.Item1));
        for (var i = 0; i < before.Count; i++) Assert.Equal(before[i].Item2, after[i].Item2);
        Assert.Equal(["results"], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(first.OutputFolder)!).Select(Path.GetFileName));
    }

    [Fact]
    public void A_file_given_twice_is_refused()
    {
        var e = AssertRefused(FixtureRuns.Settings("plain.csv", "plain.csv"));
        Assert.Contains("the file is given twice", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_exports_is_refused()
    {
        var folder = TestFiles.TempFolder();
        File.WriteAllText(Path.Combine(folder, "README.md"), "notes");
        var settings = FixtureRuns.Settings(folder) with { OutputFolder = Path.Combine(TestFiles.TempFolder(), "results") };
        var e = AssertRefused(settings);
        Assert.Contains("the folder holds no .csv, .tsv, .txt, .xlsx or .parquet file", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_sheet_is_refused_with_the_sheets_there_are()
    {
        var e = AssertRefused(FixtureRuns.Settings("kobo-export.xlsx") with { Sheet = "données" });
        Assert.Contains("the workbook has no sheet 'données' (sheets: RSS retour 2026, grp_children)", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sheet_without_the_survey_columns_is_refused_listing_them()
    {
        var e = AssertRefused(FixtureRuns.Settings("kobo-export.xlsx") with { Sheet = "grp_children" });
        // Most survey columns absent: one compact message that asks whether this is the right sheet.
        Assert.Contains("32 of the 32 columns a survey export needs are missing (returnee_id, country, survey_date", e.Problem, StringComparison.Ordinal);
        Assert.Contains("the right sheet", e.Problem, StringComparison.Ordinal);
    }
}
