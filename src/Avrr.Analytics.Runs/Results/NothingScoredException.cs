using Avrr.Analytics.IO.Writing;

namespace Avrr.Analytics.Runs.Results;

/// <summary>
/// A run that would score no survey at all: it refuses to replace an earlier result with an empty one
/// (exit code 3). The message names the dominant reject reason and what to do about it.
/// </summary>
public sealed class NothingScoredException(string message) : Exception(message)
{
    internal static NothingScoredException NoRows(IReadOnlyList<string> inputs) =>
        new($"the input{(inputs.Count == 1 ? "" : "s")} {string.Join(", ", inputs)} hold{(inputs.Count == 1 ? "s" : "")} no survey row (only a header, or blank rows); there is nothing to evaluate");

    internal static NothingScoredException NoneInPeriod(long rowsRead, Surveys.SurveyPeriod period) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"none of the {rowsRead:N0} rows is dated in the period ({period}), so the earlier result was kept. What to do: check the period, or that the export covers it"));

    internal static NothingScoredException AllRejected(long rowsRead, IReadOnlyDictionary<string, long> rejectsByReason, FieldChecks? checks = null)
    {
        var (reason, count) = rejectsByReason.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First();
        var advice = reason switch
        {
            "invalid_date" when checks?.DateFormatsThatRead is [var format] =>
                $"the survey dates are written like {format} ({checks.DatesReadByThem:N0} of the {checks.DatesTried:N0} rejected dates tried read that way): set the date format to {format}",
            "invalid_date" when checks?.DateFormatsThatRead is [var first, var second] =>
                $"the survey dates read as {first} or as {second} (every day is 12 or less, so the data cannot tell which): set the date format to the one the export uses",
            "invalid_date" => "the survey dates are not in the form the run expects: if they are written like 14/07/2025, set the date format (dd/MM/yyyy)",
            "invalid_answer" => "the answers are not codes or labels of the scheme: check that the export matches the scheme, or use the scheme the form was built with",
            "duplicate_survey" => "every row repeats an earlier survey: check that the same export is not given twice under two names",
            "missing_value" => "a required column (returnee_id, country or survey_date) is empty in every row: check the column mapping",
            "invalid_weight" => "the weight column does not hold positive numbers: check which column holds the sampling weights",
            "field_count" or "malformed_row" => "the rows do not have the header's columns: check the file's separator and quoting (save it again as CSV)",
            "missing_design_value" => "the cluster or strata column is empty: check which columns hold the survey design",
            _ => "see the reasons in the validation report",
        };
        return new NothingScoredException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"every one of the {rowsRead:N0} rows was rejected, so the earlier result was kept; most were {reason} ({count:N0} problems). What to do: {advice}. `avrr validate` lists the first rejects of each reason"));
    }
}
