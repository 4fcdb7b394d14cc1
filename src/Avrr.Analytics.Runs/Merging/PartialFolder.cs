using System.Security.Cryptography;
using Avrr.Analytics.IO.Partials;
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

    public static PartialFolder Open(string path)
    {
        if (!Directory.Exists(path)) throw new PartialRefusedException(path, "the folder does not exist");
        var descriptorPath = System.IO.Path.Combine(path, PartialDescriptor.File);
        if (!File.Exists(descriptorPath))
            throw new PartialRefusedException(path, $"it holds no {PartialDescriptor.File}, so it is not a partial of avrr (avrr run --partial-out writes one; avrr partial seal makes one of the SQL recipe's tables)");
        var bytes = File.ReadAllBytes(descriptorPath);
        PartialDescriptor descriptor;
        try { descriptor = PartialDescriptor.Parse(bytes); }
        catch (InvalidDataException e) { throw new PartialRefusedException(path, e.Message); }

        foreach (var file in descriptor.Files)
        {
            if (file.Path.Contains("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(file.Path))
                throw new PartialRefusedException(path, $"its {PartialDescriptor.File} lists a file outside the folder ({file.Path})");
            var full = System.IO.Path.Combine(path, file.Path);
            if (!File.Exists(full)) throw new PartialRefusedException(path, $"the file {file.Path} that its {PartialDescriptor.File} lists is missing");
            string sha;
            using (var stream = File.OpenRead(full)) sha = Convert.ToHexStringLower(SHA256.HashData(stream));
            if (sha != file.Sha256 || new FileInfo(full).Length != file.Bytes)
                throw new PartialRefusedException(path, $"the file {file.Path} was changed after the partial was written (its SHA-256 is {sha}, its {PartialDescriptor.File} says {file.Sha256}); make the partial again rather than editing it");
        }
        var schemeFile = descriptor.Files.FirstOrDefault(f => f.Path == PartialDescriptor.SchemeFile)
            ?? throw new PartialRefusedException(path, $"it holds no {PartialDescriptor.SchemeFile}, the scheme its scores were made with");
        Scheme scheme;
        try { scheme = SchemeReader.Parse(File.ReadAllBytes(System.IO.Path.Combine(path, schemeFile.Path)), descriptor.SchemeOrigin); }
        catch (SchemeException e) { throw new PartialRefusedException(path, $"its {PartialDescriptor.SchemeFile} cannot be read ({e.Message})"); }
        if (scheme.Sha256 != descriptor.SchemeSha256)
            throw new PartialRefusedException(path, $"its {PartialDescriptor.SchemeFile} is not the scheme it records (SHA-256 {scheme.Sha256}, not {descriptor.SchemeSha256})");
        return new PartialFolder(path, descriptor, Convert.ToHexStringLower(SHA256.HashData(bytes)), scheme);
    }

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
