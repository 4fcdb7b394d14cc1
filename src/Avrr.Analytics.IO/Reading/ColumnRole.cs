using Avrr.Analytics.Scoring;
using Avrr.Analytics.Surveys;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.IO.Reading;

/// <summary>What the run does with a column of an input file.</summary>
public enum ColumnRole
{
    /// <summary>A record column, a question or an attribute: it is read.</summary>
    Read,
    /// <summary>A KoboToolbox / ODK bookkeeping column (start, _uuid, KEY, …): skipped.</summary>
    Bookkeeping,
    /// <summary>A column that holds personal data (name, phone, GPS …): never read, never written.</summary>
    PersonalData,
    /// <summary>A column without a name.</summary>
    Unnamed,
    /// <summary>A column whose id the run's column mapping gives to another header (a 'weight' column while --weight names another).</summary>
    Replaced,
    /// <summary>
    /// One option of a KoboToolbox select_multiple (<c>grp/sources/autre</c>, 0 or 1, beside the question's own
    /// column <c>grp/sources</c>, which holds the choices and is kept): ignored.
    /// </summary>
    SelectMultipleOption,
}
