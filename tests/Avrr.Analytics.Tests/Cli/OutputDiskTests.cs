namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// A full disk or a read-only file system is the user's environment, not a bug: exit 5, a message that
/// names the folder (and for a full disk what had been written, what is free and about how much a
/// result needs), no stack trace, nothing half-written, and an earlier result kept byte for byte. A
/// mount point as --out is refused before the run. Each on a real small file system (a tmpfs).
/// </summary>
public sealed class OutputDiskTests
{
    private static void AssertNoTrace(AvrrCall call)
    {
        Assert.DoesNotContain("Please report", call.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", call.Output, StringComparison.Ordinal);
    }

    private static void AssertSame(SortedDictionary<string, byte[]> before, string folder)
    {
        var after = OutputContract.Snapshot(folder);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (file, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[file]), $"{file} changed");
    }

    [SkippableFact]
    public void A_disk_that_fills_during_the_run_gives_exit_5_with_the_space_needed_and_leaves_nothing()
    {
        using var disk = SmallFileSystem.Mount(300_000);
        var out_ = Path.Combine(disk.Root, "results");

        var call = Avrr.Run("run", Samples.Sample, "--out", out_, "--quiet");

        Assert.True(call.ExitCode == 5, call.ToString());
        Assert.Contains($"the result could not be written: --out {out_}: the disk that holds {disk.Root} is full (", call.Output, StringComparison.Ordinal);
        Assert.Matches(@"[0-9.]+ MB of the result had been written when it filled, and were deleted\. A result needs about one and a half times the size of its inputs, here about [0-9.]+ MB", call.Output);
        // There was no earlier result: the message says nothing was written, not that one is kept (issue 22 §4).
        Assert.Contains("Nothing was written.", call.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("earlier result", call.Output, StringComparison.Ordinal);
        AssertNoTrace(call);
        Assert.Empty(Directory.EnumerateFileSystemEntries(disk.Root));
    }

    [SkippableFact]
    public void A_full_disk_keeps_the_earlier_result_and_the_users_files_byte_for_byte()
    {
        using var disk = SmallFileSystem.Mount(4_000_000);
        var out_ = Path.Combine(disk.Root, "results");
        Avrr.Expect(0, ["run", Samples.Sample, "--out", out_, "--quiet", "--formats", "csv", .. SampleResults.TablesOnly]);
        var before = OutputContract.Snapshot(out_);
        var archive = disk.Fill(leave: 200_000);
        var archiveBytes = new FileInfo(archive).Length;

        var call = Avrr.Run("run", Samples.Sample, "--out", out_, "--quiet");

        Assert.True(call.ExitCode == 5, call.ToString());
        Assert.Contains("is full", call.Output, StringComparison.Ordinal);
        Assert.Contains("An earlier result in that folder is kept as it was.", call.Output, StringComparison.Ordinal);
        AssertNoTrace(call);
        AssertSame(before, out_);
        Assert.Equal(archiveBytes, new FileInfo(archive).Length);
        Assert.Equal(["results", "user-archive.bin"], Directory.EnumerateFileSystemEntries(disk.Root).Select(Path.GetFileName).Cast<string>().Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public void A_read_only_file_system_gives_exit_5_and_keeps_the_earlier_result()
    {
        using var disk = SmallFileSystem.Mount(4_000_000);
        var out_ = Path.Combine(disk.Root, "results");
        Avrr.Expect(0, ["run", Samples.Sample, "--out", out_, "--quiet", "--formats", "csv", .. SampleResults.TablesOnly]);
        var before = OutputContract.Snapshot(out_);
        disk.MakeReadOnly();

        var call = Avrr.Run("run", Samples.Sample, "--out", out_, "--quiet");
        var fresh = Avrr.Run("run", Samples.Sample, "--out", Path.Combine(disk.Root, "new", "results"), "--quiet");

        Assert.True(call.ExitCode == 5, call.ToString());
        Assert.Contains($"--out {out_}: the file system that holds {disk.Root} is read-only, so nothing can be written there", call.Output, StringComparison.Ordinal);
        AssertNoTrace(call);
        AssertSame(before, out_);
        Assert.True(fresh.ExitCode == 5, fresh.ToString());
        Assert.Contains("is read-only", fresh.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_mount_point_as_out_is_refused_before_the_run_and_a_folder_inside_it_is_used()
    {
        var parent = TestFiles.TempFolder();
        using var volume = SmallFileSystem.Mount(4_000_000, Path.Combine(parent, "results"));
        File.WriteAllText(Path.Combine(volume.Root, "kept.txt"), "a file on the volume");

        var call = Avrr.Expect(2, "run", Samples.Sample, "--out", volume.Root, "--quiet");

        Assert.Contains("it is a mount point (a volume), which can be emptied but never replaced as a whole; name a folder inside it, such as " +
            Path.Combine(volume.Root, "results"), call.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing was touched.", call.Output, StringComparison.Ordinal);
        Assert.Equal(["kept.txt"], Directory.EnumerateFileSystemEntries(volume.Root).Select(Path.GetFileName));
        Assert.Equal(["results"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName));

        Avrr.Expect(0, ["run", Samples.Sample, "--out", Path.Combine(volume.Root, "results"), "--quiet", "--formats", "csv", .. SampleResults.TablesOnly]);
        Assert.Equal("a file on the volume", File.ReadAllText(Path.Combine(volume.Root, "kept.txt")));
    }
}
