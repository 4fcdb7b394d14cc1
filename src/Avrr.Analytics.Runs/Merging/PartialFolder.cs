using System.Security.Cryptography;
using Avrr.Analytics.IO.Partials;
using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.Runs.Partials;
using Avrr.Analytics.Schemes;

namespace Avrr.Analytics.Runs.Merging;

/// <summary>
/// A partial as the merge reads it: its descriptor, checked against its own hash, and every file it lists checked
/// against its SHA-256 and size before any is used; a table is read from the files the descriptor lists for it,
/// and a data file it does not list is refused (it would otherwise be read as part of a table split into parts).
/// </summary>
internal sealed class PartialFolder
{
    private PartialFolder(string path, PartialDescriptor descriptor, string descriptorSha256, Scheme scheme)
    {
        Path = path;
        Descriptor = descriptor;
        DescriptorSha256 = descriptorSha256;
        Scheme = scheme;
    }

    /// <summary>The folder, as the user named it.</summary>
    public string Path { get; }
    public PartialDescriptor Descriptor { get; }
    /// <summary>The SHA-256 of partial.json's bytes, which the merge's manifest records.</summary>
    public string DescriptorSha256 { get; }
    public Scheme Scheme { get; }

    /// <summary>The largest partial.json read (a descriptor lists the inputs and tables: kilobytes, or a few megabytes for thousands of inputs).</summary>
    public const long MaxDescriptorBytes = 64L << 20;
    /// <summary>The largest scheme.json read (a scheme is kilobytes).</summary>
    public const long MaxSchemeBytes = 16L << 20;

    public static PartialFolder Open(string path)
    {
        if (!Directory.Exists(path)) throw new PartialRefusedException(path, "the folder does not exist");
        var descriptorPath = System.IO.Path.Combine(path, PartialDescriptor.File);
        if (FileStamp.Of(descriptorPath) is not { } descriptorStamp || descriptorStamp.Kind == FileKind.Folder)
            throw new PartialRefusedException(path, $"it holds no {PartialDescriptor.File}, so it is not a partial of avrr (avrr run --partial-out writes one; avrr partial seal makes one of the SQL recipe's tables)");
        RefuseIrregular(path, PartialDescriptor.File, descriptorStamp);
        if (descriptorStamp.Size > MaxDescriptorBytes)
            throw new PartialRefusedException(path, $"its {PartialDescriptor.File} has {descriptorStamp.Size:N0} bytes, more than the {MaxDescriptorBytes:N0} a descriptor may have");
        var bytes = ReadAtMost(descriptorPath, MaxDescriptorBytes) ?? throw new PartialRefusedException(path, $"its {PartialDescriptor.File} grew past {MaxDescriptorBytes:N0} bytes while it was read");
        PartialDescriptor descriptor;
        try { descriptor = PartialDescriptor.Parse(bytes); }
        catch (InvalidDataException e) { throw new PartialRefusedException(path, e.Message); }

        foreach (var file in descriptor.Files)
        {
            if (file.Path.Contains("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(file.Path) || file.Path.Contains('\\'))
                throw new PartialRefusedException(path, $"its {PartialDescriptor.File} lists a file outside the folder ({file.Path})");
            var full = System.IO.Path.Combine(path, file.Path);
            if (FileStamp.Of(full) is not { } stamp || stamp.Kind == FileKind.Folder)
                throw new PartialRefusedException(path, $"the file {file.Path} that its {PartialDescriptor.File} lists is missing");
            RefuseIrregular(path, file.Path, stamp);
            // The size first, from the file system: a file that grew is refused before a byte of it is read, and no more than its listed size is ever read.
            var sha = stamp.Size == file.Bytes ? Sha256Of(full, file.Bytes) : null;
            if (sha != file.Sha256)
                throw new PartialRefusedException(path, $"the file {file.Path} was changed after the partial was written (" +
                    (sha is null ? $"it has {stamp.Size:N0} bytes, its {PartialDescriptor.File} says {file.Bytes:N0}" : $"its SHA-256 is {sha}, its {PartialDescriptor.File} says {file.Sha256}") +
                    "); make the partial again rather than editing it");
        }
        var schemeFile = descriptor.Files.FirstOrDefault(f => f.Path == PartialDescriptor.SchemeFile)
            ?? throw new PartialRefusedException(path, $"it holds no {PartialDescriptor.SchemeFile}, the scheme its scores were made with");
        if (schemeFile.Bytes > MaxSchemeBytes)
            throw new PartialRefusedException(path, $"its {PartialDescriptor.SchemeFile} has {schemeFile.Bytes:N0} bytes, more than the {MaxSchemeBytes:N0} a scheme may have");
        Scheme scheme;
        try { scheme = SchemeReader.Parse(File.ReadAllBytes(System.IO.Path.Combine(path, schemeFile.Path)), descriptor.SchemeOrigin); }
        catch (SchemeException e) { throw new PartialRefusedException(path, $"its {PartialDescriptor.SchemeFile} cannot be read ({e.Message})"); }
        if (scheme.Sha256 != descriptor.SchemeSha256)
            throw new PartialRefusedException(path, $"its {PartialDescriptor.SchemeFile} is not the scheme it records (SHA-256 {scheme.Sha256}, not {descriptor.SchemeSha256})");
        return new PartialFolder(path, descriptor, Convert.ToHexStringLower(SHA256.HashData(bytes)), scheme);
    }

    /// <summary>
    /// A path inside a partial that is not a regular file (links followed), as a run refuses such an input: a device
    /// such as /dev/zero or /dev/urandom never ends, a named pipe never starts.
    /// </summary>
    private static void RefuseIrregular(string partial, string file, FileStamp stamp)
    {
        if (stamp.Kind == FileKind.LinkLoop)
            throw new PartialRefusedException(partial, $"{file} is a symbolic link that leads back to itself, so there is no file to read");
        if (stamp.Kind != FileKind.Regular)
            throw new PartialRefusedException(partial, $"{file} is not a regular file (a device, a named pipe or a socket, maybe through a link), which a partial never holds");
    }

    /// <summary>The bytes of a file, or null when it holds more than <paramref name="most"/>: never more than that is read.</summary>
    private static byte[]? ReadAtMost(string path, long most)
    {
        using var stream = OpenRead(path);
        var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, most + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > most) return null;
        }
        return buffer.ToArray();
    }

    /// <summary>The SHA-256 of a file of <paramref name="bytes"/> bytes, or null when it holds another number of bytes: at most one byte more is read.</summary>
    private static string? Sha256Of(string path, long bytes)
    {
        using var stream = OpenRead(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, bytes + 1 - total))) > 0)
        {
            total += read;
            if (total > bytes) return null;
            hash.AppendData(chunk, 0, read);
        }
        return total == bytes ? Convert.ToHexStringLower(hash.GetHashAndReset()) : null;
    }

    private static FileStream OpenRead(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);

    /// <summary>
    /// The SHA-256 of the partial's tables (their paths and SHA-256, scheme.json and partial.json aside): two partials
    /// with the same one hold the same sums, so the same surveys, however they were copied or sealed again.
    /// </summary>
    public string TablesSha256 => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Concat(
        Descriptor.Files.Where(f => f.Path != PartialDescriptor.SchemeFile).OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => $"{f.Path}\n{f.Sha256}\n")))));

    /// <summary>The files the descriptor lists for a table (its file, or the parts in its folder), refusing unlisted ones.</summary>
    private IReadOnlyList<string> FilesOf(PartialTable table)
    {
        var listed = Descriptor.Files.Select(f => f.Path).Where(p => p == table.File || p.StartsWith(table.Name + "/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();
        var found = PartialTableReader.Files(Path, table);
        var unlisted = found.Except(listed, StringComparer.Ordinal).FirstOrDefault();
        if (unlisted is not null)
            throw new PartialRefusedException(Path, $"it holds the file {unlisted}, which its {PartialDescriptor.File} does not list (was it added by hand?)");
        return listed;
    }

    public bool Has(PartialTable table) => FilesOf(table).Count > 0;

    /// <summary>Every row group of a table of the partial; a table it must have and does not, or cannot be read, refuses the partial.</summary>
    public void Read(PartialTable table, Action<PartialRows> each)
    {
        try
        {
            var files = FilesOf(table);
            if (files.Count == 0) throw new InvalidDataException($"the table {table.Name} is missing ({table.File})");
            PartialTableReader.Read(Path, files, table, each);
        }
        catch (InvalidDataException e) { throw new PartialRefusedException(Path, $"{table.Name}: {e.Message}"); }
    }
}
