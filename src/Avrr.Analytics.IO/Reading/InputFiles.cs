namespace Avrr.Analytics.IO.Reading;

/// <summary>Turns the INPUT arguments of a run (files or folders) into the list of files to read.</summary>
public static class InputFiles
{
    private static readonly string[] Extensions = [".csv", ".tsv", ".txt", ".xlsx", ".parquet"];

    /// <summary>
    /// Files as given; folders expanded to the export files directly inside them (.csv, .tsv, .txt, .xlsx,
    /// .parquet; not sub-folders, hidden files or Excel lock files), in ordinal name order.
    /// </summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var found = Directory.EnumerateFiles(input)
                    .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Where(f => !Path.GetFileName(f).StartsWith('.') && !Path.GetFileName(f).StartsWith("~$", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0) throw new InputRefusedException(input, "the folder holds no .csv, .tsv, .txt, .xlsx or .parquet file");
                files.AddRange(found);
            }
            else if (File.Exists(input)) files.Add(input);
            else throw new InputRefusedException(input, "no such file or folder");
        }
        var repeated = files.GroupBy(f => Path.GetFullPath(f)).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new InputRefusedException(repeated.First(), "the file is given twice among the inputs");
        return files;
    }

    /// <summary>The format of a file, from its first bytes (Parquet and XLSX have signatures) and then its extension.</summary>
    public static InputFormat Detect(string path, ReadOnlySpan<byte> head)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (head.StartsWith("PAR1"u8)) return InputFormat.Parquet;
        if (head.StartsWith("PK\x03\x04"u8))
        {
            if (extension is ".xlsx" or ".xlsm") return InputFormat.Xlsx;
            throw new InputRefusedException(path, "the file is a zip archive; only .xlsx workbooks are read among zip files");
        }
        return extension switch
        {
            ".csv" or ".tsv" or ".txt" => InputFormat.Csv,
            ".xlsx" => throw new InputRefusedException(path, "the file has the .xlsx extension but is not an Excel workbook"),
            ".parquet" => throw new InputRefusedException(path, "the file has the .parquet extension but is not a Parquet file"),
            ".xls" => throw new InputRefusedException(path, "old Excel .xls files are not read: save the sheet as .xlsx or CSV"),
            _ => throw new InputRefusedException(path, $"unknown format '{extension}': give a .csv, .tsv, .txt, .xlsx or .parquet file"),
        };
    }
}
