using Avrr.Analytics.IO.Writing;

namespace Avrr.Analytics.Runs.Results;

/// <summary>
/// A run that would score no survey at all: it refuses to replace an earlier result with an empty one
/// (exit code 3). The message names the dominant reject reason and what to do about it.
/// </summary>
public sealed class NothingScoredException : Exception
{
    private readonly Wording.Said _said;

    private NothingScoredException(Wording.Said message) : base(message.English) => _said = message;

    /// <summary>The message in a language (<see cref="Exception.Message"/> is the English).</summary>
    public string MessageIn(Wording.Language language) => _said.In(language);

    internal static NothingScoredException NoRows(IReadOnlyList<string> inputs) =>
        new(inputs.Count == 1 ? Wording.Said.Of(c => c.Refusals.NoRowsOne, inputs[0]) : Wording.Said.Of(c => c.Refusals.NoRowsSeveral, string.Join(", ", inputs)));

    internal static NothingScoredException NoneInPeriod(long rowsRead, Surveys.SurveyPeriod period) =>
        new(Wording.Said.Of(c => c.Format(c.Refusals.NoneInPeriod, rowsRead, c.Console.Period(period))));

    internal static NothingScoredException AllRejected(long rowsRead, IReadOnlyDictionary<string, long> rejectsByReason, FieldChecks? checks = null)
    {
        var (reason, count) = rejectsByReason.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First();
        var advice = reason switch
        {
            "invalid_date" when checks?.DateFormatsThatRead is [var format] =>
                Wording.Said.Of(c => c.Refusals.AdviceDateFormat, format, checks.DatesReadByThem, checks.DatesTried),
            "invalid_date" when checks?.DateFormatsThatRead is [var first, var second] => Wording.Said.Of(c => c.Refusals.AdviceDateTwo, first, second),
            "invalid_date" => Wording.Said.Of(c => c.Refusals.AdviceDate),
            "invalid_answer" => Wording.Said.Of(c => c.Refusals.AdviceAnswer),
            "duplicate_survey" => Wording.Said.Of(c => c.Refusals.AdviceDuplicate),
            "missing_value" => Wording.Said.Of(c => c.Refusals.AdviceMissing),
            "invalid_weight" => Wording.Said.Of(c => c.Refusals.AdviceWeight),
            "field_count" or "malformed_row" => Wording.Said.Of(c => c.Refusals.AdviceRows),
            "missing_design_value" => Wording.Said.Of(c => c.Refusals.AdviceDesign),
            _ => Wording.Said.Of(c => c.Refusals.AdviceOther),
        };
        return new NothingScoredException(Wording.Said.Of(c => c.Format(c.Refusals.AllRejected, rowsRead, reason, count, advice.In(c))));
    }
}
