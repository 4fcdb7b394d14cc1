namespace Avrr.Analytics.Tests;

/// <summary>Paths of the checked-in fixtures (copied beside the test assembly) and of the repository.</summary>
internal static class TestFiles
{
    public static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    public static string Reference(string name) => Path.Combine(AppContext.BaseDirectory, "Reference", name);

    /// <summary>The repository root (the folder with Avrr.Analytics.sln).</summary>
    public static string Repository
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Avrr.Analytics.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("The repository root was not found above the test assembly.");
        }
    }

    /// <summary>A fresh empty folder for one test, removed by the OS's temp cleaning.</summary>
    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "avrr-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
