namespace Avrr.Analytics.IO.Run;

/// <summary>
/// Atomic results: files are written into a hidden folder beside the destination
/// (<c>.results.partial-&lt;pid&gt;</c>) and moved into place only when everything is written. A refused
/// input, an error or a killed process leaves an earlier result untouched; the partial folder of a
/// process that was killed is removed by the next run.
/// </summary>
internal sealed class OutputFolder : IDisposable
{
    public string Destination { get; }
    public string Partial { get; }
    private bool _committed;

    public OutputFolder(string destination)
    {
        Destination = Path.GetFullPath(destination);
        var parent = Path.GetDirectoryName(Destination) ?? throw new SettingsException($"--out {destination} has no parent folder");
        if (File.Exists(Destination)) throw new SettingsException($"--out {destination} is a file, not a folder");
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(Destination);
        RemoveStale(parent, name, Destination);
        Partial = Path.Combine(parent, $".{name}.partial-{Environment.ProcessId}");
        if (Directory.Exists(Partial)) Directory.Delete(Partial, recursive: true);
        Directory.CreateDirectory(Partial);
    }

    /// <summary>
    /// Folders left by runs whose process is gone: a partial result is deleted; an earlier result set
    /// aside by a run killed in the middle of <see cref="Commit"/> is put back when nothing took its place.
    /// </summary>
    private static void RemoveStale(string parent, string name, string destination)
    {
        foreach (var folder in Directory.EnumerateDirectories(parent, $".{name}.partial-*").Concat(Directory.EnumerateDirectories(parent, $".{name}.previous-*")))
        {
            var suffix = folder[(folder.LastIndexOf('-') + 1)..];
            if (!int.TryParse(suffix, out var pid) || pid == Environment.ProcessId || IsRunning(pid)) continue;
            try
            {
                if (folder.Contains(".previous-", StringComparison.Ordinal) && !Directory.Exists(destination)) Directory.Move(folder, destination);
                else Directory.Delete(folder, recursive: true);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static bool IsRunning(int pid)
    {
        try { using var process = System.Diagnostics.Process.GetProcessById(pid); return !process.HasExited; }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    public string PathOf(string file) => Path.Combine(Partial, file);

    /// <summary>Moves the finished files into place: the earlier result is set aside, the new one renamed in, the earlier one deleted.</summary>
    public void Commit()
    {
        string? previous = null;
        if (Directory.Exists(Destination))
        {
            previous = Path.Combine(Path.GetDirectoryName(Destination)!, $".{Path.GetFileName(Destination)}.previous-{Environment.ProcessId}");
            if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
            Directory.Move(Destination, previous);
        }
        try
        {
            Directory.Move(Partial, Destination);
        }
        catch
        {
            if (previous is not null) Directory.Move(previous, Destination);
            throw;
        }
        _committed = true;
        if (previous is not null) Directory.Delete(previous, recursive: true);
    }

    public void Dispose()
    {
        if (_committed || !Directory.Exists(Partial)) return;
        try { Directory.Delete(Partial, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
