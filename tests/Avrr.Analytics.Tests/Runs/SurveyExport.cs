using System.Globalization;
using System.Text;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>How every question of one dimension of rss-15 is answered in a hand-made survey.</summary>
internal enum DimensionAnswers
{
    /// <summary>Every question gets the answer that scores 0: the dimension scores 0.</summary>
    Worst,
    /// <summary>Every question gets the answer that scores 1: the dimension scores 1.</summary>
    Best,
    /// <summary>Every question is "dk": the dimension (and so the composite) is missing.</summary>
    DontKnow,
}

/// <summary>
/// Writes small plain-CSV survey exports for rss-15 (the record columns and the 29 question ids), where
/// each dimension is answered all-worst, all-best or all-"don't know". With rss-15's equal weights a
/// survey's dimension scores are then exactly 0, 1 or missing, and its composite is
/// (number of dimensions answered best) / 3 — missing when any dimension is "dk" (compositeRequires =
/// all). That keeps the expected numbers of the tests easy to compute by hand.
/// </summary>
internal sealed class SurveyExport
{
    // The 29 questions of rss-15 by dimension, each with the answer code scoring 1 and the one scoring 0
    // (instrument scales: satisfaction5, never_good5, yes_good, debt3, quality5, count0to3, often_good5,
    // agree5, no_good). Written out here rather than read from the scheme, so that a wrong scale in the
    // scheme would show.
    private static readonly (string Id, string Best, string Worst)[][] Questions =
    [
        [
            ("econ_satisfaction", "5", "1"), ("food_reduction_freq", "never", "very_often"), ("can_borrow", "yes", "no"),
            ("borrow_freq", "never", "very_often"), ("debt_level", "no_debt", "debt_above_spending"),
            ("currently_working", "yes", "no"), ("job_access", "very_good", "very_poor"),
            ("owns_productive_assets", "yes", "no"), ("income_sources", "3", "0"),
        ],
        [
            ("housing_access", "very_good", "very_poor"), ("housing_standard", "very_good", "very_poor"),
            ("children_in_school", "yes", "no"), ("has_id_documents", "yes", "no"), ("justice_access", "very_good", "very_poor"),
            ("water_access", "very_good", "very_poor"), ("health_access", "very_good", "very_poor"),
            ("health_quality", "very_good", "very_poor"), ("public_services_access", "very_good", "very_poor"),
            ("social_protection", "yes", "no"),
        ],
        [
            ("social_activities_freq", "very_often", "never"), ("support_network", "yes", "no"),
            ("feel_part_of_community", "strongly_agree", "strongly_disagree"), ("discrimination_freq", "never", "very_often"),
            ("feels_safe", "strongly_agree", "strongly_disagree"), ("family_tension_freq", "never", "very_often"),
            ("distress_freq", "never", "very_often"), ("wants_psych_support", "no", "yes"),
            ("able_to_stay", "strongly_agree", "strongly_disagree"), ("remigration_intent", "no", "yes"),
        ],
    ];

    private readonly string[] _attributes;
    private readonly List<string> _lines = [];

    /// <param name="attributes">Extra attribute columns (after weight), given per survey in <see cref="Add"/>.</param>
    public SurveyExport(params string[] attributes)
    {
        _attributes = attributes;
        _lines.Add(string.Join(',', new[] { "returnee_id", "country", "community", "survey_date", "round", "weight" }
            .Concat(attributes).Concat(Questions.SelectMany(d => d.Select(q => q.Id)))));
    }

    public static int QuestionCount => Questions.Sum(d => d.Length);

    public SurveyExport Add(string returneeId, string country, string community, string date, string round, double weight,
        DimensionAnswers economic, DimensionAnswers social, DimensionAnswers psychosocial, params string[] attributeValues)
    {
        if (attributeValues.Length != _attributes.Length) throw new ArgumentException("one value per attribute column");
        var fields = new List<string> { returneeId, country, community, date, round, weight.ToString("R", CultureInfo.InvariantCulture) };
        fields.AddRange(attributeValues);
        DimensionAnswers[] answers = [economic, social, psychosocial];
        for (var d = 0; d < Questions.Length; d++)
            foreach (var (_, best, worst) in Questions[d])
                fields.Add(answers[d] switch { DimensionAnswers.Best => best, DimensionAnswers.Worst => worst, _ => "dk" });
        if (fields.Any(f => f.Contains(',') || f.Contains('"'))) throw new ArgumentException("fields of a hand-made export carry no comma or quote");
        _lines.Add(string.Join(',', fields));
        return this;
    }

    /// <summary>Writes the export (UTF-8, no BOM, LF) and returns its path.</summary>
    public string Write(string folder, string name = "surveys.csv")
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, string.Join('\n', _lines) + "\n", new UTF8Encoding(false));
        return path;
    }
}
