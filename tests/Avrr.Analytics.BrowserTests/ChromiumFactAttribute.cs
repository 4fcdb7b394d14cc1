namespace Avrr.Analytics.BrowserTests;

/// <summary>A test that needs Chromium: reported as skipped, with the reason, where it is not installed — never passed silently.</summary>
public sealed class ChromiumFactAttribute : SkippableFactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.Present) Skip = Chromium.SkipReason;
    }
}
