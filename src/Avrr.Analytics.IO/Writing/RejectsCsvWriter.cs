using System.Globalization;
using Avrr.Analytics.Surveys;
using CsvHelper;

namespace Avrr.Analytics.IO.Writing;

/// <summary>Writes rejects.csv: one line per problem of a rejected row; the header alone when nothing was rejected.</summary>
internal sealed class RejectsCsvWriter : IDisposable
{
    // The submission keys come last, so that the columns before them keep their places (docs/outputs.md).
    public static readonly string[] Columns = ["source", "row", "returnee_id", "column", "value", "reason", "message", "submission_id", "submission_uuid", "submission_time"];

    private readonly CsvWriter _csv;

    public RejectsCsvWriter(string path)
    {
        _csv = CsvOutput.Create(path);
        _csv.WriteHeader(Columns);
    }

    public void Write(Reject reject)
    {
        _csv.WriteField(reject.Source);
        _csv.WriteField(reject.Row.ToString(CultureInfo.InvariantCulture));
        _csv.WriteField(reject.ReturneeId);
        _csv.WriteField(reject.Column);
        _csv.WriteField(reject.Value);
        _csv.WriteField(reject.Reason.Name());
        _csv.WriteField(reject.Message);
        _csv.WriteField(reject.SubmissionId);
        _csv.WriteField(reject.SubmissionUuid);
        _csv.WriteField(reject.SubmissionTime);
        _csv.EndRecord();
    }

    public void Dispose() => _csv.Dispose();
}
