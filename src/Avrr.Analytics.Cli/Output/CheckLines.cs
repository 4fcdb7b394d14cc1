using Avrr.Analytics.Runs.Results;
using Spectre.Console;

namespace Avrr.Analytics.Cli.Output;

/// <summary>What the checks noticed, for the summary of a run and the validation report: warnings that never reject a row.</summary>
internal static class CheckLines
{
    /// <summary>
    /// Prints the checks. The advice on the date format is given when most reject lines
    /// (<paramref name="rejectLines"/>) are invalid dates: a stray impossible date needs no new format.
    /// </summary>
    public static void Print(IAnsiConsole console, Words text, FieldChecks checks, long rejectLines, bool details = false)
    {
        // First: these change what the numbers mean.
        foreach (var column in checks.WeightLikeColumns)
            Warn(console, text.Format(text.WeightLike, column));
        foreach (var (column, unknown, rows) in checks.MostlyUnknown)
            Warn(console, text.Format(text.MostlyUnknown, column, unknown, rows));
        var mostlyDates = checks.InvalidDates > 0 && checks.InvalidDates * 2 >= rejectLines;
        if (mostlyDates && checks.DateFormatsThatRead is [var format])
            console.WriteLine(text.Format(text.DateAdvice, checks.DatesReadByThem, checks.DatesTried, format));
        else if (mostlyDates && checks.DateFormatsThatRead is [var first, var second])
            console.WriteLine(text.Format(text.DateAdviceTwo, first, second));
        if (checks.FutureDates > 0)
        {
            Warn(console, text.Format(text.FutureDates, checks.FutureDates, checks.Today.ToString("yyyy-MM-dd", text.Culture)));
            if (details)
                foreach (var (source, row, date) in checks.FirstFutureDates)
                    console.WriteLine(TerminalText.Safe(text.Format(text.FutureDate, source, row, date.ToString("yyyy-MM-dd", text.Culture))));
        }
        foreach (var (column, sets) in checks.Spellings)
            foreach (var set in sets)
            {
                var values = string.Join(", ", set.Select(v => text.Format("'{0}' ({1:N0})", v.Value, v.Count)));
                Warn(console, text.Format(text.Spelling, column, values));
                console.WriteLine(TerminalText.Safe(text.Format(text.SpellingAdvice, column, set[^1].Value, set[0].Value)));
            }
        if (checks.Interviews is { Measured: > 0 } interviews)
        {
            if (details || interviews.TooShort > 0) console.WriteLine(text.Format(text.Interviews, interviews.Measured, interviews.MedianMinutes));
            if (interviews.TooShort > 0)
            {
                Warn(console, text.Format(text.ShortInterviews, interviews.TooShort, interviews.ShortMinutes));
                console.WriteLine(text.ShortByDay);
                foreach (var (day, count) in interviews.ShortByDay) console.WriteLine(TerminalText.Safe(text.Format("    {0}  {1,6:N0}", day, count)));
                if (checks.EnumeratorColumn is { } enumerator && interviews.ShortByEnumerator.Count > 0)
                {
                    console.WriteLine(TerminalText.Safe(text.Format(text.ShortByEnumerator, enumerator)));
                    foreach (var (who, count) in interviews.ShortByEnumerator.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
                        console.WriteLine(TerminalText.Safe(text.Format("    {0}  {1,6:N0}", who, count)));
                }
            }
            if (interviews.EndBeforeStart > 0) console.WriteLine(text.Format(text.EndBeforeStart, interviews.EndBeforeStart));
        }
        foreach (var (attribute, why) in checks.IdentifyingAttributes)
            Warn(console, text.Format(text.Identifying, attribute, text.IsFrench ? French(why) : why));
    }

    private static void Warn(IAnsiConsole console, string line) => console.MarkupLine("[yellow]" + TerminalText.Markup(line) + "[/]");

    private static string French(string why) => why switch
    {
        "its name says it is an enumerator or a user" => "son nom dit qu'il s'agit d'un enquêteur ou d'un utilisateur",
        "its name says it is an id or a number" => "son nom dit qu'il s'agit d'un identifiant ou d'un numéro",
        "its values look like free text (long, and nearly all different)" => "ses valeurs ressemblent à du texte libre (longues, et presque toutes différentes)",
        "nearly every row has its own value" => "presque chaque ligne a sa propre valeur",
        _ => why,
    };
}
