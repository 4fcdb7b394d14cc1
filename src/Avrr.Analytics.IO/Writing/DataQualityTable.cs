using System.Globalization;
using Avrr.Analytics.IO.Writing.Parquet;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.IO.Writing;

/// <summary>
/// data_quality (docs/outputs.md): for every question of the scheme and every kind of answer (answered,
/// empty, then the special answers such as dk, refused, na), the scored surveys that answered so and
/// their share of the scored surveys (unweighted). A small sample (fewer scored surveys than min-cell)
/// has every count and share withheld, as aggregates withholds a small group.
/// </summary>
internal static class DataQualityTable
{
    public static readonly string[] Columns = ["question", "indicator", "dimension", "answer", "surveys", "share", "suppressed"];

    public static void Write(string path, OutputFormats format, AnswerTally tally, int minCell)
    {
        var scheme = tally.Layout.Scheme;
        var suppressed = tally.Surveys < minCell;
        var rows = new List<(string Question, string Indicator, string Dimension, string Answer, long Count)>();
        var q = 0;
        foreach (var dimension in scheme.Dimensions)
            foreach (var indicator in dimension.Indicators)
                foreach (var question in indicator.Questions)
                {
                    for (var k = 0; k < tally.Kinds.Count; k++) rows.Add((question.Id, indicator.Id, dimension.Id, tally.Kinds[k], tally.Count(q, k)));
                    q++;
                }
        if (format == OutputFormats.Csv)
        {
            using var csv = CsvOutput.Create(path);
            csv.WriteHeader(Columns);
            foreach (var row in rows)
            {
                csv.WriteField(row.Question);
                csv.WriteField(row.Indicator);
                csv.WriteField(row.Dimension);
                csv.WriteField(row.Answer);
                if (suppressed) { csv.WriteField(""); csv.WriteField(""); }
                else
                {
                    csv.WriteField(row.Count, default, CultureInfo.InvariantCulture);
                    csv.WriteField((double)row.Count / tally.Surveys, "R", CultureInfo.InvariantCulture);
                }
                csv.WriteField(suppressed ? "true" : "false");
                csv.EndRecord();
            }
            return;
        }
        using var parquet = new ParquetTable(path,
        [
            new("question", ParquetKind.Text), new("indicator", ParquetKind.Text), new("dimension", ParquetKind.Text), new("answer", ParquetKind.Text),
            new("surveys", ParquetKind.Int64), new("share", ParquetKind.Number), new("suppressed", ParquetKind.Flag),
        ]);
        foreach (var row in rows)
        {
            parquet.Text(0, row.Question);
            parquet.Text(1, row.Indicator);
            parquet.Text(2, row.Dimension);
            parquet.Text(3, row.Answer);
            parquet.Int64(4, suppressed ? null : row.Count);
            parquet.Number(5, suppressed ? double.NaN : (double)row.Count / tally.Surveys);
            parquet.Flag(6, suppressed);
            parquet.EndRow();
        }
    }
}
