using Avrr.Analytics.Wording;
namespace Avrr.Analytics.IO.Reading;

/// <summary>Turns the INPUT arguments of a run (files or folders) into the list of files to read.</summary>
public static class InputFiles
{
    private static readonly string[] Extensions = [".csv", ".tsv", ".txt", ".xlsx", ".parquet"];

    /// <summary>
    /// Files as given; folders expanded to the export files directly inside them (.csv, .tsv, .txt, .xlsx,
    /// .parquet; not sub-folders, hidden files or Excel lock files), in ordinal name order. Refuses, before
    /// anything is read, a path that is not a regular file (a device such as /dev/urandom, a named pipe:
    /// reading one would never end or never start), and a file given twice, however it is named (through
    /// a symbolic or a hard link, it is the same file: its rows would all be duplicates).
    /// </summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs) => ExpandListed(inputs).Select(f => f.File).ToArray();

    /// <summary><see cref="Expand"/>, with whether each file was found in a folder (and may be skipped as no export) or given itself.</summary>
    public static IReadOnlyList<(string File, bool InFolder)> ExpandListed(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        var inFolder = new HashSet<int>();
        foreach (var input in inputs)
        {
            var stamp = FileStamp.Of(input);
            if (stamp is { Kind: FileKind.Folder })
            {
                var found = Directory.EnumerateFiles(input)
                    .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Where(f => !Path.GetFileName(f).StartsWith('.') && !Path.GetFileName(f).StartsWith("~$", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0) throw new InputRefusedException(input, Said.Of(t => t.Refusals.FolderEmpty));
                for (var i = 0; i < found.Count; i++) inFolder.Add(files.Count + i);
                files.AddRange(found);
            }
            else if (stamp is not null) files.Add(input);
            else throw new InputRefusedException(input, Said.Of(t => t.Refusals.NoSuchFileOrFolder));
            if (stamp is { Kind: FileKind.LinkLoop }) RefuseIrregular(input, stamp.Value);
        }
        var seen = new List<(string File, FileStamp Stamp, string FullPath)>();
        foreach (var file in files)
        {
            var stamp = FileStamp.Of(file) ?? throw new InputRefusedException(file, Said.Of(t => t.Refusals.NoSuchFileOrFolder));
            RefuseIrregular(file, stamp);
            string fullPath;
            try { fullPath = ResolvedPath(file); }
            catch (IOException e) { throw new InputRefusedException(file, Said.Of(t => t.Refusals.CannotRead, e.Message)); }
            foreach (var (earlier, earlierStamp, earlierPath) in seen)
                if (stamp.SameFile(earlierStamp) || fullPath == earlierPath)
                    throw new InputRefusedException(file, Path.GetFullPath(file) == Path.GetFullPath(earlier)
                        ? Said.Of(t => t.Refusals.GivenTwice)
                        : Said.Of(t => t.Refusals.SameFileAs, earlier));
            seen.Add((file, stamp, fullPath));
        }
        return files.Select((f, i) => (f, inFolder.Contains(i))).ToArray();
    }

    /// <summary>
    /// Refuses a path that is not a regular file: a device such as /dev/urandom, a named pipe (reading one would never
    /// end or never start), or a symbolic link that leads back to itself.
    /// </summary>
    public static void RefuseIrregular(string path, FileStamp stamp)
    {
        if (stamp.Kind == FileKind.LinkLoop)
            throw new InputRefusedException(path, Said.Of(t => t.Refusals.LinkLoop));
        if (stamp.Kind != FileKind.Regular)
            throw new InputRefusedException(path, Said.Of(t => t.Refusals.NotRegular));
    }

    /// <summary>The full path with a symbolic link at the file itself followed (the device and inode compare the rest on Linux).</summary>
    private static string ResolvedPath(string file)
    {
        var info = new FileInfo(file);
        return info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
    }

    /// <summary>The format of a file, from its first bytes (Parquet and XLSX have signatures) and then its extension.</summary>
    public static InputFormat Detect(string path, ReadOnlySpan<byte> head)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (head.StartsWith("PAR1"u8)) return InputFormat.Parquet;
        if (head.StartsWith("PK\x03\x04"u8))
        {
            if (extension is ".xlsx" or ".xlsm") return InputFormat.Xlsx;
            throw new InputRefusedException(path, Said.Of(t => t.Refusals.ZipArchive));
        }
        return extension switch
        {
            ".csv" or ".tsv" or ".txt" => InputFormat.Csv,
            ".xlsx" => throw new InputRefusedException(path, Said.Of(t => t.Refusals.FakeXlsx)),
            ".parquet" => throw new InputRefusedException(path, Said.Of(t => t.Refusals.FakeParquet)),
            ".xls" => throw new InputRefusedException(path, Said.Of(t => t.Refusals.OldXls)),
            _ => throw new InputRefusedException(path, Said.Of(t => t.Refusals.UnknownFormat, extension)),
        };
    }
}
