namespace Avrr.Analytics.Reports.Findings;

/// <summary>Which way a finding goes. Only a significant finding has a direction: any other reads "no significant difference".</summary>
public enum FindingDirection
{
    None,
    Above,
    Below,
}
