namespace Avrr.Analytics.Tests.Reading;

/// <summary>Several inputs in one run, given as files or folders: every reject names its own source file.</summary>
public sealed class MultipleInputsTests
{
    [Fact]
    public void Rejects_of_several_files_name_their_own_source()
    {
        var run = FixtureRuns.Evaluate("reject-invalid-answer.csv", "reject-invalid-weight.csv");
        Assert.Equal((13L, 5L, 8L), (run.Result.RowsRead, run.Result.RowsScored, run.Result.RowsRejected));
        Assert.Equal(
            [(TestFiles.Data("reject-invalid-answer.csv"), 5L, 2L, 3L), (TestFiles.Data("reject-invalid-weight.csv"), 8L, 3L, 5L)],
            run.Result.Inputs.Select(i => (i.Path, i.RowsRead, i.RowsScored, i.RowsRejected)));
        var bySource = run.Rejects.GroupBy(r => r["source"]).ToDictionary(g => g.Key, g => g.Select(r => (r["row"], r["reason"])).ToList());
        Assert.Equal([("2", "invalid_answer"), ("4", "invalid_answer"), ("4", "invalid_answer"), ("5", "invalid_answer")],
            bySource[TestFiles.Data("reject-invalid-answer.csv")]);
        Assert.Equal([("2", "invalid_weight"), ("3", "invalid_weight"), ("4", "invalid_weight"), ("5", "invalid_weight"), ("8", "invalid_weight")],
            bySource[TestFiles.Data("reject-invalid-weight.csv")]);
        var inputs = run.Manifest.GetProperty("inputs").EnumerateArray().ToList();
        Assert.Equal(2, inputs.Count);
        Assert.Equal(5, inputs[0].GetProperty("rows_read").GetInt64());
        Assert.Equal(8, inputs[1].GetProperty("rows_read").GetInt64());
    }

    [Fact]
    public void The_same_surveys_in_a_second_file_are_duplicates_of_the_first_file()
    {
        var run = FixtureRuns.Evaluate("plain.csv", "odk-en-comma.csv");
        Assert.Equal((16L, 8L, 8L), (run.Result.RowsRead, run.Result.RowsScored, run.Result.RowsRejected));
        var rejects = run.Rejects;
        Assert.All(rejects, r =>
        {
            Assert.Equal(TestFiles.Data("odk-en-comma.csv"), r["source"]);
            Assert.Equal("duplicate_survey", r["reason"]);
            // The same rows in the same order: row n of the ODK file repeats row n of the plain one.
            Assert.Contains($"already at row {r["row"]} of {TestFiles.Data("plain.csv")}", r["message"], StringComparison.Ordinal);
        });
        Assert.Equal(Enumerable.Range(2, 8).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), rejects.Select(r => r["row"]));
    }

    [Fact]
    public void A_folder_is_expanded_to_the_exports_directly_inside_it_in_name_order()
    {
        var folder = TestFiles.TempFolder();
        foreach (var name in new[] { "plain.csv", "kobo-export.xlsx", "plain.parquet", "reject-invalid-weight.csv" })
            File.Copy(TestFiles.Data(name), Path.Combine(folder, name));
        File.WriteAllText(Path.Combine(folder, "README.md"), "not an export");
        File.Copy(TestFiles.Data("binary-garbage.csv"), Path.Combine(folder, ".hidden.csv"));     // hidden: skipped
        File.Copy(TestFiles.Data("not-a-workbook.xlsx"), Path.Combine(folder, "~$kobo-export.xlsx"));   // Excel lock file: skipped
        Directory.CreateDirectory(Path.Combine(folder, "old"));
        File.Copy(TestFiles.Data("empty.csv"), Path.Combine(folder, "old", "empty.csv"));         // sub-folder: skipped

        var run = FixtureRuns.Evaluate(FixtureRuns.Settings(folder) with { OutputFolder = Path.Combine(TestFiles.TempFolder(), "results") });
        Assert.Equal(["kobo-export.xlsx", "plain.csv", "plain.parquet", "reject-invalid-weight.csv"],
            run.Result.Inputs.Select(i => Path.GetFileName(i.Path)));
        // 8 + 8 + 8 + 8 rows; the plain CSV and Parquet repeat the workbook's 8 surveys; 5 bad weights.
        Assert.Equal((32L, 11L, 21L), (run.Result.RowsRead, run.Result.RowsScored, run.Result.RowsRejected));
        var sources = run.Rejects.GroupBy(r => Path.GetFileName(r["source"])).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["plain.csv"] = 8, ["plain.parquet"] = 8, ["reject-invalid-weight.csv"] = 5 }, sources);
        Assert.All(run.Rejects.Where(r => r["reason"] == "duplicate_survey"),
            r => Assert.Contains($"of {Path.Combine(folder, "kobo-export.xlsx")}", r["message"], StringComparison.Ordinal));
    }

    [Fact]
    public void Files_and_folders_can_be_mixed()
    {
        var folder = TestFiles.TempFolder();
        File.Copy(TestFiles.Data("reject-invalid-date.csv"), Path.Combine(folder, "q3.csv"));
        var run = FixtureRuns.Evaluate(FixtureRuns.Settings("reject-missing-value.csv", folder) with { OutputFolder = Path.Combine(TestFiles.TempFolder(), "results") });
        Assert.Equal([TestFiles.Data("reject-missing-value.csv"), Path.Combine(folder, "q3.csv")], run.Result.Inputs.Select(i => i.Path));
        Assert.Equal((11L, 3L, 8L), (run.Result.RowsRead, run.Result.RowsScored, run.Result.RowsRejected));
    }
}
