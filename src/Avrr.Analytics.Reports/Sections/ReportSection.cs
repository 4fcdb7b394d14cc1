namespace Avrr.Analytics.Reports.Sections;

/// <summary>
/// One section of the report (docs/report.md). It renders from the result folder's tables alone and
/// decides itself whether the data allow it: <see cref="Unavailable"/> gives the reason it is left out
/// (the report then says so under its heading), or null. To add a section (an audit, insights), write a
/// class like this one and add it to <see cref="ReportSections.All"/>.
/// </summary>
public abstract class ReportSection
{
    /// <summary>The anchor of the section in the page and its table of contents: <c>countries</c>.</summary>
    public abstract string Id { get; }

    public abstract string Title(ReportContext report);

    /// <summary>Why the section cannot be shown with this result, in the report's language; null when it can.</summary>
    public abstract string? Unavailable(ReportContext report);

    /// <summary>The section's content, under its heading (which the report writes).</summary>
    public abstract void Render(ReportContext report, Html.Html html);
}
