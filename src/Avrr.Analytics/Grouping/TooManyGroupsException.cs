using System.Globalization;

namespace Avrr.Analytics.Grouping;

/// <summary>
/// The surveys fall into more groups than estimation may hold (docs/methodology.md, "Limits"): a level
/// with more than <see cref="GroupTable.MaxGroups"/> groups, or more than <see cref="CellIndex.MaxCells"/>
/// combinations of the grouping columns of all levels. Nearly always a column that holds an id or a
/// free text where a place or a category was expected. Thrown while the surveys are added, as soon as
/// the limit is passed, so that memory stays bounded whatever the data.
/// </summary>
public sealed class TooManyGroupsException : Exception
{
    /// <summary>The level, or null when it is the combinations of all levels that are too many.</summary>
    public string? Level { get; }
    /// <summary>The grouping column with the most distinct values, the likely culprit.</summary>
    public string Column { get; }
    public int Limit { get; }

    private TooManyGroupsException(string? level, string column, int limit, string message) : base(message)
    {
        Level = level;
        Column = column;
        Limit = limit;
    }

    internal static TooManyGroupsException ForLevel(string level, string column, int values, int limit) =>
        new(level, column, limit, string.Create(CultureInfo.InvariantCulture,
            $"the level {level} has more than {limit:N0} groups, the most a level may have; its column {column} already has {values:N0} different values. Is {column} a place or a category, or an id or a free text? Group by another column"));

    internal static TooManyGroupsException ForCells(string column, int values, int limit) =>
        new(null, column, limit, string.Create(CultureInfo.InvariantCulture,
            $"the surveys fall into more than {limit:N0} combinations of the grouping columns of all levels, the most a run may hold; the column {column} already has {values:N0} different values. Use fewer levels, or levels of fewer columns"));
}
