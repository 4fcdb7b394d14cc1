namespace Avrr.Analytics.Reports.Sections;

/// <summary>The sections of the report, in the order they are shown. A new section is one class and one line here.</summary>
public static class ReportSections
{
    public static IReadOnlyList<ReportSection> All { get; } =
    [
        new HeadlineSection(),
        new FindingsSection(),
        new CountriesSection(),
        new CommunitiesSection(),
        new OverTimeSection(),
        new DistributionSection(),
        new DataQualitySection(),
        new InsightsSection(),
        new AuditSection(),
        new MethodologySection(),
    ];
}
