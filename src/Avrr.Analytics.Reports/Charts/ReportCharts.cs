using ScottPlot;
using ScottPlot.TickGenerators;

namespace Avrr.Analytics.Reports.Charts;

/// <summary>
/// The charts of a report, drawn by ScottPlot 5 into SVG (docs/report.md): estimates with their intervals,
/// lines over quarters, and stacked band shares. Tick labels are written in the report's language by the
/// formatter given; the axis range comes only from what is drawn, so a suppressed estimate cannot show
/// through a scale. Each chart gets an id prefix of its own (c1, c2, …), in the order the report draws them.
/// </summary>
internal sealed partial class ReportCharts(Func<double, string> tick)
{
    public const int Width = 720;
    private int _charts;

    /// <summary>
    /// Categories top to bottom, one mark per series with its interval as a line; an optional vertical
    /// reference (the all-country mean, or 0 for a change).
    /// </summary>
    public string Intervals(IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, string axis, double? reference, string label)
    {
        var plot = NewPlot(axis, "");
        var n = categories.Count;
        var values = new List<double>();
        for (var s = 0; s < series.Count; s++)
        {
            var offset = series.Count == 1 ? 0 : (s - (series.Count - 1) / 2.0) * 0.22;
            var xs = new List<double>();
            var ys = new List<double>();
            for (var c = 0; c < n; c++)
            {
                if (series[s].Points[c] is not { } point) continue;
                var y = n - 1 - c + offset;
                if (point.Low is { } low && point.High is { } high)
                {
                    var line = plot.Add.Line(low, y, high, y);
                    line.LineWidth = 2;
                    line.LineColor = ChartStyle.ColorOf(s);
                    line.MarkerSize = 0;
                    values.Add(low);
                    values.Add(high);
                }
                xs.Add(point.Estimate);
                ys.Add(y);
                values.Add(point.Estimate);
            }
            if (xs.Count == 0) continue;
            var marks = plot.Add.Markers(xs.ToArray(), ys.ToArray(), ChartStyle.ShapeOf(s), 9, ChartStyle.ColorOf(s));
            if (series.Count > 1) marks.LegendText = series[s].Name;
        }
        if (reference is { } r)
        {
            plot.Add.VerticalLine(r, 1.5f, ChartStyle.Reference, LinePattern.Solid);
            values.Add(r);
        }
        var (min, max) = Range(values);
        plot.Axes.SetLimitsX(min, max);
        plot.Axes.SetLimitsY(-0.7, n - 0.3);
        plot.Axes.Left.TickGenerator = new NumericManual(Enumerable.Range(0, n).Select(c => (double)(n - 1 - c)).ToArray(), categories.ToArray());
        plot.Axes.Bottom.TickGenerator = Ticks(min, max);
        if (series.Count > 1) plot.ShowLegend(Edge.Bottom);
        var height = 90 + 30 * n + (series.Count > 1 ? 30 : 0);
        return Render(plot, height, label);
    }

    /// <summary>One line per series over the quarters (left to right); a gap where a quarter has no point.</summary>
    public string Lines(IReadOnlyList<string> quarters, IReadOnlyList<ChartSeries> series, string axis, string label)
    {
        var plot = NewPlot("", axis);
        var values = new List<double>();
        for (var s = 0; s < series.Count; s++)
        {
            var legend = true;
            var xs = new List<double>();
            var ys = new List<double>();
            void Flush()
            {
                if (xs.Count == 0) return;
                var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray(), ChartStyle.ColorOf(s));
                line.MarkerShape = ChartStyle.ShapeOf(s);
                line.MarkerSize = 8;
                line.LineWidth = 2;
                if (legend) line.LegendText = series[s].Name;
                legend = false;
                xs.Clear();
                ys.Clear();
            }
            for (var q = 0; q < quarters.Count; q++)
            {
                if (series[s].Points[q] is not { } point) { Flush(); continue; }
                xs.Add(q);
                ys.Add(point.Estimate);
                values.Add(point.Estimate);
            }
            Flush();
        }
        var (min, max) = Range(values);
        plot.Axes.SetLimitsY(min, max);
        plot.Axes.SetLimitsX(-0.5, quarters.Count - 0.5);
        plot.Axes.Left.TickGenerator = Ticks(min, max);
        plot.Axes.Bottom.TickGenerator = new NumericManual(Enumerable.Range(0, quarters.Count).Select(q => (double)q).ToArray(), quarters.ToArray());
        // Ten quarters' labels fit side by side at this width; more are turned, with room made for them.
        var turned = quarters.Count > 10;
        if (turned)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = 70;
        }
        plot.ShowLegend(Edge.Bottom);
        return Render(plot, turned ? 460 : 420, label);
    }

    /// <summary>
    /// Stacked horizontal bars of shares (each category's segments add up to 1), each segment labelled with its share;
    /// the segments take the band colours, or <paramref name="fills"/> (fill and text colour) when given.
    /// </summary>
    public string StackedShares(IReadOnlyList<string> categories, IReadOnlyList<string> segments, IReadOnlyList<double[]?> shares, Func<double, string> percent, string axis, string label,
        IReadOnlyList<(Color Fill, Color Text)>? fills = null)
    {
        fills ??= ChartStyle.Bands;
        var plot = NewPlot(axis, "");
        var n = categories.Count;
        var bars = new List<Bar>();
        var labels = new List<(string Text, double X, double Y, Color Color)>();
        for (var c = 0; c < n; c++)
        {
            if (shares[c] is not { } row) continue;
            var start = 0.0;
            for (var s = 0; s < segments.Count; s++)
            {
                var end = start + row[s];
                bars.Add(new Bar { Position = n - 1 - c, ValueBase = start, Value = end, FillColor = fills[s % fills.Count].Fill, LineColor = Colors.White, LineWidth = 1, Size = 0.7 });
                if (row[s] >= 0.06) labels.Add((percent(row[s]), (start + end) / 2, n - 1 - c, fills[s % fills.Count].Text));
                start = end;
            }
        }
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        // The shares are written on their segments, after the bars so that they are drawn over them.
        foreach (var (text, x, y, color) in labels)
        {
            var mark = plot.Add.Text(text, x, y);
            mark.LabelFontColor = color;
            mark.LabelFontSize = 11;
            mark.LabelAlignment = Alignment.MiddleCenter;
        }
        for (var s = 0; s < segments.Count; s++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = segments[s], FillColor = fills[s % fills.Count].Fill, LineColor = Colors.Gray, LineWidth = 1 });
        plot.ShowLegend(Edge.Bottom);
        plot.Axes.SetLimitsX(0, 1);
        plot.Axes.SetLimitsY(-0.6, n - 0.4);
        plot.Axes.Right.MinimumSize = 24;
        plot.Axes.Left.TickGenerator = new NumericManual(Enumerable.Range(0, n).Select(c => (double)(n - 1 - c)).ToArray(), categories.ToArray());
        plot.Axes.Bottom.TickGenerator = new NumericManual([0, 0.25, 0.5, 0.75, 1], [percent(0), percent(0.25), percent(0.5), percent(0.75), percent(1)]);
        return Render(plot, 140 + 30 * n, label);
    }

    internal static Plot NewPlot(string xLabel, string yLabel)
    {
        ChartFonts.Register();
        var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        plot.XLabel(xLabel, 13);
        plot.YLabel(yLabel, 13);
        plot.Grid.MajorLineColor = ChartStyle.Grid;
        plot.Axes.Frameless(false);
        return plot;
    }

    internal string Render(Plot plot, int height, string label)
    {
        var svg = plot.GetSvgXml(Width, height);
        return SvgChart.Inline(svg, $"c{++_charts}", Width, height, label);
    }

    /// <summary>A range around what is drawn, widened to the next 0.05 and at least 0.2 wide.</summary>
    private static (double Min, double Max) Range(List<double> values)
    {
        if (values.Count == 0) return (0, 1);
        double min = values.Min(), max = values.Max();
        var pad = Math.Max(0.02, (max - min) * 0.08);
        min = Math.Floor((min - pad) / 0.05) * 0.05;
        max = Math.Ceiling((max + pad) / 0.05) * 0.05;
        if (max - min < 0.2) { var mid = (min + max) / 2; min = mid - 0.1; max = mid + 0.1; }
        return (min, max);
    }

    private NumericManual Ticks(double min, double max)
    {
        var step = (max - min) switch { <= 0.3 => 0.05, <= 0.6 => 0.1, _ => 0.2 };
        var positions = new List<double>();
        for (var k = Math.Ceiling(min / step - 1e-9); k * step <= max + 1e-9; k++) positions.Add(Math.Round(k * step, 10));
        return new NumericManual(positions.ToArray(), positions.Select(tick).ToArray());
    }
}
