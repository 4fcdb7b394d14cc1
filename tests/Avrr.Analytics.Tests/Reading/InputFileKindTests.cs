using System.Diagnostics;
using Avrr.Analytics.IO.Reading;

namespace Avrr.Analytics.Tests.Reading;

/// <summary>
/// Only regular files are read, and each file once: a device (a link to /dev/urandom named .csv) or a
/// named pipe is refused before a byte of it is read, instead of hanging the run; the same file given
/// twice, whether through a symbolic link or a hard link, is refused, while a copy of it (another file)
/// is read, and its rows are duplicates. Real links, pipes and devices (Linux).
/// </summary>
public sealed class InputFileKindTests
{
    /// <summary>Expands and opens the inputs as a run does, within a bound, so that a hang fails the test instead of stalling it.</summary>
    private static InputRefusedException Refused(params string[] inputs)
    {
        var settings = FixtureRuns.Settings(inputs);
        var run = Task.Run(() => Avrr.Analytics.Runs.ValidationRun.Execute(settings));
        Assert.True(Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30))).Result == run, "reading the input did not end: it hangs");
        var e = Assert.IsType<InputRefusedException>(run.Exception?.InnerException);
        return e;
    }

    [SkippableFact]
    public void A_link_to_dev_urandom_named_csv_is_refused_as_not_a_regular_file()
    {
        LinuxOnly();
        var link = Path.Combine(TestFiles.TempFolder(), "export.csv");
        File.CreateSymbolicLink(link, "/dev/urandom");

        var e = Refused(link);

        Assert.Equal(link, e.Path);
        Assert.Contains("it is not a regular file", e.Problem, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_named_pipe_is_refused_without_waiting_for_a_writer()
    {
        var fifo = Path.Combine(TestFiles.TempFolder(), "export.csv");
        MakeFifo(fifo);

        var e = Refused(fifo);

        Assert.Contains("it is not a regular file", e.Problem, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_named_pipe_inside_a_folder_of_exports_is_refused()
    {
        var folder = TestFiles.TempFolder();
        File.Copy(TestFiles.Data("plain.csv"), Path.Combine(folder, "a.csv"));
        MakeFifo(Path.Combine(folder, "b.csv"));

        var e = Refused(folder);

        Assert.Equal(Path.Combine(folder, "b.csv"), e.Path);
    }

    [SkippableFact]
    public void The_same_file_through_a_symbolic_link_is_refused_as_given_twice()
    {
        var folder = TestFiles.TempFolder();
        var export = Path.Combine(folder, "export.csv");
        File.Copy(TestFiles.Data("plain.csv"), export);
        var link = Path.Combine(folder, "latest.csv");
        File.CreateSymbolicLink(link, export);

        var e = Refused(export, link);

        Assert.Equal(link, e.Path);
        Assert.Contains($"it is the same file as the input {export} (through a link)", e.Problem, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_same_file_through_a_hard_link_is_refused_as_given_twice()
    {
        var folder = TestFiles.TempFolder();
        var export = Path.Combine(folder, "export.csv");
        File.Copy(TestFiles.Data("plain.csv"), export);
        var hardLink = Path.Combine(folder, "copy-by-link.csv");
        LinuxOnly();
        Run("ln", export, hardLink);

        var e = Refused(export, hardLink);

        Assert.Contains("it is the same file as the input", e.Problem, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_same_file_in_a_folder_and_by_its_own_name_is_refused()
    {
        var folder = TestFiles.TempFolder();
        File.Copy(TestFiles.Data("plain.csv"), Path.Combine(folder, "export.csv"));
        var elsewhere = Path.Combine(TestFiles.TempFolder(), "same.csv");
        File.CreateSymbolicLink(elsewhere, Path.Combine(folder, "export.csv"));

        Refused(folder, elsewhere);
    }

    [SkippableFact]
    public void A_copy_of_a_file_is_another_file_and_its_rows_are_duplicate_surveys()
    {
        var folder = TestFiles.TempFolder();
        var export = Path.Combine(folder, "export.csv");
        File.Copy(TestFiles.Data("plain.csv"), export);
        var copy = Path.Combine(folder, "export (1).csv");
        File.Copy(export, copy);

        var result = FixtureRuns.Validate(export, copy);

        Assert.Equal(8, result.RowsScored);
        Assert.Equal(8, result.RejectsByReason["duplicate_survey"]);
    }

    [SkippableFact]
    public void A_symbolic_link_loop_as_input_is_refused_with_exit_3_and_a_clear_message_not_a_stack_trace()
    {
        // Issue 23 §6: a regression had made it exit 4 with "Too many levels of symbolic links" and a stack trace.
        LinuxOnly();
        var folder = TestFiles.TempFolder();
        var (first, second) = (Path.Combine(folder, "a.csv"), Path.Combine(folder, "b.csv"));
        File.CreateSymbolicLink(first, second);
        File.CreateSymbolicLink(second, first);
        var self = Path.Combine(TestFiles.TempFolder(), "self.csv");
        File.CreateSymbolicLink(self, self);

        Assert.Contains("it is a symbolic link that leads back to itself", Refused(first).Problem, StringComparison.Ordinal);
        Assert.Equal(self, Refused(self).Path);
        Assert.Equal(first, Refused(folder).Path);

        var out_ = Path.Combine(TestFiles.TempFolder(), "results");
        var call = Cli.Avrr.Expect(3, "run", self, "--out", out_, "--quiet");
        Assert.Contains($"input refused: {self}: it is a symbolic link that leads back to itself", call.Output);
        Assert.DoesNotContain("   at ", call.Output);
        Assert.False(Directory.Exists(out_));
    }

    [SkippableFact]
    public void A_symbolic_link_loop_as_the_result_or_partial_folder_is_refused_with_exit_2()
    {
        LinuxOnly();
        var loop = Path.Combine(TestFiles.TempFolder(), "results");
        File.CreateSymbolicLink(loop, loop);
        var call = Cli.Avrr.Expect(2, "run", TestFiles.Data("plain.csv"), "--out", loop, "--quiet");
        Assert.Contains($"--out {loop}: its path cannot be followed", call.Output);
        Assert.DoesNotContain("   at ", call.Output);
        Assert.Contains($"--partial-out {loop}: its path cannot be followed",
            Cli.Avrr.Expect(2, "run", TestFiles.Data("plain.csv"), "--out", Path.Combine(TestFiles.TempFolder(), "r"), "--partial-out", loop, "--quiet").Output);
    }

    private static void MakeFifo(string path)
    {
        LinuxOnly();
        Run("mkfifo", path);
    }

    /// <summary>The kind and identity of a file are read with statx, on Linux only (FileStamp).</summary>
    private static void LinuxOnly() =>
        Skip.IfNot(OperatingSystem.IsLinux(), "devices, named pipes and hard links are told apart on Linux only (statx); this machine is not Linux");

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
