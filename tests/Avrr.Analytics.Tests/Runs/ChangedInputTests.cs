using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.Runs;
using Avrr.Analytics.Runs.Results;
using Avrr.Analytics.Tests.Cli;
using CliSamples = Avrr.Analytics.Tests.Cli.Samples;
using Avrr.Analytics.Tests.Reading;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// An input that changes while a run reads it (appended to by a sync, truncated, rewritten) is noticed and
/// the run refused (exit 3), so that the rows scored are always those the manifest's SHA-256 describes:
/// the bytes the second pass read are those the first pass hashed, and every input has the size,
/// modification and change times it had when it was opened, after each pass. The earlier result is kept.
/// Tables only: what a change does to the passes does not depend on the insights, the audit or the report.
/// </summary>
public sealed class ChangedInputTests
{
    /// <summary>Does something to the input at the start of a stage of the run, as another program could.</summary>
    private sealed class ChangeAt(string stage, Action change) : IRunObserver
    {
        public bool Changed { get; private set; }

        public void Stage(string name)
        {
            if (name != stage || Changed) return;
            change();
            Changed = true;
        }

        public void Rows(long total, double fraction) { }
        public void Note(string message) { }
    }

    private static (string Input, string Out, SortedDictionary<string, byte[]> Before) EarlierResult(string source)
    {
        var folder = TestFiles.TempFolder();
        var input = Path.Combine(folder, Path.GetFileName(source));
        File.Copy(source, input);
        var out_ = Path.Combine(folder, "results");
        FixtureRuns.Evaluate(FixtureRuns.Settings(input).TablesOnly() with { OutputFolder = out_ });
        return (input, out_, OutputContract.Snapshot(out_));
    }

    private static string RefusedRun(string input, string out_, string stage, Action change)
    {
        var observer = new ChangeAt(stage, change);
        var e = Assert.Throws<InputRefusedException>(() => EvaluationRun.Execute(FixtureRuns.Settings(input).TablesOnly() with { OutputFolder = out_ }, observer));
        Assert.True(observer.Changed);
        Assert.Equal(input, e.Path);
        Assert.Contains("the file changed while the run was reading it", e.Problem, StringComparison.Ordinal);
        return e.Problem;
    }

    /// <summary>The earlier result byte for byte, and nothing beside it but the input (no partial folder, no lock).</summary>
    private static void AssertKept(string input, string out_, SortedDictionary<string, byte[]> before)
    {
        var after = OutputContract.Snapshot(out_);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (file, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[file]), $"{file} changed");
        Assert.Equal(new[] { Path.GetFileName(input), "results" }.Order(StringComparer.Ordinal),
            Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(out_)!).Select(Path.GetFileName).Cast<string>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rows_appended_between_the_passes_refuse_the_run_and_keep_the_earlier_result()
    {
        var (input, out_, before) = EarlierResult(CliSamples.Clean);
        var extra = File.ReadAllLines(input)[1].Replace("R0", "X0", StringComparison.Ordinal) + "\n";

        var problem = RefusedRun(input, out_, "scoring", () => File.AppendAllText(input, extra));

        Assert.Contains("bytes when the run opened it and", problem, StringComparison.Ordinal);
        AssertKept(input, out_, before);
    }

    [Fact]
    public void A_file_truncated_between_the_passes_refuses_the_run()
    {
        var (input, out_, before) = EarlierResult(CliSamples.Clean);

        RefusedRun(input, out_, "scoring", () =>
        {
            using var file = new FileStream(input, FileMode.Open, FileAccess.Write);
            file.SetLength(file.Length / 2);
        });

        AssertKept(input, out_, before);
    }

    [Fact]
    public void A_rewrite_of_the_same_size_with_its_modification_time_put_back_is_caught_by_the_hash()
    {
        var (input, out_, before) = EarlierResult(CliSamples.Clean);

        var problem = RefusedRun(input, out_, "scoring", () =>
        {
            var modified = File.GetLastWriteTimeUtc(input);
            var bytes = File.ReadAllBytes(input);
            var at = Array.LastIndexOf(bytes, (byte)'1');
            bytes[at] = (byte)'2';
            File.WriteAllBytes(input, bytes);
            File.SetLastWriteTimeUtc(input, modified);
        });

        Assert.Contains("another SHA-256", problem, StringComparison.Ordinal);
        AssertKept(input, out_, before);
    }

    [Fact]
    public void A_file_appended_to_during_the_first_pass_refuses_the_run_before_scoring()
    {
        var (input, out_, before) = EarlierResult(CliSamples.Clean);
        var extra = File.ReadAllLines(input)[1].Replace("R0", "Y0", StringComparison.Ordinal) + "\n";

        var problem = RefusedRun(input, out_, "finding duplicate surveys", () => File.AppendAllText(input, extra));

        Assert.Contains("bytes when the run opened it and", problem, StringComparison.Ordinal);
        AssertKept(input, out_, before);
    }

    [Fact]
    public void A_workbook_modified_during_the_run_refuses_it()
    {
        var (input, out_, before) = EarlierResult(TestFiles.Data("kobo-export.xlsx"));

        var problem = RefusedRun(input, out_, "scoring", () => File.SetLastWriteTimeUtc(input, DateTime.UtcNow.AddMinutes(1)));

        Assert.Contains("it was modified", problem, StringComparison.Ordinal);
        AssertKept(input, out_, before);
    }
}
