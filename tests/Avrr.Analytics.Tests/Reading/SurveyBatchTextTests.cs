using Avrr.Analytics.Schemes;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Tests.Reading;

/// <summary>
/// A line copied into a batch once (<see cref="SurveyBatch.AddText"/>) gives each field as a slice of
/// the copy; a slice outside the copied text is refused rather than read.
/// </summary>
public sealed class SurveyBatchTextTests
{
    [Fact]
    public void Fields_are_slices_of_the_line_copied_once()
    {
        var batch = new SurveyBatch(new SurveyLayout(Scheme.Rss15, []), capacity: 2);
        var row = batch.AddRow(2, 0);
        var at = batch.AddText("R1,SEN,Dakar"u8);
        batch.SetFieldAt(row, SurveyLayout.ReturneeId, at, 2);
        batch.SetFieldAt(row, SurveyLayout.Country, at + 3, 3);
        batch.SetFieldAt(row, SurveyLayout.Community, at + 7, 5);
        Assert.Equal("R1", batch.FieldString(row, SurveyLayout.ReturneeId));
        Assert.Equal("SEN", batch.FieldString(row, SurveyLayout.Country));
        Assert.Equal("Dakar", batch.FieldString(row, SurveyLayout.Community));
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.SetFieldAt(row, SurveyLayout.Round, at + 7, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.SetFieldAt(row, SurveyLayout.Round, -1, 1));
    }
}
