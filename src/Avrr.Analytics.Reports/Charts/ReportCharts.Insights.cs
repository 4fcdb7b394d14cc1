using ScottPlot;
using ScottPlot.TickGenerators;

namespace Avrr.Analytics.Reports.Charts;

/// <summary>
/// The charts of the insights section (docs/report.md, "Insights"): a grid of scores (the profiles'
/// centroids), shares in one hue from dark to light (the profile mix, the share flagged), and a
/// calibration chart. Every value is written on its cell or mark's table, and every fill runs from light
/// to dark in one hue, so that the charts read the same in greyscale.
/// </summary>
internal sealed partial class ReportCharts
{
    /// <summary>ColorBrewer's "Blues" (9 classes), light to dark: a single hue whose lightness alone tells the value.</summary>
    private static readonly Color[] Blues =
    [
        Color.FromHex("#F7FBFF"), Color.FromHex("#DEEBF7"), Color.FromHex("#C6DBEF"), Color.FromHex("#9ECAE1"), Color.FromHex("#6BAED6"),
        Color.FromHex("#4292C6"), Color.FromHex("#2171B5"), Color.FromHex("#08519C"), Color.FromHex("#08306B"),
    ];

    /// <summary>From the 5th class on, the fill is dark enough for white text.</summary>
    private static (Color Fill, Color Text) Blue(int index) => (Blues[index], index >= 5 ? Colors.White : Colors.Black);

    /// <summary>
    /// <paramref name="count"/> fills from dark to light, evenly spread over the palette (the first is the darkest); the
    /// lightest class but one is the lightest used unless eight are needed, so that a light segment stays visible on white.
    /// </summary>
    public static IReadOnlyList<(Color Fill, Color Text)> DarkToLight(int count)
    {
        var span = Math.Clamp(count - 1, 6, 7);
        return Enumerable.Range(0, count).Select(i => Blue(count == 1 ? 7 : 8 - (int)Math.Round(i * (double)span / (count - 1)))).ToArray();
    }

    /// <summary>
    /// A grid of scores in 0–1: one row per label (top to bottom), one column per label (left to right), each cell
    /// shaded light (0) to dark (1) with its value written on it; a null value is an empty cell (a withheld column).
    /// </summary>
    public string Grid(IReadOnlyList<string> rows, IReadOnlyList<string> columns, double?[][] values, string label)
    {
        var plot = NewPlot("", "");
        var n = rows.Count;
        var bars = new List<Bar>();
        var marks = new List<(string Text, double X, double Y, Color Color)>();
        for (var r = 0; r < n; r++)
            for (var c = 0; c < columns.Count; c++)
            {
                if (values[r][c] is not { } value) continue;
                var (fill, text) = Blue((int)Math.Round(Math.Clamp(value, 0, 1) * 8));
                bars.Add(new Bar { Position = n - 1 - r, ValueBase = c, Value = c + 1, FillColor = fill, LineColor = Colors.White, LineWidth = 1, Size = 1 });
                marks.Add((tick(value), c + 0.5, n - 1 - r, text));
            }
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        foreach (var (text, x, y, color) in marks)
        {
            var mark = plot.Add.Text(text, x, y);
            mark.LabelFontColor = color;
            mark.LabelFontSize = 11;
            mark.LabelAlignment = Alignment.MiddleCenter;
        }
        plot.Axes.SetLimitsX(0, columns.Count);
        plot.Axes.SetLimitsY(-0.5, n - 0.5);
        plot.HideGrid();
        plot.Axes.Left.TickGenerator = new NumericManual(Enumerable.Range(0, n).Select(r => (double)(n - 1 - r)).ToArray(), rows.ToArray());
        plot.Axes.Bottom.TickGenerator = new NumericManual(Enumerable.Range(0, columns.Count).Select(c => c + 0.5).ToArray(), columns.ToArray());
        return Render(plot, 70 + 24 * n, label);
    }

    /// <summary>
    /// Observed share against mean predicted risk, one mark per bin (a bin without a point is left out), joined in
    /// order, with the diagonal of a perfectly calibrated risk; both axes 0–100%.
    /// </summary>
    public string Calibration(IReadOnlyList<(double Risk, double Observed)> points, Func<double, string> percent, string xAxis, string yAxis, string label)
    {
        var plot = NewPlot(xAxis, yAxis);
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LineColor = ChartStyle.Reference;
        diagonal.LineWidth = 1.5f;
        diagonal.MarkerSize = 0;
        if (points.Count > 0)
        {
            var line = plot.Add.Scatter(points.Select(p => p.Risk).ToArray(), points.Select(p => p.Observed).ToArray(), ChartStyle.ColorOf(0));
            line.MarkerShape = ChartStyle.ShapeOf(0);
            line.MarkerSize = 9;
            line.LineWidth = 2;
        }
        plot.Axes.SetLimits(0, 1, 0, 1);
        double[] ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];
        plot.Axes.Bottom.TickGenerator = new NumericManual(ticks, ticks.Select(percent).ToArray());
        plot.Axes.Left.TickGenerator = new NumericManual(ticks, ticks.Select(percent).ToArray());
        return Render(plot, 440, label);
    }
}
