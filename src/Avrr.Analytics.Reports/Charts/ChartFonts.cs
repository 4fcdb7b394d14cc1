using ScottPlot;
using SkiaSharp;

namespace Avrr.Analytics.Reports.Charts;

/// <summary>
/// The one font of every chart, DejaVu Sans regular and bold, loaded from the files shipped in this
/// assembly (Fonts/LICENSE-DejaVu.txt) rather than from the machine: Skia measures text to lay a chart
/// out, so the same font on every machine gives the same SVG bytes. Bold is needed too: titles and axis
/// labels are bold, and a face the resolver does not know would silently fall back to another family.
/// </summary>
internal static class ChartFonts
{
    public const string Family = "DejaVu Sans";

    /// <summary>What the SVG asks a browser for: the same family, then look-alikes (Verdana shares Vera's metrics closely).</summary>
    public const string CssFamilies = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif";

    private static readonly Lazy<bool> Registered = new(() =>
    {
        ScottPlot.Fonts.FontResolvers.Insert(0, new Resolver(Load("DejaVuSans.ttf"), Load("DejaVuSans-Bold.ttf")));
        ScottPlot.Fonts.Default = Family;
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void Register() => _ = Registered.Value;

    /// <summary>
    /// Loads the fonts and draws one small chart, so that Skia's first use (its native library, the
    /// typefaces, the code of the chart types) is paid before the report is needed: a run calls it on a
    /// thread of its own as it starts, and the report at the end of the run finds it done.
    /// </summary>
    public static void WarmUp()
    {
        Register();
        var plot = new Plot();
        plot.Add.Markers(new[] { 0.0, 1.0 }, new[] { 0.0, 1.0 }, MarkerShape.FilledCircle, 5, Colors.Black);
        plot.Add.Line(0, 0, 1, 1);
        plot.Add.Bars(new[] { new Bar { Position = 0, ValueBase = 0, Value = 1 } });
        plot.Add.Scatter(new[] { 0.0, 1.0 }, new[] { 1.0, 0.0 });
        plot.Add.Text("0.5", 0.5, 0.5);
        plot.ShowLegend(Edge.Bottom);
        _ = plot.GetSvgXml(200, 100);
    }

    private static SKTypeface Load(string file)
    {
        using var stream = typeof(ChartFonts).Assembly.GetManifestResourceStream("Avrr.Analytics.Reports." + file)
            ?? throw new InvalidOperationException($"The chart font {file} is missing from the assembly.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The chart font {file} cannot be read.");
    }

    private sealed class Resolver(SKTypeface regular, SKTypeface bold) : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold1, bool italic) => fontName == Family ? (bold1 ? bold : regular) : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == Family ? ((int)weight >= (int)FontWeight.SemiBold ? bold : regular) : null;
    }
}
