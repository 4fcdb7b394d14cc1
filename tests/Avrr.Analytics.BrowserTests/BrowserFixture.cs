using Avrr.Analytics.Runs;
using Avrr.Analytics.Runs.Planning;
using Microsoft.Playwright;

namespace Avrr.Analytics.BrowserTests;

/// <summary>
/// One run of the synthetic sample (data-samples/rss-sample.csv) in English and one in French, and one
/// Playwright driver with one headless Chromium for all the tests of the class.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("avrr-browser-").FullName;
    public IPlaywright? Playwright { get; private set; }
    public IBrowser? Browser { get; private set; }

    public string Report(string language) => System.IO.Path.Combine(Folder, language, "report.html");

    public async Task InitializeAsync()
    {
        if (!Chromium.Present) return;
        var sample = System.IO.Path.Combine(Repository(), "data-samples", "rss-sample.csv");
        foreach (var language in new[] { "en", "fr" })
            EvaluationRun.Execute(new RunSettings { Inputs = [sample], OutputFolder = System.IO.Path.Combine(Folder, language), Language = language });
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            Args = Chromium.Arguments,
            Timeout = 60_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        Playwright?.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    private static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Avrr.Analytics.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository (Avrr.Analytics.sln) is not above the test's folder.");
    }
}
