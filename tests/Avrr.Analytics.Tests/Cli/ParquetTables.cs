using Parquet;
using Parquet.Meta;
using Parquet.Serialization;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>A Parquet output read back with Parquet.Net: its rows (null where a value is missing) and its physical schema.</summary>
internal static class ParquetTables
{
    private static readonly ParquetOptions Options = new() { UseDateOnlyTypeForDates = true };

    /// <summary>Every row as column → value; a column whose value is null is present with null.</summary>
    public static List<Dictionary<string, object?>> Read(string path)
    {
        using var stream = File.OpenRead(path);
        var result = ParquetSerializer.DeserializeUntypedAsync(stream, Options).GetAwaiter().GetResult();
        var names = result.Schema.GetDataFields().Select(f => f.Name).ToArray();
        return result.Data.Select(row => names.ToDictionary(n => n, n => row.TryGetValue(n, out var v) ? v : null)).ToList();
    }

    /// <summary>The schema elements of the file's columns (the root left out), as written in its footer.</summary>
    public static List<SchemaElement> Columns(string path)
    {
        using var stream = File.OpenRead(path);
        var reader = ParquetReader.CreateAsync(stream, Options).GetAwaiter().GetResult();
        try
        {
            return reader.Metadata!.Schema.Skip(1).ToList();
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
