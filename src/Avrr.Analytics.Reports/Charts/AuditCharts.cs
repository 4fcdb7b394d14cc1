using ScottPlot;
using ScottPlot.TickGenerators;

namespace Avrr.Analytics.Reports.Charts;

/// <summary>
/// The charts of the report's audit section (docs/report.md, "Audit of the index"), drawn by ScottPlot 5
/// through the report's own <see cref="ReportCharts"/> (its fonts, its ids, its SVG clean-up): a
/// correlation heat map, a scree plot, grouped bars (weights, sensitivity indices) and ranks with their
/// intervals. Every cell and bar carries its number or a mark of its own shape, so nothing depends on
/// colour alone; what is not drawn (a suppressed or missing value) takes no part in an axis range.
/// </summary>
internal sealed class AuditCharts(ReportCharts charts, Text.ReportLanguage language)
{
    /// <summary>Negative to positive: orange, white, blue (a diverging scale that colour-blind readers tell apart).</summary>
    private static readonly Color Negative = Color.FromHex("#B35806"), Zero = Colors.White, Positive = Color.FromHex("#08519C");

    /// <summary>
    /// The lower triangle of a correlation matrix: row i, column j ≤ i, each cell coloured by r and
    /// labelled with it; an empty cell for a pair without a value. Rows are named "1 label", columns "1".
    /// </summary>
    public string Heatmap(IReadOnlyList<string> names, double?[,] r, string label)
    {
        var plot = ReportCharts.NewPlot("", "");
        var n = names.Count;
        var cells = new List<Bar>();
        var texts = new List<(string Text, double X, double Y, Color Color)>();
        for (var i = 0; i < n; i++)
            for (var j = 0; j <= i; j++)
            {
                if (r[i, j] is not { } value) continue;
                var y = n - 1 - i;
                cells.Add(new Bar { Position = y, ValueBase = j - 0.5, Value = j + 0.5, FillColor = ColorOf(value), LineColor = Colors.White, LineWidth = 1, Size = 1 });
                texts.Add((Short(value), j, y, Math.Abs(value) > 0.55 ? Colors.White : Colors.Black));
            }
        if (cells.Count > 0) plot.Add.Bars(cells).Horizontal = true;
        foreach (var (text, x, y, color) in texts)
        {
            var mark = plot.Add.Text(text, x, y);
            mark.LabelFontColor = color;
            mark.LabelFontSize = n > 16 ? 9 : 10;
            mark.LabelAlignment = Alignment.MiddleCenter;
        }
        plot.Axes.SetLimitsX(-0.5, n - 0.5);
        plot.Axes.SetLimitsY(-0.5, n - 0.5);
        plot.Axes.Left.TickGenerator = new NumericManual(Enumerable.Range(0, n).Select(i => (double)(n - 1 - i)).ToArray(), names.Select((s, i) => $"{i + 1} {s}").ToArray());
        plot.Axes.Bottom.TickGenerator = new NumericManual(Enumerable.Range(0, n).Select(i => (double)i).ToArray(), Enumerable.Range(1, n).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plot.Grid.IsVisible = false;
        return charts.Render(plot, 80 + 26 * n, label);
    }

    /// <summary>One line of eigenvalues per scope, components 1, 2, … left to right, with a reference line at 1.</summary>
    public string Scree(IReadOnlyList<ChartSeries> scopes, string xAxis, string yAxis, string label)
    {
        var plot = ReportCharts.NewPlot(xAxis, yAxis);
        var most = 0;
        var max = 1.0;
        for (var s = 0; s < scopes.Count; s++)
        {
            var points = scopes[s].Points;
            var xs = new List<double>();
            var ys = new List<double>();
            for (var c = 0; c < points.Count; c++)
                if (points[c] is { } p) { xs.Add(c + 1); ys.Add(p.Estimate); max = Math.Max(max, p.Estimate); }
            if (xs.Count == 0) continue;
            most = Math.Max(most, (int)xs[^1]);
            var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray(), ChartStyle.ColorOf(s));
            line.MarkerShape = ChartStyle.ShapeOf(s);
            line.MarkerSize = 8;
            line.LineWidth = 2;
            line.LegendText = scopes[s].Name;
        }
        plot.Add.HorizontalLine(1, 1.5f, ChartStyle.Reference, LinePattern.Solid);
        most = Math.Max(most, 2);
        var top = Math.Ceiling(max + 0.5);
        plot.Axes.SetLimitsX(0.5, most + 0.5);
        plot.Axes.SetLimitsY(0, top);
        plot.Axes.Bottom.TickGenerator = new NumericManual(Enumerable.Range(1, most).Select(c => (double)c).ToArray(),
            Enumerable.Range(1, most).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        var step = top <= 5 ? 1 : 2;
        var ticks = Enumerable.Range(0, (int)(top / step) + 1).Select(k => (double)(k * step)).ToArray();
        plot.Axes.Left.TickGenerator = new NumericManual(ticks, ticks.Select(language.Plain).ToArray());
        plot.ShowLegend(Edge.Bottom);
        return charts.Render(plot, 400, label);
    }

    /// <summary>
    /// Horizontal bars, categories top to bottom, one bar per series side by side (its value written at its
    /// end), with an optional interval line on each bar; a missing value draws nothing.
    /// </summary>
    public string GroupedBars(IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, Func<double, string> format, string axis, string label)
    {
        var plot = ReportCharts.NewPlot(axis, "");
        var n = categories.Count;
        var size = 0.8 / series.Count;
        var values = new List<double> { 0 };
        var bars = new List<Bar>();
        var texts = new List<(string Text, double X, double Y)>();
        for (var s = 0; s < series.Count; s++)
        {
            for (var c = 0; c < n; c++)
            {
                if (series[s].Points[c] is not { } point) continue;
                var y = n - 1 - c + 0.4 - size * (s + 0.5);
                bars.Add(new Bar { Position = y, ValueBase = 0, Value = point.Estimate, FillColor = ChartStyle.ColorOf(s), LineColor = Colors.White, LineWidth = 0.5f, Size = size * 0.9 });
                values.Add(point.Estimate);
                var end = point.Estimate;
                if (point.Low is { } low && point.High is { } high)
                {
                    var line = plot.Add.Line(low, y, high, y);
                    line.LineWidth = 1.5f;
                    line.LineColor = ChartStyle.Reference;
                    line.MarkerSize = 0;
                    values.Add(low);
                    values.Add(high);
                    end = Math.Max(end, high);
                }
                texts.Add((format(point.Estimate), end, y));
            }
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s].Name, FillColor = ChartStyle.ColorOf(s), LineColor = Colors.Gray, LineWidth = 1 });
        }
        if (bars.Count > 0) plot.Add.Bars(bars).Horizontal = true;
        double min = values.Min(), max = values.Max();
        var span = Math.Max(max - min, 1e-9);
        foreach (var (text, x, y) in texts)
        {
            var mark = plot.Add.Text(" " + text, x, y);
            mark.LabelFontSize = 9;
            mark.LabelFontColor = Colors.Black;
            mark.LabelAlignment = Alignment.MiddleLeft;
        }
        // Room on the right for the values written at the bars' ends.
        plot.Axes.SetLimitsX(Math.Min(0, min - span * 0.02), max + span * 0.18);
        plot.Axes.SetLimitsY(-0.6, n - 0.4);
        plot.Axes.Left.TickGenerator = new NumericManual(Enumerable.Range(0, n).Select(c => (double)(n - 1 - c)).ToArray(), categories.ToArray());
        plot.Axes.Bottom.TickGenerator = Ticks(Math.Min(0, min), max, format);
        plot.ShowLegend(Edge.Bottom);
        // A row of one or two bars needs more room than each of three: the labels of the categories are one line each.
        return charts.Render(plot, 110 + n * (series.Count switch { 1 => 30, 2 => 48, _ => 14 * series.Count }), label);
    }

    /// <summary>Ranks, groups top to bottom: the median (circle) with its interval as a line, and the nominal rank (diamond); rank 1 on the left.</summary>
    public string Ranks(IReadOnlyList<string> groups, IReadOnlyList<IntervalPoint?> median, IReadOnlyList<double?> nominal, int ranked, string medianName, string nominalName, string axis, string label)
    {
        var plot = ReportCharts.NewPlot(axis, "");
        var n = groups.Count;
        var xs = new List<double>();
        var ys = new List<double>();
        var nx = new List<double>();
        var ny = new List<double>();
        for (var g = 0; g < n; g++)
        {
            var y = n - 1 - g;
            if (median[g] is { } point)
            {
                if (point.Low is { } low && point.High is { } high)
                {
                    var line = plot.Add.Line(low, y, high, y);
                    line.LineWidth = 2;
                    line.LineColor = ChartStyle.ColorOf(0);
                    line.MarkerSize = 0;
                }
                xs.Add(point.Estimate);
                ys.Add(y);
            }
            if (nominal[g] is { } rank) { nx.Add(rank); ny.Add(y); }
        }
        // The nominal rank first, larger and open, so that the median drawn over it shows inside it.
        if (nx.Count > 0) plot.Add.Markers(nx.ToArray(), ny.ToArray(), MarkerShape.OpenDiamond, 16, ChartStyle.ColorOf(3)).LegendText = nominalName;
        if (xs.Count > 0) plot.Add.Markers(xs.ToArray(), ys.ToArray(), ChartStyle.ShapeOf(0), 8, ChartStyle.ColorOf(0)).LegendText = medianName;
        var last = Math.Max(ranked, 2);
        plot.Axes.SetLimitsX(0.5, last + 0.5);
        plot.Axes.SetLimitsY(-0.7, n - 0.3);
        var step = last <= 12 ? 1 : last <= 30 ? 5 : 10;
        var ticks = Enumerable.Range(1, last).Where(k => k == 1 || k % step == 0).Select(k => (double)k).ToArray();
        plot.Axes.Bottom.TickGenerator = new NumericManual(ticks, ticks.Select(k => ((int)k).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Left.TickGenerator = new NumericManual(Enumerable.Range(0, n).Select(g => (double)(n - 1 - g)).ToArray(), groups.ToArray());
        plot.ShowLegend(Edge.Bottom);
        return charts.Render(plot, 120 + 30 * n, label);
    }

    private static Color ColorOf(double r)
    {
        var t = Math.Clamp(Math.Abs(r), 0, 1);
        var to = r < 0 ? Negative : Positive;
        byte Mix(byte a, byte b) => (byte)Math.Round(a + (b - a) * t);
        return new Color(Mix(Zero.R, to.R), Mix(Zero.G, to.G), Mix(Zero.B, to.B));
    }

    /// <summary>A correlation in a cell: two decimals, without the leading zero (".45", "−.07", "1").</summary>
    private string Short(double r)
    {
        if (Math.Round(r, 2) == 1) return "1";
        var text = language.Score(r);
        return text.Replace("0.", ".", StringComparison.Ordinal).Replace("0,", ",", StringComparison.Ordinal);
    }

    private static NumericManual Ticks(double min, double max, Func<double, string> format)
    {
        var span = Math.Max(max - min, 1e-9);
        var raw = span / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        var positions = new List<double>();
        for (var k = Math.Ceiling(min / step - 1e-9); k * step <= max + 1e-9; k++) positions.Add(Math.Round(k * step, 10));
        return new NumericManual(positions.ToArray(), positions.Select(format).ToArray());
    }
}
