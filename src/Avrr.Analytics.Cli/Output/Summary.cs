using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Results;
using Spectre.Console;

namespace Avrr.Analytics.Cli.Output;

/// <summary>The end of a run for people: the accounting, the top reject reasons, what the checks noticed, where the files are, and the headline table.</summary>
internal static class Summary
{
    /// <summary>
    /// The files of the result, a sub-folder's files counted as one entry where the first of them is
    /// ("audit/ (23 files)", "insights/ (14 files)"): a dozen tables would hide the others.
    /// </summary>
    internal static IEnumerable<string> Listed(IReadOnlyList<string> files, Words text)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var slash = file.IndexOf('/');
            if (slash < 0) { yield return file; continue; }
            var folder = file[..(slash + 1)];
            if (folders.Add(folder)) yield return text.Format(text.FolderFiles, folder, files.Count(f => f.StartsWith(folder, StringComparison.Ordinal)));
        }
    }

    public static void Print(IAnsiConsole console, RunResult result, RunSettings settings)
    {
        var text = Words.For(settings.Language);
        console.WriteLine();
        console.MarkupLine(text.Format(text.RowsLine, result.RowsRead, result.RowsScored, result.RowsRejected, result.Elapsed.TotalSeconds));
        if (result.RowsOutsidePeriod > 0)
            console.WriteLine(text.Format(text.OutsidePeriod, result.RowsOutsidePeriod, text.Period(settings.Period)));
        if (result.SkippedInputs.Count > 0)
            console.MarkupLine("[yellow]" + TerminalText.Markup(text.Format(text.Skipped, result.SkippedInputs.Count, text.SkippedList(result.SkippedInputs.Select(s => (s.Path, s.Reason))))) + "[/]");
        // Said where it is not warned about (CheckLines warns when a column looks like unread weights).
        if (!result.Weighted && result.Checks.WeightLikeColumns.Count == 0)
            console.WriteLine(text.Format(text.Unweighted, settings.Unweighted ? text.UnweightedOnPurpose : text.Format(text.NoWeightColumn, settings.WeightColumn ?? "weight")));
        if (result.Calibration is { } calibration)
            console.WriteLine(text.Format(text.Calibrated, string.Join("; ", calibration.Margins.Select(m => string.Join(" × ", m.Variables))),
                Runs.Planning.SettingWords.Calibration(calibration.Method), calibration.DesignEffectBefore, calibration.DesignEffectAfter));
        var blank = result.Inputs.Sum(i => i.BlankRowsSkipped);
        if (blank > 0) console.WriteLine(text.Format(text.BlankRows, blank));
        if (result.RejectsByReason.Count > 0)
        {
            console.WriteLine(text.TopReasons);
            foreach (var (reason, count) in result.RejectsByReason.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(5))
                console.WriteLine(text.Format("  {0,-22} {1,8:N0}", reason, count));
        }
        CheckLines.Print(console, text, result.Checks, result.RejectsByReason.Values.Sum());
        if (result.RejectedShareAbove(settings.MaxRejectedShare))
            console.MarkupLine("[yellow]" + Markup.Escape(text.Format(text.TooManyRejected, result.RejectedShare, settings.MaxRejectedShare)) + "[/]");
        if (result.PanelReturnees > 0)
            console.WriteLine(text.Format(text.Panel, result.PanelReturnees));
        console.MarkupLine($"{text.ResultsIn} [bold]{TerminalText.Markup(result.OutputFolder)}[/]: {TerminalText.Markup(string.Join(", ", Listed(result.Files, text)))}");
        if (result.Insights is { } insights)
            console.WriteLine(text.Format(text.Insights, insights.Profiles,
                insights.EarlyWarning ? text.Format(text.EarlyWarning, insights.EarlyWarningReturnees) : text.NoEarlyWarning));

        var table = new Table().Title(text.TableTitle);
        table.AddColumn(text.Country);
        table.AddColumn(new TableColumn(text.Surveys).RightAligned());
        table.AddColumn(new TableColumn(text.Mean).RightAligned());
        table.AddColumn(new TableColumn(text.Interval).RightAligned());
        foreach (var row in result.Aggregates.Where(r => r.Level == "country" && r.Measure == "composite"))
        {
            var e = row.Estimate;
            var country = TerminalText.Markup(row.GroupValues[0] ?? "");
            if (e.Suppressed)
                table.AddRow(country, "", $"[grey]{Markup.Escape(text.Format(text.Suppressed, settings.MinCell))}[/]", "");
            else
                table.AddRow(country, e.N.ToString("N0", text.Culture), e.Mean.ToString("0.000", text.Culture),
                    double.IsNaN(e.CiLow) ? "" : text.Format("{0:0.000} – {1:0.000}", e.CiLow, e.CiHigh));   // no interval: see the note in aggregates
        }
        console.Write(table);
    }
}
