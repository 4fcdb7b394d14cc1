using Avrr.Analytics.Surveys;
using Avrr.Analytics.Tests.Reading;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// Ids and rounds are compared exactly (docs/inputs.md): one longer than SurveyKeys.MaxLength (1,000
/// characters) is rejected as key_too_long, so no key is ever cut for a comparison, and two returnees
/// whose ids differ only in their last character are two returnees, in the duplicate check and in the panel.
/// </summary>
public sealed class LongKeyTests
{
    [Fact]
    public void Two_ids_that_differ_only_after_30000_characters_are_rejected_as_too_long_never_taken_for_one_returnee()
    {
        // Before: keys were cut at 30,000 bytes, and the second survey was rejected as a duplicate of the first.
        var common = "R" + new string('7', 30_000);
        var first = PlainRows.Row(1);
        first[0] = common + "A";
        var second = PlainRows.Row(1);
        second[0] = common + "B";

        var run = FixtureRuns.Evaluate(PlainRows.Write("long-ids.csv", first, second, PlainRows.Row(2)));

        Assert.Equal((3L, 1L, 2L), (run.Result.RowsRead, run.Result.RowsScored, run.Result.RowsRejected));
        var rejects = run.Rejects;
        Assert.Equal(["key_too_long", "key_too_long"], rejects.Select(r => r["reason"]));
        Assert.All(rejects, r => Assert.Equal("returnee_id", r["column"]));
        Assert.Contains("returnee_id has 30,002 characters, more than the 1,000", rejects[0]["message"], StringComparison.Ordinal);
        Assert.DoesNotContain(rejects, r => r["reason"] == "duplicate_survey");
    }

    [Fact]
    public void A_round_longer_than_the_limit_is_rejected_as_too_long()
    {
        var row = PlainRows.Row(1);
        row[4] = new string('b', SurveyKeys.MaxLength + 1);

        var run = FixtureRuns.Evaluate(PlainRows.Write("long-round.csv", row, PlainRows.Row(2)));

        var reject = Assert.Single(run.Rejects);
        Assert.Equal(("round", "key_too_long"), (reject["column"], reject["reason"]));
    }

    [Fact]
    public void Ids_of_the_longest_length_that_differ_in_their_last_character_are_two_returnees_in_duplicates_and_the_panel()
    {
        // 1,000 characters, 1,999 bytes of UTF-8: the records of pass 1 and of the panel hold them whole.
        var common = new string('é', SurveyKeys.MaxLength - 1);
        var a = PlainRows.Row(1);
        a[0] = common + "A";
        var b = PlainRows.Row(1);
        b[0] = common + "B";
        var aLater = PlainRows.Row(2);
        aLater[0] = common + "A";
        (aLater[3], aLater[4]) = ("2027-07-15", "follow_up");

        var run = FixtureRuns.Evaluate(PlainRows.Write("longest-ids.csv", a, b, aLater));

        Assert.Equal((3L, 3L, 0L), (run.Result.RowsRead, run.Result.RowsScored, run.Result.RowsRejected));
        // A has a baseline and a follow-up, B only a baseline: one panel returnee (were the ids cut, or compared
        // by fingerprint alone, B's baseline would be a duplicate of A's).
        Assert.Equal(1, run.Manifest.GetProperty("panel_returnees").GetInt64());
    }
}
