using ScottPlot;

namespace Avrr.Analytics.Reports.Charts;

/// <summary>
/// Colours and marks that survive colour blindness and greyscale printing: the Okabe–Ito palette, each
/// series also told apart by its marker's shape (Skia's SVG output drops dash patterns and hatches, so
/// shapes and direct labels carry the difference), and band shares in one hue from light to dark.
/// </summary>
internal static class ChartStyle
{
    public static readonly Color[] Series =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#D55E00"),
        Color.FromHex("#56B4E9"), Color.FromHex("#CC79A7"), Color.FromHex("#000000"), Color.FromHex("#F0E442"),
    ];

    public static readonly MarkerShape[] Shapes =
    [
        MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond,
        MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp, MarkerShape.OpenDiamond,
    ];

    /// <summary>Low, medium, high: light to dark blue, with text in black on the light ones and white on the dark.</summary>
    public static readonly (Color Fill, Color Text)[] Bands =
    [
        (Color.FromHex("#C6DBEF"), Colors.Black), (Color.FromHex("#6BAED6"), Colors.Black), (Color.FromHex("#08519C"), Colors.White),
    ];

    public static readonly Color Reference = Color.FromHex("#555555");
    public static readonly Color Grid = Color.FromHex("#E5E5E5");

    public static Color ColorOf(int series) => Series[series % Series.Length];
    public static MarkerShape ShapeOf(int series) => Shapes[series % Shapes.Length];
}
