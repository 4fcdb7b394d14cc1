namespace Avrr.Analytics.BrowserTests;

/// <summary>
/// The browser the tests drive: Debian's <c>chromium</c> package (.ci/run installs it), never a browser
/// build downloaded by Playwright. CHROMIUM_PATH names another one (or a missing one, to see the skip).
/// </summary>
internal static class Chromium
{
    public static string Path => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public static bool Present => File.Exists(Path);

    public static string SkipReason => $"Chromium is not installed at {Path} (apt-get install -y chromium), so the report was not opened in a browser";

    /// <summary>Headless, with nothing of its own that reaches the network.</summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];
}
