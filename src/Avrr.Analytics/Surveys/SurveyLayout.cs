using Avrr.Analytics.Schemes;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Surveys;

/// <summary>
/// The columns of a run, whatever file they came from: the record columns, one column per question of
/// the scheme, then the attribute columns (sex, assistance_type, …) found in any input, then the
/// submission columns (<see cref="SubmissionColumns"/>: Kobo's _id, _uuid, …, empty when absent). Readers map
/// their headers onto these positions; everything downstream addresses columns by position.
/// </summary>
public sealed class SurveyLayout
{
    public const int ReturneeId = 0, Country = 1, Community = 2, SurveyDate = 3, Round = 4, Weight = 5;
    public const int RecordColumnCount = 6;

    public Scheme Scheme { get; }
    public IReadOnlyList<string> Attributes { get; }
    /// <summary>The exact format of survey_date (.NET notation), or null for ISO 8601.</summary>
    public string? DateFormat { get; }
    /// <summary>How survey dates are read: ISO 8601, and the date format when one is set.</summary>
    public SurveyDates Dates { get; }
    /// <summary>The language of reject messages (rejects.csv and the validation report follow the run's language).</summary>
    public RejectMessages Messages { get; init; } = RejectMessages.English;
    /// <summary>Position of the cluster (PSU) column of the design, or -1 without clusters.</summary>
    public int ClusterColumn { get; }
    /// <summary>Position of the strata column of the design, or -1 without strata.</summary>
    public int StrataColumn { get; }

    public int QuestionCount => Scheme.Questions.Count;
    public int ColumnCount => FirstSubmissionColumn + SubmissionColumns.All.Count;
    public int FirstQuestionColumn => RecordColumnCount;
    public int FirstAttributeColumn => RecordColumnCount + QuestionCount;
    public int FirstSubmissionColumn => FirstAttributeColumn + Attributes.Count;

    /// <summary>The position of a submission column (<see cref="SubmissionColumns"/>).</summary>
    public int SubmissionColumn(string id) => FirstSubmissionColumn + SubmissionColumns.IndexOf(id);

    public SurveyLayout(Scheme scheme, IReadOnlyList<string> attributes, string? dateFormat = null, string? cluster = null, string? strata = null)
    {
        Scheme = scheme;
        Attributes = attributes;
        DateFormat = dateFormat;
        Dates = SurveyDates.For(dateFormat);
        ClusterColumn = cluster is null ? -1 : IndexOf(cluster) ?? throw new ArgumentException($"No column '{cluster}' for the clusters.", nameof(cluster));
        StrataColumn = strata is null ? -1 : IndexOf(strata) ?? throw new ArgumentException($"No column '{strata}' for the strata.", nameof(strata));
    }

    /// <summary>The id of column <paramref name="column"/>: a record column, a question or an attribute.</summary>
    public string NameOf(int column) =>
        column < RecordColumnCount ? SurveyColumns.Record[column]
        : column < FirstAttributeColumn ? Scheme.Questions[column - RecordColumnCount].Id
        : column < FirstSubmissionColumn ? Attributes[column - FirstAttributeColumn]
        : SubmissionColumns.All[column - FirstSubmissionColumn];

    /// <summary>The position of a column by its id (record column, question or attribute, case-insensitive), or null.</summary>
    public int? IndexOf(string id)
    {
        for (var c = 0; c < ColumnCount; c++)
            if (string.Equals(NameOf(c), id, StringComparison.OrdinalIgnoreCase)) return c;
        return null;
    }
}
