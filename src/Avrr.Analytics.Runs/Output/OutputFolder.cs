using Avrr.Analytics.Wording;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Avrr.Analytics.Runs.Output;

/// <summary>
/// The result folder of a run (<c>--out</c>), and the rules that keep a user's files safe. A run only
/// ever replaces a folder that it made itself (its <c>manifest.json</c> lists every file in it), an empty
/// one or one that does not exist; it refuses, before anything is touched, a folder holding anything
/// else, a folder that holds an input, the current folder or one above it, a home folder, a file-system
/// root and a mount point.
/// <para>
/// Files are written into a hidden partial folder beside the destination and moved into place at the
/// end (<see cref="Commit"/>), under a lock that keeps a second run out. Each step of the move is one
/// rename, so a run killed at any point leaves a state the next run to the same folder puts right
/// before it does anything else (<see cref="Recover"/>): docs/architecture.md draws the state machine.
/// </para>
/// </summary>
internal sealed class OutputFolder : IDisposable
{
    /// <summary>The file that marks a partial folder as this runner's own until its manifest is written.</summary>
    private const string PartialMarker = ".avrr-partial";

    /// <summary>The destination, as the file system resolves it (links followed).</summary>
    public string Destination { get; }
    /// <summary>The folder the run writes into; moved to <see cref="Destination"/> by <see cref="Commit"/>.</summary>
    public string Partial { get; }

    private readonly string _requested;
    private readonly string _parent;
    private readonly string _prefix;
    private readonly string _listing;
    private readonly FileStream _lock;
    private bool _prepared, _committed;

    private OutputFolder(string requested, string destination, string parent, string prefix, FileStream lockFile, string listing)
    {
        _requested = requested;
        Destination = destination;
        _parent = parent;
        _prefix = prefix;
        _lock = lockFile;
        _listing = listing;
        Partial = Path.Combine(parent, $"{prefix}.avrr-partial-{Environment.ProcessId}");
    }

    /// <summary>
    /// Resolves <paramref name="requested"/>, refuses a destination that must never be replaced, takes
    /// the folder's lock and puts right what an interrupted run left (<paramref name="note"/> hears what
    /// was done). Nothing is written into the destination yet: see <see cref="Prepare"/>. <paramref name="listing"/>
    /// is the file of avrr that lists every file of such a folder: manifest.json for a result, partial.json for a
    /// partial (docs/partials.md).
    /// </summary>
    public static OutputFolder Open(string requested, Action<string>? note = null, string listing = ManifestFile)
    {
        if (string.IsNullOrWhiteSpace(requested)) throw Refused(requested, Said.Of(c => c.Folders.NotNamed));
        string destination;
        try { destination = RealPaths.Of(requested); }
        catch (IOException e) { throw Refused(requested, $"its path cannot be followed ({e.Message.TrimEnd('.')}): a symbolic link that leads back to itself? Name another folder"); }
        RefuseUnsafe(requested, destination);
        var parent = Path.GetDirectoryName(destination)!;
        var prefix = "." + ShortName(Path.GetFileName(destination));
        FileStream lockFile;
        try
        {
            Directory.CreateDirectory(parent);
            lockFile = TakeLock(requested, Path.Combine(parent, prefix + ".avrr-lock"));
        }
        catch (Exception e) when (e is UnauthorizedAccessException || (e is IOException && e is not OutputFolderException))
        {
            throw OutputFolderException.Unwritable(requested, parent, e);
        }
        var folder = new OutputFolder(requested, destination, parent, prefix, lockFile, listing);
        try
        {
            folder.Recover(note);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
        return folder;
    }

    /// <summary>
    /// Checks the destination against the run's inputs and what it holds now, then creates the partial
    /// folder. Throws <see cref="OutputFolderException"/> when the destination must not be replaced.
    /// </summary>
    public void Prepare(IEnumerable<string> inputs)
    {
        foreach (var input in inputs)
        {
            var real = RealPaths.Of(input);
            if (RealPaths.IsSameOrInside(real, Destination))
                throw Refused(Destination, Said.Of(c => c.Folders.HoldsInput, input));
        }
        if (Directory.Exists(Destination) && Directory.EnumerateFileSystemEntries(Destination).Any())
        {
            var foreign = ForeignEntries(Destination, _listing);
            if (foreign is null)
            {
                var (listing, entries) = (_listing, Directory.EnumerateFileSystemEntries(Destination).Select(Path.GetFileName).Cast<string>().Order(StringComparer.Ordinal).ToArray());
                throw Refused(Destination, Said.Of(c => c.Format(c.Folders.NotOurs, listing == ManifestFile ? c.Folders.Result : c.Folders.Partial, listing)
                    + Listing(c, c.Folders.ItHolds, entries)));
            }
            if (foreign.Count > 0)
                throw Refused(Destination, Said.Of(c => c.Folders.Foreign + Listing(c, c.Folders.TheyAre, foreign)));
        }
        try
        {
            Directory.CreateDirectory(Partial);
            File.WriteAllText(Path.Combine(Partial, PartialMarker), Destination + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputFolderException.Unwritable(_requested, _parent, e);
        }
        _prepared = true;
    }

    /// <summary>
    /// An error of the run while it wrote its result, as the user's environment and not a fault of the
    /// engine: a full disk (how much had been written, how much is free, about how much is needed) or a
    /// read-only file system; null for any other error. The partial result is deleted first, so that
    /// nothing half-written stays and the free space reported is what the next run will find.
    /// </summary>
    /// <param name="inputBytes">The size of the run's inputs, from which the space a result needs is estimated.</param>
    public OutputFolderException? WriteFailure(Exception e, long inputBytes)
    {
        var kind = DiskErrors.Of(e);
        if (kind == DiskError.None) return null;
        if (kind == DiskError.ReadOnly) return OutputFolderException.Unwritable(_requested, _parent, e);
        var written = Directory.Exists(Partial) ? SizeOf(Partial) : 0;
        DiscardPartial();
        long? free = null;
        try { free = new DriveInfo(_parent).AvailableFreeSpace; }
        catch (Exception probe) when (probe is IOException or UnauthorizedAccessException or ArgumentException) { }
        return OutputFolderException.Full(_requested, _parent, written, free, Math.Max(inputBytes * 3 / 2, written), e);
    }

    public string PathOf(string file) => Path.Combine(Partial, file);

    /// <summary>
    /// Moves the finished result into place. Every step is one rename, so that a kill between any two
    /// leaves a state <see cref="Recover"/> puts right: the earlier result is set aside, the new one
    /// renamed in, and the earlier one renamed to a trash name and deleted.
    /// </summary>
    public void Commit()
    {
        if (!_prepared) throw new InvalidOperationException("The output folder was not prepared.");
        File.Delete(Path.Combine(Partial, PartialMarker));
        KillPoint.Here("commit:partial-complete");
        string? previous = null;
        if (Directory.Exists(Destination))
        {
            previous = Path.Combine(_parent, $"{_prefix}.avrr-previous-{Environment.ProcessId}");
            Directory.Move(Destination, previous);
            KillPoint.Here("commit:previous-set-aside");
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
        KillPoint.Here("commit:result-moved");
        if (previous is not null) Discard(previous);
    }

    /// <summary>
    /// What a killed run left beside the destination, put right under the lock: an earlier result it had
    /// set aside is moved back when nothing took its place (and discarded when its successor is in
    /// place), and its partial folder is deleted. Only folders with this runner's names and marks are touched.
    /// </summary>
    private void Recover(Action<string>? note)
    {
        foreach (var trash in Siblings("trash")) DeleteQuietly(trash);
        foreach (var previous in Siblings("previous"))
        {
            if (!IsOwnResult(previous, _listing)) continue;
            if (!Directory.Exists(Destination))
            {
                Directory.Move(previous, Destination);
                note?.Invoke($"restored the earlier result in {Destination}, which an interrupted run had set aside");
            }
            else Discard(previous);
        }
        foreach (var partial in Siblings("partial"))
        {
            if (!File.Exists(Path.Combine(partial, PartialMarker)) && !IsOwnResult(partial, _listing)) continue;
            var megabytes = SizeOf(partial) / 1e6;
            Discard(partial);
            note?.Invoke(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"removed the partial result of an interrupted run ({megabytes:0.#} MB) beside {Destination}"));
        }
    }

    private IEnumerable<string> Siblings(string kind) =>
        Directory.EnumerateDirectories(_parent, $"{_prefix}.avrr-{kind}-*")
            .Where(d => int.TryParse(d[(d.LastIndexOf('-') + 1)..], out _) && d != Partial)
            .Order(StringComparer.Ordinal).ToArray();

    /// <summary>Renames a folder of this runner's to a trash name (one atomic step), then deletes it.</summary>
    private void Discard(string folder)
    {
        var trash = Path.Combine(_parent, $"{_prefix}.avrr-trash-{Environment.ProcessId}");
        DeleteQuietly(trash);
        Directory.Move(folder, trash);
        KillPoint.Here("discard:renamed");
        DeleteQuietly(trash);
    }

    /// <summary>A folder this runner may replace or discard: empty, or holding only what its manifest lists.</summary>
    private static bool IsOwnResult(string folder, string listing) =>
        !Directory.EnumerateFileSystemEntries(folder).Any() || ForeignEntries(folder, listing) is { Count: 0 };

    public const string ManifestFile = "manifest.json";

    /// <summary>
    /// The entries of a folder that its manifest does not list (files, links, anything but the folders
    /// that hold listed files), or null when it has no manifest (or <paramref name="listing"/>) of avrr.
    /// </summary>
    internal static IReadOnlyList<string>? ForeignEntries(string folder, string listing = ManifestFile)
    {
        var listed = ManifestFiles(Path.Combine(folder, listing), listing);
        if (listed is null) return null;
        var foreign = new List<string>();
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = Path.GetRelativePath(folder, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
            var isFolder = entry is DirectoryInfo && entry.LinkTarget is null;
            if (isFolder ? listed.Any(f => f.StartsWith(relative + "/", StringComparison.Ordinal)) : entry.LinkTarget is null && listed.Contains(relative)) continue;
            foreign.Add(relative);
        }
        return foreign;
    }

    /// <summary>The files a manifest of avrr lists (itself included), or null when the file is not one.</summary>
    private static HashSet<string>? ManifestFiles(string path, string listing)
    {
        if (!File.Exists(path) || new FileInfo(path).Length > 16 << 20) return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("engine", out var engine) || engine.ValueKind != JsonValueKind.Object
                || !engine.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || name.GetString() != "avrr"
                || !root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
                return null;
            var listed = new HashSet<string>(StringComparer.Ordinal) { listing };
            foreach (var file in files.EnumerateArray())
            {
                if (file.ValueKind != JsonValueKind.String) return null;
                listed.Add(file.GetString()!);
            }
            return listed;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Destinations that must never be replaced, whatever they hold.</summary>
    private static void RefuseUnsafe(string requested, string destination)
    {
        if (Path.GetPathRoot(destination) == destination || Path.GetDirectoryName(destination) is null)
            throw Refused(requested, Said.Of(c => c.Folders.Root));
        var current = RealPaths.Of(Environment.CurrentDirectory);
        if (RealPaths.IsSameOrInside(current, destination))
            throw Refused(requested, destination == current ? Said.Of(c => c.Folders.Current) : Said.Of(c => c.Folders.HoldsCurrent, current));
        foreach (var home in Homes())
            if (RealPaths.IsSameOrInside(home, destination))
                throw Refused(requested, Said.Of(c => c.Folders.Home, home));
        if (File.Exists(destination)) throw Refused(requested, Said.Of(c => c.Folders.IsFile));
        if (Directory.Exists(destination) && RealPaths.IsMountPoint(destination))
            throw Refused(requested, Said.Of(c => c.Folders.MountPoint, Path.Combine(destination, "results")));
    }

    private static IEnumerable<string> Homes()
    {
        var own = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (own.Length > 0) yield return RealPaths.Of(own);
        // Other users' home folders, and the folders that hold them.
        foreach (var root in new[] { "/home", "/Users", "/root" })
        {
            if (!Directory.Exists(root)) continue;
            yield return RealPaths.Of(root);
            if (root == "/root") continue;
            foreach (var home in Directory.EnumerateDirectories(root)) yield return RealPaths.Of(home);
        }
    }

    private static FileStream TakeLock(string requested, string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (IsHeldByAnother(path))
            {
                throw OutputFolderException.Busy(requested);
            }
            // The lock belongs to the file the name holds now: one a finishing run had just deleted does not count.
            if (!IsUnlinked(stream) || attempt > 10) return stream;
            stream.Dispose();
        }
    }

    /// <summary>Whether another process holds the lock: even a shared, read-only open is then refused (a read-only disk is not "busy").</summary>
    private static bool IsHeldByAnother(string path)
    {
        if (!File.Exists(path)) return false;
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return false;
        }
        catch (IOException) { return true; }
        catch (UnauthorizedAccessException) { return false; }
    }

    private static bool IsUnlinked(FileStream stream)
    {
        if (!OperatingSystem.IsLinux()) return false;
        var link = new FileInfo($"/proc/self/fd/{stream.SafeFileHandle.DangerousGetHandle()}").LinkTarget;
        return link is not null && link.EndsWith(" (deleted)", StringComparison.Ordinal);
    }

    /// <summary>A folder name short enough that the hidden names derived from it stay within the 255-byte limit.</summary>
    private static string ShortName(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= 64) return name;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        var cut = new StringBuilder();
        foreach (var rune in name.EnumerateRunes())
        {
            if (Encoding.UTF8.GetByteCount(cut.ToString()) + rune.Utf8SequenceLength > 40) break;
            cut.Append(rune.ToString());
        }
        return cut + "~" + hash;
    }

    private static long SizeOf(string folder)
    {
        try { return new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length); }
        catch (IOException) { return 0; }
    }

    private static void DeleteQuietly(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static string Listing(Catalogue words, string what, IReadOnlyList<string> entries) =>
        words.Format(what, string.Join(", ", entries.Take(5)) + (entries.Count > 5 ? words.Format(words.Folders.More, entries.Count - 5) : "")) +
        (entries.Any(e => Path.GetFileName(e).StartsWith(".~lock.", StringComparison.Ordinal) || Path.GetFileName(e).StartsWith("~$", StringComparison.Ordinal))
            ? words.Folders.LockFile : "");

    private static OutputFolderException Refused(string folder, string reason) => OutputFolderException.Refused(folder, reason);

    private static OutputFolderException Refused(string folder, Said reason) => OutputFolderException.Refused(folder, reason);

    /// <summary>Deletes the partial folder of a run that will not commit (renamed to a trash name first, as ever).</summary>
    private void DiscardPartial()
    {
        if (_committed || !_prepared || !Directory.Exists(Partial)) return;
        try { Discard(Partial); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public void Dispose()
    {
        DiscardPartial();
        var lockPath = _lock.Name;
        // Deleted while still held, so that no other run can take it in between.
        try { File.Delete(lockPath); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        _lock.Dispose();
    }
}
