namespace Avrr.Analytics.Tests;

/// <summary>
/// The tables of docs/instrument.md, copied here by hand: the independent source that the
/// built-in scheme, the decoder and the scores are checked against. Never filled from the engine.
/// </summary>
internal static class InstrumentTables
{
    public sealed record Choice(string Code, double Score, string En, string Fr);

    public sealed record QuestionRow(string Dimension, string Indicator, string Question, string Scale);

    public sealed record Special(string Code, string En, string Fr);

    private static readonly Choice[] Frequency =
    [
        new("never", double.NaN, "Never", "Jamais"),
        new("rarely", double.NaN, "Rarely", "Rarement"),
        new("sometimes", double.NaN, "Sometimes", "Parfois"),
        new("often", double.NaN, "Often", "Souvent"),
        new("very_often", double.NaN, "Very often", "Très souvent"),
    ];

    private static Choice[] WithScores(Choice[] choices, params double[] scores) =>
        choices.Select((c, i) => c with { Score = scores[i] }).ToArray();

    /// <summary>The choice scales (code → score, EN / FR labels). count0to3 is a number and is not listed here.</summary>
    public static readonly IReadOnlyDictionary<string, Choice[]> ChoiceScales = new Dictionary<string, Choice[]>
    {
        ["satisfaction5"] =
        [
            new("1", 0, "Very dissatisfied", "Très insatisfait"),
            new("2", 0.25, "Dissatisfied", "Insatisfait"),
            new("3", 0.5, "Neither satisfied nor dissatisfied", "Ni satisfait ni insatisfait"),
            new("4", 0.75, "Satisfied", "Satisfait"),
            new("5", 1, "Very satisfied", "Très satisfait"),
        ],
        ["quality5"] =
        [
            new("very_poor", 0, "Very poor", "Très mauvais"),
            new("poor", 0.25, "Poor", "Mauvais"),
            new("fair", 0.5, "Fair", "Moyen"),
            new("good", 0.75, "Good", "Bon"),
            new("very_good", 1, "Very good", "Très bon"),
        ],
        ["agree5"] =
        [
            new("strongly_disagree", 0, "Strongly disagree", "Pas du tout d'accord"),
            new("disagree", 0.25, "Disagree", "Pas d'accord"),
            new("neutral", 0.5, "Neither agree nor disagree", "Ni d'accord ni pas d'accord"),
            new("agree", 0.75, "Agree", "D'accord"),
            new("strongly_agree", 1, "Strongly agree", "Tout à fait d'accord"),
        ],
        // Frequency of something bad: never is best.
        ["never_good5"] = WithScores(Frequency, 1, 0.75, 0.5, 0.25, 0),
        // Frequency of something good: very often is best.
        ["often_good5"] = WithScores(Frequency, 0, 0.25, 0.5, 0.75, 1),
        ["yes_good"] = [new("yes", 1, "Yes", "Oui"), new("no", 0, "No", "Non")],
        ["no_good"] = [new("yes", 0, "Yes", "Oui"), new("no", 1, "No", "Non")],
        ["debt3"] =
        [
            new("no_debt", 1, "No debt", "Pas de dette"),
            new("debt_below_spending", 0.5, "Debt smaller than monthly spending", "Dette inférieure aux dépenses mensuelles"),
            new("debt_above_spending", 0, "Debt larger than monthly spending", "Dette supérieure aux dépenses mensuelles"),
        ],
    };

    /// <summary>The count scale: a whole number n ≥ 0 scores min(n, 3) / 3.</summary>
    public const string CountScale = "count0to3";
    public const int CountMax = 3;

    public static double CountScore(int n) => Math.Min(n, CountMax) / (double)CountMax;

    /// <summary>All 9 scale ids, in the order of docs/instrument.md.</summary>
    public static readonly string[] ScaleIds =
        ["satisfaction5", "quality5", "agree5", "never_good5", "often_good5", "yes_good", "no_good", "debt3", "count0to3"];

    public static readonly Special[] SpecialAnswers =
    [
        new("dk", "Don't know", "Ne sait pas"),
        new("refused", "Refused to answer", "Refuse de répondre"),
        new("na", "Not applicable", "Non applicable"),
    ];

    public static readonly string[] Dimensions = ["economic", "social", "psychosocial"];

    /// <summary>The question tables of docs/instrument.md, in their order.</summary>
    public static readonly QuestionRow[] Questions =
    [
        new("economic", "econ_satisfaction", "econ_satisfaction", "satisfaction5"),
        new("economic", "food_security", "food_reduction_freq", "never_good5"),
        new("economic", "debt", "can_borrow", "yes_good"),
        new("economic", "debt", "borrow_freq", "never_good5"),
        new("economic", "debt", "debt_level", "debt3"),
        new("economic", "employment", "currently_working", "yes_good"),
        new("economic", "employment", "job_access", "quality5"),
        new("economic", "productive_assets", "owns_productive_assets", "yes_good"),
        new("economic", "productive_assets", "income_sources", "count0to3"),

        new("social", "housing", "housing_access", "quality5"),
        new("social", "housing", "housing_standard", "quality5"),
        new("social", "education", "children_in_school", "yes_good"),
        new("social", "documentation_justice", "has_id_documents", "yes_good"),
        new("social", "documentation_justice", "justice_access", "quality5"),
        new("social", "basic_services", "water_access", "quality5"),
        new("social", "basic_services", "health_access", "quality5"),
        new("social", "basic_services", "health_quality", "quality5"),
        new("social", "public_services", "public_services_access", "quality5"),
        new("social", "public_services", "social_protection", "yes_good"),

        new("psychosocial", "social_participation", "social_activities_freq", "often_good5"),
        new("psychosocial", "social_participation", "support_network", "yes_good"),
        new("psychosocial", "belonging", "feel_part_of_community", "agree5"),
        new("psychosocial", "belonging", "discrimination_freq", "never_good5"),
        new("psychosocial", "safety", "feels_safe", "agree5"),
        new("psychosocial", "safety", "family_tension_freq", "never_good5"),
        new("psychosocial", "wellbeing", "distress_freq", "never_good5"),
        new("psychosocial", "wellbeing", "wants_psych_support", "no_good"),
        new("psychosocial", "remigration", "able_to_stay", "agree5"),
        new("psychosocial", "remigration", "remigration_intent", "no_good"),
    ];

    /// <summary>
    /// The score of one raw answer as docs/instrument.md defines it, or null when it is a missing answer
    /// (empty, dk, refused, na). Codes only: that is what the sample generator writes.
    /// </summary>
    public static double? ScoreOfCode(string scale, string answer)
    {
        var text = answer.Trim();
        if (text.Length == 0 || SpecialAnswers.Any(s => s.Code == text)) return null;
        if (scale == CountScale) return CountScore(int.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
        return ChoiceScales[scale].Single(c => c.Code == text).Score;
    }
}
