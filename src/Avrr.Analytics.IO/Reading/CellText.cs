using System.Globalization;

namespace Avrr.Analytics.IO.Reading;

/// <summary>
/// The text of a typed cell (XLSX, Parquet), written as a CSV export would have it, so that every format
/// goes through the same decoding: whole numbers without a decimal part (a satisfaction code 4 is "4"),
/// other numbers in shortest round-trip form, dates as yyyy-MM-dd (with THH:mm:ss when they have a time).
/// </summary>
internal static class CellText
{
    public static string Of(object? value) => value switch
    {
        null or DBNull => "",
        string s => s,
        double d => Number(d),
        float f => Number(f),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        int or long or short or byte or sbyte or ushort or uint or ulong => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        bool b => b ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero
            ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : dt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        TimeSpan ts => ts.ToString("c", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>
    /// The text of a cell of a date column of a workbook: an Excel serial date (a number, days since
    /// 1899-12-30, as a cell without a date style holds it) is written as the date it stands for, with its
    /// time when it has one; any other cell as <see cref="Of"/> writes it. Only numbers from 1990 to 2100
    /// are taken for dates: a stray 5 stays 5, an invalid date, rather than 4 January 1900.
    /// </summary>
    public static string OfDateCell(object? value) => value switch
    {
        double d when d >= FirstSerial && d < LastSerial => Of(DateTime.FromOADate(d)),
        _ => Of(value),
    };

    // Excel's serial numbers of 1990-01-01 and 2101-01-01.
    private const double FirstSerial = 32874, LastSerial = 73416;

    private static string Number(double d) =>
        double.IsFinite(d) && d == Math.Floor(d) && Math.Abs(d) < 1e15
            ? ((long)d).ToString(CultureInfo.InvariantCulture)
            : d.ToString("R", CultureInfo.InvariantCulture);
}
