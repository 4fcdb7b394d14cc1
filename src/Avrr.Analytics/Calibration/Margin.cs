namespace Avrr.Analytics.Calibration;

/// <summary>
/// One margin of known population totals (a file given to <c>--calibrate</c>): its variables (grouping columns,
/// such as <c>country</c> or <c>country, sex</c>) and the total of each combination of their values.
/// </summary>
/// <param name="Name">How the margin is named to people (its file's name).</param>
/// <param name="Variables">The column ids, lower case.</param>
/// <param name="Levels">Each level with its total, every level once.</param>
public sealed record Margin(string Name, IReadOnlyList<string> Variables, IReadOnlyList<MarginLevel> Levels)
{
    /// <summary>A level as people read it: <c>country=SEN, sex=F</c>.</summary>
    public string LevelText(int level) => Text(Variables, Levels[level].Values);

    /// <summary>Values of variables as people read them: <c>country=SEN, sex=F</c>.</summary>
    public static string Text(IReadOnlyList<string> variables, IReadOnlyList<string> values) =>
        string.Join(", ", variables.Select((v, i) => $"{v}={values[i]}"));

    /// <summary>The population total of the margin: the sum of its levels' totals.</summary>
    public double Total => Levels.Sum(l => l.Total);
}
