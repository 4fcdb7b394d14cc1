using Avrr.Analytics.Scoring;
using Avrr.Analytics.Surveys;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.IO.Reading;

/// <summary>The headers of a file that have given roles, for the manifest.</summary>
public static class ColumnRoleNames
{
    public static IReadOnlyList<string> Of(HeaderMap map, params ColumnRole[] roles) =>
        map.Headers.Where((_, j) => roles.Contains(map.Roles[j])).ToArray();
}
