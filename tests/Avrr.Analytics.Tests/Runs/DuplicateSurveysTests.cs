using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// A row is a duplicate exactly when it was added as one, also for rows whose sequence numbers share the
/// quick filter's bit with a duplicate (equal modulo 65,536).
/// </summary>
public sealed class DuplicateSurveysTests
{
    [Fact]
    public void Only_the_rows_added_are_duplicates()
    {
        var duplicates = new DuplicateSurveys();
        duplicates.Add(5, "a.csv", 2);
        duplicates.Add(70_000, "b.csv", 9);
        Assert.True(duplicates.TryGetFirst(5, out var source, out var row));
        Assert.Equal(("a.csv", 2L), (source, row));
        Assert.True(duplicates.TryGetFirst(70_000, out source, out row));
        Assert.Equal(("b.csv", 9L), (source, row));
        foreach (var other in new long[] { 0, 4, 6, 5 + 65_536, 5 + 3 * 65_536, 70_000 - 65_536, 1_000_000 })
            Assert.False(duplicates.TryGetFirst(other, out _, out _));
    }
}
