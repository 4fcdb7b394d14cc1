using System.Diagnostics;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// A real, small file system for one test: a tmpfs of a given size mounted on a fresh folder, which can
/// be made read-only, and unmounted at the end. Mounting needs Linux and root (CAP_SYS_ADMIN), as CI has;
/// elsewhere the test is skipped, and the skip says why.
/// </summary>
internal sealed class SmallFileSystem : IDisposable
{
    public string Root { get; }

    private SmallFileSystem(string root) => Root = root;

    /// <summary>Mounts a tmpfs of <paramref name="bytes"/> on <paramref name="at"/> (a fresh folder when null), or skips the test.</summary>
    public static SmallFileSystem Mount(long bytes, string? at = null)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "a small file system is mounted as a tmpfs, on Linux only; this machine is not Linux");
        var root = at ?? Path.Combine(TestFiles.TempFolder(), "disk");
        Directory.CreateDirectory(root);
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={bytes}", "tmpfs", root);
        Skip.If(code != 0, $"cannot mount a tmpfs here (it needs root, CAP_SYS_ADMIN): mount said '{output.Trim()}'");
        return new SmallFileSystem(root);
    }

    /// <summary>Remounts the file system read-only, as a write-protected volume is.</summary>
    public void MakeReadOnly()
    {
        var (code, output) = Run("mount", "-o", "remount,ro", Root);
        Assert.True(code == 0, $"remount read-only failed: {output}");
    }

    /// <summary>Fills the file system with one file of the user's until at most <paramref name="leave"/> bytes are free.</summary>
    public string Fill(long leave)
    {
        var path = Path.Combine(Root, "user-archive.bin");
        using var file = new FileStream(path, FileMode.CreateNew);
        var chunk = new byte[4096];
        Array.Fill(chunk, (byte)'u');
        try
        {
            while (new DriveInfo(Root).AvailableFreeSpace > leave) file.Write(chunk);
            file.Flush();
        }
        catch (IOException) { }      // full before the mark: just as good
        return path;
    }

    public void Dispose()
    {
        if (Run("umount", Root).Code != 0) Run("umount", "-l", Root);
    }

    private static (int Code, string Output) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
