using System.Globalization;
using Avrr.Analytics.IO.Run;
using Spectre.Console;

namespace Avrr.Analytics.Cli.Output;

/// <summary>The end of a run for people: the accounting, the top reject reasons, where the files are, and the headline table.</summary>
internal static class Summary
{
    public static void Print(IAnsiConsole console, RunResult result, RunSettings settings)
    {
        var culture = CultureInfo.InvariantCulture;
        console.WriteLine();
        console.MarkupLine(string.Create(culture,
            $"[bold]{result.RowsRead:N0}[/] rows read, [green]{result.RowsScored:N0}[/] scored, [yellow]{result.RowsRejected:N0}[/] rejected ({result.Elapsed.TotalSeconds:0.0} s)"));
        var blank = result.Inputs.Sum(i => i.BlankRowsSkipped);
        if (blank > 0) console.WriteLine(string.Create(culture, $"{blank:N0} blank rows (every field empty) were passed over."));
        if (result.RejectsByReason.Count > 0)
        {
            console.WriteLine("Top reject reasons:");
            foreach (var (reason, count) in result.RejectsByReason.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(5))
                console.WriteLine(string.Create(culture, $"  {reason,-22} {count,8:N0}"));
        }
        if (result.PanelReturnees > 0)
            console.WriteLine(string.Create(culture, $"{result.PanelReturnees:N0} returnees have two or more surveys: see panel_change."));
        console.MarkupLine($"Results in [bold]{Markup.Escape(result.OutputFolder)}[/]: {Markup.Escape(string.Join(", ", result.Files))}");

        var table = new Table().Title("Composite score by country (95% CI)");
        table.AddColumn("country");
        table.AddColumn(new TableColumn("surveys").RightAligned());
        table.AddColumn(new TableColumn("mean").RightAligned());
        table.AddColumn(new TableColumn("95% CI").RightAligned());
        foreach (var row in result.Aggregates.Where(r => r.Level == "country" && r.Measure == "composite"))
        {
            var e = row.Estimate;
            var country = Markup.Escape(row.GroupValues[0] ?? "");
            if (e.Suppressed)
                table.AddRow(country, e.Rows.ToString("N0", culture), $"[grey]suppressed (n < {settings.MinCell})[/]", "");
            else
                table.AddRow(country, e.N.ToString("N0", culture), e.Mean.ToString("0.000", culture),
                    string.Create(culture, $"{e.CiLow:0.000} – {e.CiHigh:0.000}"));
        }
        console.Write(table);
    }
}
