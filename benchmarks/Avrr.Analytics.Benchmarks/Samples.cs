using Avrr.Analytics.IO.Samples;

namespace Avrr.Analytics.Benchmarks;

/// <summary>Sample exports made by <c>avrr sample</c>'s generator, cached in the temp folder by size and seed.</summary>
public static class Samples
{
    public const int Seed = 20261127;

    public static string Csv(int rows)
    {
        var folder = Path.Combine(Path.GetTempPath(), "avrr-bench");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"sample-{rows}-{Seed}.csv");
        if (!File.Exists(path))
        {
            var partial = path + ".partial";
            SampleExport.Write(partial, rows, Seed);
            File.Move(partial, path, overwrite: true);
        }
        return path;
    }
}
