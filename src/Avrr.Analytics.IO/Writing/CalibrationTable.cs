using System.Globalization;
using Avrr.Analytics.Calibration;

namespace Avrr.Analytics.IO.Writing;

/// <summary>
/// calibration.csv (docs/outputs.md): each level of each margin of a calibrated run, with its population total,
/// its scored surveys, their weighted total before and after calibration (after = the population total, within
/// 1e-12 of it) and the range of their weight ratios (calibrated / base weight). A level with fewer surveys than
/// min-cell has its survey count, sample totals and ratios withheld, as aggregates withholds a small group.
/// </summary>
internal static class CalibrationTable
{
    public const string File = "calibration.csv";

    public static readonly string[] Columns =
        ["margin", "variables", "level", "population_total", "surveys", "weight_total_before", "weight_total_after", "ratio_min", "ratio_max", "suppressed"];

    public static void Write(string path, CalibratedWeights calibration, int minCell)
    {
        using var csv = CsvOutput.Create(path);
        csv.WriteHeader(Columns);
        foreach (var level in calibration.Levels())
        {
            var margin = level.Margin;
            csv.WriteField(margin.Name);
            csv.WriteField(string.Join("+", margin.Variables));
            csv.WriteField(string.Join(", ", margin.Levels[level.Level].Values));
            csv.WriteField(level.PopulationTotal, "R", CultureInfo.InvariantCulture);
            var suppressed = level.Surveys < minCell;
            if (suppressed) for (var i = 0; i < 5; i++) csv.WriteField("");
            else
            {
                csv.WriteField(level.Surveys, default, CultureInfo.InvariantCulture);
                csv.WriteField(level.TotalBefore, "R", CultureInfo.InvariantCulture);
                csv.WriteField(level.TotalAfter, "R", CultureInfo.InvariantCulture);
                csv.WriteField(level.RatioMin, "R", CultureInfo.InvariantCulture);
                csv.WriteField(level.RatioMax, "R", CultureInfo.InvariantCulture);
            }
            csv.WriteField(suppressed ? "true" : "false");
            csv.EndRecord();
        }
    }
}
