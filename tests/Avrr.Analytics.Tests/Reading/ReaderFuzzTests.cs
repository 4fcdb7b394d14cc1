using System.IO.Compression;
using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.Runs;
using Avrr.Analytics.Runs.Results;
using Avrr.Analytics.Tests.Fuzzing;

namespace Avrr.Analytics.Tests.Reading;

/// <summary>
/// The CSV and XLSX readers never crash and never hang on damaged input: on thousands of seeded mutations
/// of the fixtures, every outcome is rows scored and rejected (rows_read = rows_scored + rows_rejected) or
/// a refusal of the documented types (InputRefusedException; for a run, NothingScoredException too).
/// Every eighth input is run in full, outputs written, so the writers see the damaged values as well.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ReaderFuzzTests
{
    private static readonly string[] CsvSeeds = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Data"))
        .Where(f => Path.GetExtension(f) is ".csv" or ".tsv" or ".txt").Order(StringComparer.Ordinal).ToArray();

    /// <summary>The workbooks among the fixtures (not-a-workbook.xlsx is not a zip).</summary>
    private static readonly string[] XlsxSeeds = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Data"), "*.xlsx")
        .Where(f => File.ReadAllBytes(f).AsSpan().StartsWith("PK\x03\x04"u8)).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Validates the file, or runs it in full every eighth time; a result must account for every row.</summary>
    private static void ReadAll(string path, int iteration)
    {
        var settings = FixtureRuns.Settings(path) with { Threads = iteration % 3 == 0 ? 2 : 1 };
        if (iteration % 8 == 0)
        {
            var folder = Path.GetDirectoryName(settings.OutputFolder)!;
            try
            {
                var result = EvaluationRun.Execute(settings);
                Assert.Equal(result.RowsRead, result.RowsScored + result.RowsRejected);
            }
            finally { Directory.Delete(folder, recursive: true); }
            return;
        }
        var report = ValidationRun.Execute(settings);
        Assert.Equal(report.RowsRead, report.RowsScored + report.RowsRejected);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Mutated_csv_exports_give_rows_or_a_refusal_never_a_crash_or_a_hang(int seed)
    {
        var folder = TestFiles.TempFolder();
        var seeds = CsvSeeds.Select(File.ReadAllBytes).ToArray();
        var iteration = 0;
        FuzzLoop.Run(seed, FuzzLoop.Iterations(400), (mutator, i) =>
            {
                iteration = i;
                var from = mutator.Next(seeds.Length);
                var path = Path.Combine(folder, $"fuzz-{i}{Path.GetExtension(CsvSeeds[from])}");
                File.WriteAllBytes(path, mutator.Mutate(seeds[from], seeds[mutator.Next(seeds.Length)]));
                return path;
            },
            path => ReadAll(path, iteration),
            typeof(InputRefusedException), typeof(NothingScoredException));
    }

    [Fact]
    public void Mutated_xlsx_workbooks_give_rows_or_a_refusal_never_a_crash_or_a_hang()
    {
        var folder = TestFiles.TempFolder();
        var seeds = XlsxSeeds.Select(File.ReadAllBytes).ToArray();
        var iteration = 0;
        FuzzLoop.Run(3, FuzzLoop.Iterations(250), (mutator, i) =>
            {
                iteration = i;
                var from = mutator.Next(seeds.Length);
                var path = Path.Combine(folder, $"fuzz-{i}.xlsx");
                // Mostly the XML inside (a zip with damaged bytes is just refused), sometimes the zip itself.
                File.WriteAllBytes(path, mutator.Next(4) == 0 ? mutator.Mutate(seeds[from], seeds[mutator.Next(seeds.Length)]) : MutatePart(mutator, seeds[from]));
                return path;
            },
            path => ReadAll(path, iteration),
            typeof(InputRefusedException), typeof(NothingScoredException));
    }

    /// <summary>The workbook with one of its parts (a sheet, the shared strings, the workbook, styles, …) mutated.</summary>
    private static byte[] MutatePart(Mutator mutator, byte[] workbook)
    {
        using var source = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        var parts = source.Entries.Select(e => (e.FullName, Bytes: ReadAll(e))).ToArray();
        // Sheets and shared strings get most of the mutations: they are what is read row by row.
        var weighted = parts.Select((p, i) => (i, weight: p.FullName.Contains("sheet", StringComparison.OrdinalIgnoreCase) || p.FullName.Contains("sharedStrings", StringComparison.Ordinal) ? 4 : 1))
            .SelectMany(p => Enumerable.Repeat(p.i, p.weight)).ToArray();
        var chosen = weighted[mutator.Next(weighted.Length)];
        var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            for (var i = 0; i < parts.Length; i++)
            {
                using var entry = target.CreateEntry(parts[i].FullName, CompressionLevel.Fastest).Open();
                entry.Write(i == chosen ? mutator.Mutate(parts[i].Bytes, parts[mutator.Next(parts.Length)].Bytes) : parts[i].Bytes);
            }
        return output.ToArray();
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
