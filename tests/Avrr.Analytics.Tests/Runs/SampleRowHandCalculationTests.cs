using System.Globalization;
using Avrr.Analytics.Runs;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// For four rows of the sample run, the scores written in returnee_scores.csv equal a calculation from
/// the row's raw answers, made here from docs/instrument.md's code → score tables and docs/methodology.md, "The rules, for one survey"'s rules
/// for equal weights: indicator = mean of its answered questions; dimension = mean of its present
/// indicators when at least 3 of its 5 are present (0.6 × 5); composite = mean of the three dimensions
/// when all three are present. Compared as written: 6 decimals, invariant culture.
/// </summary>
[Collection(SampleRunCollection.Name)]
public sealed class SampleRowHandCalculationTests(SampleRunFixture run)
{
    private sealed record Expected(double[] Dimensions, double Composite, int Answered);

    private static Expected ByHand(IReadOnlyDictionary<string, string> row)
    {
        var answered = 0;
        var dimensions = new List<double>();
        foreach (var dimension in InstrumentTables.Dimensions)
        {
            var indicators = new List<double>();
            var questionsOf = InstrumentTables.Questions.Where(q => q.Dimension == dimension).GroupBy(q => q.Indicator);
            foreach (var indicator in questionsOf)
            {
                var scores = indicator.Select(q => InstrumentTables.ScoreOfCode(q.Scale, row[q.Question])).Where(s => s is not null).Select(s => s!.Value).ToList();
                answered += scores.Count;
                if (scores.Count > 0) indicators.Add(scores.Sum() / scores.Count);
            }
            Assert.Equal(5, questionsOf.Count());
            dimensions.Add(indicators.Count >= 3 ? indicators.Sum() / indicators.Count : double.NaN);
        }
        var composite = dimensions.Any(double.IsNaN) ? double.NaN : dimensions.Sum() / 3;
        return new Expected([.. dimensions], composite, answered);
    }

    private static string Written(double score) => double.IsNaN(score) ? "" : score.ToString("F6", CultureInfo.InvariantCulture);

    private static bool IsMissing(string answer) => answer.Trim() is "" or "dk" or "refused" or "na";

    /// <summary>
    /// Four rows of the sample, each the first (in file order) of its kind whose survey was scored: every
    /// answer given; children_in_school na; a dk, refused or empty answer; a follow-up survey.
    /// </summary>
    private List<(int Line, Dictionary<string, string> Row)> ChosenRows(Dictionary<(string, string), Dictionary<string, string>> scored)
    {
        var sample = CsvRecords.ReadTable(run.SamplePath);
        var seen = new HashSet<(string, string)>();
        var firsts = new List<(int Line, Dictionary<string, string> Row)>();
        for (var i = 0; i < sample.Count; i++)
        {
            var key = (sample[i]["returnee_id"], sample[i]["round"]);
            if (seen.Add(key) && scored.ContainsKey(key)) firsts.Add((i + 2, sample[i]));
        }
        var questions = InstrumentTables.Questions.Select(q => q.Question).ToArray();
        Func<Dictionary<string, string>, bool>[] kinds =
        [
            row => questions.All(q => !IsMissing(row[q])),
            row => row["children_in_school"] == "na",
            row => questions.Any(q => row[q] is "dk" or "refused" or ""),
            row => row["round"] == "follow_up",
        ];
        var chosen = new List<(int Line, Dictionary<string, string> Row)>();
        foreach (var kind in kinds)
            chosen.Add(firsts.First(f => kind(f.Row) && chosen.All(c => c.Line != f.Line)));
        return chosen;
    }

    [Fact]
    public void The_written_scores_of_four_sample_rows_equal_a_hand_calculation_from_their_answers()
    {
        var scores = CsvRecords.ReadTable(run.Output("returnee_scores.csv"));
        var scored = scores.ToDictionary(s => (s["returnee_id"], s["round"]));   // throws if a survey were scored twice

        var chosen = ChosenRows(scored);
        Assert.Equal(4, chosen.Select(c => c.Line).Distinct().Count());
        foreach (var (line, row) in chosen)
        {
            var written = scored[(row["returnee_id"], row["round"])];
            var expected = ByHand(row);
            var where = $"sample line {line} ({row["returnee_id"]} {row["round"]})";
            Assert.True(Written(expected.Composite) == written["composite_score"], $"{where}: composite {written["composite_score"]}, by hand {Written(expected.Composite)}");
            for (var d = 0; d < 3; d++)
            {
                var column = InstrumentTables.Dimensions[d] + "_score";
                Assert.True(Written(expected.Dimensions[d]) == written[column], $"{where}: {column} {written[column]}, by hand {Written(expected.Dimensions[d])}");
            }
            Assert.Equal(expected.Answered.ToString(CultureInfo.InvariantCulture), written["answered"]);
        }
    }

    [Fact]
    public void A_fully_answered_sample_row_has_29_answers_and_a_composite()
    {
        var scores = CsvRecords.ReadTable(run.Output("returnee_scores.csv"));
        var scored = scores.ToDictionary(s => (s["returnee_id"], s["round"]));
        var (_, row) = ChosenRows(scored)[0];
        var written = scored[(row["returnee_id"], row["round"])];
        Assert.Equal("29", written["answered"]);
        Assert.NotEqual("", written["composite_score"]);
        Assert.Contains(written["band"], new[] { "low", "medium", "high" });
    }
}
