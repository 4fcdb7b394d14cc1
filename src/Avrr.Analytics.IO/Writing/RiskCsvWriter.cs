using Avrr.Analytics.Surveys;
using CsvHelper;

namespace Avrr.Analytics.IO.Writing;

/// <summary>
/// Writes insights/risk.csv (docs/insights.md, "Early warning"): one line per returnee with only a baseline,
/// in input order: the pseudonymous id, country, community, the survey date, the predicted risk (6 decimals),
/// the indicators that raise it most (empty where fewer do), whether it is flagged (by the model's threshold,
/// or by the simple rule when the model did not beat it) and the baseline's composite (6 decimals; empty
/// when it has none), by which the rule ranks: lowest first.
/// Only these columns: no attribute, so nothing that the personal-data rule would drop can reach the list.
/// The lines of a batch are formatted on the worker that scored it and appended in input order.
/// </summary>
internal sealed class RiskCsvWriter : IDisposable
{
    public static readonly string[] Columns = ["returnee_id", "country", "community", "survey_date", "risk", "factor_1", "factor_2", "factor_3", "flagged", "baseline_composite"];

    private readonly FileStream _file;

    public RiskCsvWriter(string path)
    {
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var header = CsvWriter.Create(_file, CsvOutput.Options, leaveOpen: true);
        header.WriteHeader(Columns);
    }

    public void Append(MemoryStream lines) => lines.WriteTo(_file);

    public void Dispose() => _file.Dispose();

    /// <summary>Formats the lines of one batch. One per thread.</summary>
    internal sealed class Formatter(IReadOnlyList<string> indicators)
    {
        private readonly CsvLineWriter _line = new();
        private readonly byte[][] _indicators = indicators.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        private readonly byte[] _number = new byte[NumberText.MaxLength];

        public void Clear() => _line.Clear();

        /// <param name="factors">Indicator positions, -1 where there is none.</param>
        public void Add(SurveyBatch batch, int row, double risk, double composite, ReadOnlySpan<int> factors, bool flagged)
        {
            var number = _number.AsSpan();
            _line.Text(batch.TrimmedField(row, SurveyLayout.ReturneeId));
            _line.Text(batch.TrimmedField(row, SurveyLayout.Country));
            _line.Text(batch.Community(row));
            _line.Raw(number[..NumberText.Date(batch.SurveyDate[row], number)]);
            _line.Raw(number[..NumberText.Fixed6(risk, number)]);
            foreach (var factor in factors) _line.Raw(factor < 0 ? [] : _indicators[factor]);
            _line.Raw(flagged ? "true"u8 : "false"u8);
            _line.Raw(double.IsNaN(composite) ? [] : number[..NumberText.Fixed6(composite, number)]);
            _line.EndLine();
        }

        public void WriteTo(MemoryStream lines)
        {
            lines.SetLength(0);
            lines.Write(_line.Written);
        }
    }
}
