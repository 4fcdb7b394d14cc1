namespace Avrr.Analytics.Vocabulary;

/// <summary>
/// The columns of an export that describe a submission rather than a survey (docs/inputs.md, "Headers"):
/// never scored nor written to returnee_scores, but read when the export has them, so that a rejected
/// row can be found again in KoboToolbox or ODK (rejects.csv), the later of two submissions kept
/// (<c>--keep last</c>), and interview lengths checked. Their ids start with '_', which no attribute
/// does (such headers are bookkeeping), so they can never meet an export's own column.
/// </summary>
public static class SubmissionColumns
{
    /// <summary>KoboToolbox's <c>_id</c>, the submission's number in the project.</summary>
    public const string Id = "_id";
    /// <summary>KoboToolbox's <c>_uuid</c>, else the instance id of ODK (<c>meta/instanceID</c>, <c>meta-instanceID</c>, <c>KEY</c>).</summary>
    public const string Uuid = "_uuid";
    /// <summary>KoboToolbox's <c>_submission_time</c>, else ODK Central's <c>SubmissionDate</c>.</summary>
    public const string Time = "_submission_time";
    /// <summary>The <c>start</c> and <c>end</c> metadata of the form: when the interview was opened and closed.</summary>
    public const string Start = "_start", End = "_end";

    /// <summary>In layout order, after the attributes.</summary>
    public static IReadOnlyList<string> All { get; } = [Id, Uuid, Time, Start, End];

    /// <summary>The position of a submission column among <see cref="All"/>.</summary>
    public static int IndexOf(string id)
    {
        for (var i = 0; i < All.Count; i++) if (All[i] == id) return i;
        throw new ArgumentException($"'{id}' is not a submission column.", nameof(id));
    }

    /// <summary>
    /// The headers (group path removed, lower case) each column is read from, in order of preference:
    /// Kobo writes both <c>_uuid</c> and <c>meta/instanceID</c>, and <c>_uuid</c> is what its interface shows.
    /// </summary>
    public static IReadOnlyList<(string Column, IReadOnlyList<string> Headers)> Sources { get; } =
    [
        (Id, ["_id"]),
        (Uuid, ["_uuid", "meta/instanceid", "meta-instanceid", "instanceid", "key"]),
        (Time, ["_submission_time", "submissiondate"]),
        (Start, ["start"]),
        (End, ["end"]),
    ];
}
