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
