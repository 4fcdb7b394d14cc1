namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// The same inputs with the same settings give the same bytes (docs/outputs.md): every data file, and the
/// manifest but for its "run" object, the report and the workbook, whatever the number of threads and the result folder.
/// </summary>
[Trait("Category", "Slow")]
public sealed class RunDeterminismTests
{
    [Fact]
    public void A_rerun_into_the_same_folder_writes_byte_identical_data_files_and_the_same_manifest_but_its_run_object()
    {
        var out_ = Path.Combine(TestFiles.TempFolder(), "results");
        string[] args = ["run", Samples.Sample, "--out", out_, "--levels", "country+sex", "--indicators", "--quiet"];

        Avrr.Expect(0, args);
        var first = OutputContract.Snapshot(out_);
        var firstManifest = OutputContract.ManifestWithoutRun(out_);
        Avrr.Expect(0, args);
        var second = OutputContract.Snapshot(out_);

        Assert.Equal(first.Keys, second.Keys);
        Assert.Equal(OutputContract.AllFiles.Order(StringComparer.Ordinal), first.Keys);
        // The report and the workbook too: the same result gives the same report.html and results.xlsx bytes.
        foreach (var file in OutputContract.ComparedFiles)
            Assert.True(first[file].AsSpan().SequenceEqual(second[file]), $"{file} differs between two identical runs");
        Assert.Equal(firstManifest, OutputContract.ManifestWithoutRun(out_));
    }

    [Fact]
    public void One_thread_and_two_threads_write_byte_identical_files()
    {
        var folder = TestFiles.TempFolder();
        var one = Path.Combine(folder, "one");
        var two = Path.Combine(folder, "two");
        var many = Path.Combine(folder, "many");

        Avrr.Expect(0, "run", Samples.Large, "--out", one, "--threads", "1", "--quiet");
        Avrr.Expect(0, "run", Samples.Large, "--out", two, "--threads", "2", "--quiet");
        Avrr.Expect(0, "run", Samples.Large, "--out", many, "--threads", "8", "--quiet");

        var expected = OutputContract.Snapshot(one);
        foreach (var other in new[] { two, many })
        {
            var actual = OutputContract.Snapshot(other);
            Assert.Equal(expected.Keys, actual.Keys);
            foreach (var file in OutputContract.ComparedFiles)
                Assert.True(expected[file].AsSpan().SequenceEqual(actual[file]), $"{file} differs between --threads 1 and {Path.GetFileName(other)}");
        }
        // The manifests differ only in --out (and the run object): the settings recorded are the same.
        Assert.Equal(OutputContract.ManifestWithoutRun(one).Replace(one, "OUT"), OutputContract.ManifestWithoutRun(two).Replace(two, "OUT"));
    }

    [Fact]
    public void Parquet_files_of_several_row_groups_are_byte_identical_for_one_and_two_threads()
    {
        // 40,000 rows: two Parquet row groups of returnee_scores (32,768 rows each at most), ten batches.
        var folder = TestFiles.TempFolder();
        var input = Path.Combine(folder, "input.csv");
        global::Avrr.Analytics.IO.Samples.SampleExport.Write(input, 40_000, seed: 3);
        var one = Path.Combine(folder, "one");
        var two = Path.Combine(folder, "two");
        Avrr.Expect(0, "run", input, "--out", one, "--threads", "1", "--formats", "parquet", "--quiet");
        Avrr.Expect(0, "run", input, "--out", two, "--threads", "2", "--formats", "parquet", "--quiet");
        foreach (var file in new[] { "returnee_scores.parquet", "aggregates.parquet", "panel_change.parquet" })
            Assert.True(File.ReadAllBytes(Path.Combine(one, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(two, file))),
                $"{file} differs between --threads 1 and 2");
        Assert.True(ParquetTables.Read(Path.Combine(one, "returnee_scores.parquet")).Count > 32_768);
    }
}
