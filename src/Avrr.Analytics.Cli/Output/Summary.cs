using System.Globalization;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Results;
using Spectre.Console;

namespace Avrr.Analytics.Cli.Output;

/// <summary>The end of a run for people: the accounting, the top reject reasons, where the files are, and the headline table.</summary>
internal static class Summary
{
    /// <summary>The files of the result, a sub-folder's files counted as one entry ("audit/ (23 files)").</summary>
    internal static IEnumerable<string> Listed(IReadOnlyList<string> files, SummaryText text)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var slash = file.IndexOf('/');
            if (slash < 0) { yield return file; continue; }
            var folder = file[..(slash + 1)];
            if (folders.Add(folder)) yield return string.Format(CultureInfo.InvariantCulture, text.FolderFiles, folder, files.Count(f => f.StartsWith(folder, StringComparison.Ordinal)));
        }
    }

    public static void Print(IAnsiConsole console, RunResult result, RunSettings settings)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = SummaryText.For(settings.Language);
        console.WriteLine();
        console.MarkupLine(string.Format(culture, text.RowsLine, result.RowsRead, result.RowsScored, result.RowsRejected, result.Elapsed.TotalSeconds));
        var blank = result.Inputs.Sum(i => i.BlankRowsSkipped);
        if (blank > 0) console.WriteLine(string.Format(culture, text.BlankRows, blank));
        if (result.RejectsByReason.Count > 0)
        {
            console.WriteLine(text.TopReasons);
            foreach (var (reason, count) in result.RejectsByReason.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(5))
                console.WriteLine(string.Create(culture, $"  {reason,-22} {count,8:N0}"));
        }
        if (result.RejectedShareAbove(settings.MaxRejectedShare))
            console.MarkupLine("[yellow]" + Markup.Escape(string.Format(culture, text.TooManyRejected, result.RejectedShare, settings.MaxRejectedShare)) + "[/]");
        if (result.PanelReturnees > 0)
            console.WriteLine(string.Format(culture, text.Panel, result.PanelReturnees));
        console.MarkupLine($"{text.ResultsIn} [bold]{Markup.Escape(result.OutputFolder)}[/]: {Markup.Escape(string.Join(", ", Listed(result.Files, text)))}");

        var table = new Table().Title(text.TableTitle);
        table.AddColumn(text.Country);
        table.AddColumn(new TableColumn(text.Surveys).RightAligned());
        table.AddColumn(new TableColumn(text.Mean).RightAligned());
        table.AddColumn(new TableColumn(text.Interval).RightAligned());
        foreach (var row in result.Aggregates.Where(r => r.Level == "country" && r.Measure == "composite"))
        {
            var e = row.Estimate;
            var country = Markup.Escape(row.GroupValues[0] ?? "");
            if (e.Suppressed)
                table.AddRow(country, "", $"[grey]{Markup.Escape(string.Format(culture, text.Suppressed, settings.MinCell))}[/]", "");
            else
                table.AddRow(country, e.N.ToString("N0", culture), e.Mean.ToString("0.000", culture),
                    string.Create(culture, $"{e.CiLow:0.000} – {e.CiHigh:0.000}"));
        }
        console.Write(table);
    }
}
