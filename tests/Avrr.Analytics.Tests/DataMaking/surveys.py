"""The eight hand-written surveys of the "same surveys, different format" fixtures.

Every answer is given as its XLSForm code (docs/instrument.md); the formats below write the code, the
English or the French label. The expected scores of each survey are worked out by hand in
Reading/SameSurveysTests.cs from these answers, never from the engine's output.
"""

# question id, scale, Kobo group path (slash form; ODK uses '-')
QUESTIONS = [
    ("econ_satisfaction", "satisfaction5", "grp_eco"),
    ("food_reduction_freq", "never_good5", "grp_eco"),
    ("can_borrow", "yes_good", "grp_eco/grp_debt"),
    ("borrow_freq", "never_good5", "grp_eco/grp_debt"),
    ("debt_level", "debt3", "grp_eco/grp_debt"),
    ("currently_working", "yes_good", "grp_eco/grp_work"),
    ("job_access", "quality5", "grp_eco/grp_work"),
    ("owns_productive_assets", "yes_good", "grp_eco"),
    ("income_sources", "count0to3", "grp_eco"),
    ("housing_access", "quality5", "grp_soc"),
    ("housing_standard", "quality5", "grp_soc"),
    ("children_in_school", "yes_good", "grp_soc"),
    ("has_id_documents", "yes_good", "grp_soc"),
    ("justice_access", "quality5", "grp_soc"),
    ("water_access", "quality5", "grp_soc/grp_services"),
    ("health_access", "quality5", "grp_soc/grp_services/grp_health"),
    ("health_quality", "quality5", "grp_soc/grp_services/grp_health"),
    ("public_services_access", "quality5", "grp_soc/grp_services"),
    ("social_protection", "yes_good", "grp_soc/grp_services"),
    ("social_activities_freq", "often_good5", "grp_psy"),
    ("support_network", "yes_good", "grp_psy"),
    ("feel_part_of_community", "agree5", "grp_psy"),
    ("discrimination_freq", "never_good5", "grp_psy"),
    ("feels_safe", "agree5", "grp_psy"),
    ("family_tension_freq", "never_good5", "grp_psy"),
    ("distress_freq", "never_good5", "grp_psy"),
    ("wants_psych_support", "no_good", "grp_psy"),
    ("able_to_stay", "agree5", "grp_psy"),
    ("remigration_intent", "no_good", "grp_psy"),
]

RECORD = ["returnee_id", "country", "community", "survey_date", "round", "weight", "sex"]

# returnee_id, country, community, survey_date, round, weight (None: empty), sex, then the 29 answers
# in QUESTIONS order ("" is an empty cell).
SURVEYS = [
    # S1: every answer the best one -> every score 1.
    ("R001", "SEN", "Dakar", "2026-07-14", "baseline", 1.0, "female",
     ["5", "never", "yes", "never", "no_debt", "yes", "very_good", "yes", "3",
      "very_good", "very_good", "yes", "yes", "very_good", "very_good", "very_good", "very_good", "very_good", "yes",
      "very_often", "yes", "strongly_agree", "never", "strongly_agree", "never", "never", "no", "strongly_agree", "no"]),
    # S2: every answer the worst one -> every score 0.
    ("R002", "SEN", "Thiès", "2026-07-15", "baseline", 1.25, "male",
     ["1", "very_often", "no", "very_often", "debt_above_spending", "no", "very_poor", "no", "0",
      "very_poor", "very_poor", "no", "no", "very_poor", "very_poor", "very_poor", "very_poor", "very_poor", "no",
      "never", "no", "strongly_disagree", "very_often", "strongly_disagree", "very_often", "very_often", "yes", "strongly_disagree", "yes"]),
    # S3: middle answers; children_in_school na (education missing).
    ("R003", "GIN", "Conakry", "2026-08-03", "baseline", 0.8, "female",
     ["3", "sometimes", "yes", "sometimes", "debt_below_spending", "no", "fair", "yes", "2",
      "fair", "poor", "na", "yes", "fair", "good", "fair", "poor", "fair", "no",
      "sometimes", "yes", "neutral", "rarely", "agree", "sometimes", "often", "yes", "neutral", "yes"]),
    # S4: dk for econ_satisfaction, refused for housing_access.
    ("R004", "GIN", "N'Zérékoré", "2026-08-04", "baseline", 2.0, "male",
     ["dk", "often", "no", "often", "debt_above_spending", "yes", "poor", "no", "1",
      "refused", "fair", "yes", "no", "very_poor", "fair", "good", "fair", "poor", "yes",
      "rarely", "no", "disagree", "often", "neutral", "rarely", "sometimes", "no", "disagree", "no"]),
    # S5: no weight, no community; psychosocial has 2 of 5 indicators (coverage 0.4 < 0.6) -> composite missing.
    ("R005", "MLI", "", "2026-09-30", "baseline", None, "female",
     ["4", "rarely", "yes", "rarely", "debt_below_spending", "yes", "good", "yes", "5",
      "good", "good", "yes", "yes", "good", "good", "good", "good", "good", "yes",
      "often", "yes", "agree", "", "dk", "refused", "na", "", "dk", ""]),
    # S6: a later quarter (2026-Q4).
    ("R006", "MLI", "Bamako", "2026-10-01", "baseline", 1.5, "male",
     ["2", "very_often", "yes", "never", "no_debt", "no", "very_poor", "no", "0",
      "very_good", "very_good", "no", "yes", "poor", "very_good", "very_good", "good", "very_good", "no",
      "very_often", "yes", "strongly_agree", "never", "strongly_disagree", "very_often", "rarely", "no", "agree", "no"]),
    # S7: R001's follow-up; economic and psychosocial tie at 0.825 -> weakest is economic (scheme order).
    ("R001", "SEN", "Dakar", "2026-12-01", "follow_up", 1.0, "female",
     ["4", "rarely", "yes", "rarely", "debt_below_spending", "yes", "good", "yes", "3",
      "good", "good", "yes", "yes", "good", "good", "good", "good", "good", "yes",
      "often", "yes", "agree", "rarely", "agree", "rarely", "rarely", "no", "agree", "no"]),
    # S8: children_in_school na; psychosocial weakest.
    ("R008", "CIV", "Abidjan", "2026-07-20", "baseline", 0.5, "female",
     ["5", "never", "no", "rarely", "no_debt", "yes", "fair", "yes", "3",
      "poor", "very_poor", "na", "yes", "good", "poor", "poor", "very_poor", "fair", "yes",
      "never", "no", "disagree", "sometimes", "agree", "never", "very_often", "yes", "strongly_disagree", "yes"]),
]

LABELS = {
    "satisfaction5": {
        "1": ("Very dissatisfied", "Très insatisfait"), "2": ("Dissatisfied", "Insatisfait"),
        "3": ("Neither satisfied nor dissatisfied", "Ni satisfait ni insatisfait"),
        "4": ("Satisfied", "Satisfait"), "5": ("Very satisfied", "Très satisfait")},
    "quality5": {
        "very_poor": ("Very poor", "Très mauvais"), "poor": ("Poor", "Mauvais"), "fair": ("Fair", "Moyen"),
        "good": ("Good", "Bon"), "very_good": ("Very good", "Très bon")},
    "agree5": {
        "strongly_disagree": ("Strongly disagree", "Pas du tout d’accord"), "disagree": ("Disagree", "Pas d’accord"),
        "neutral": ("Neither agree nor disagree", "Ni d’accord ni pas d’accord"), "agree": ("Agree", "D’accord"),
        "strongly_agree": ("Strongly agree", "Tout à fait d’accord")},
    "never_good5": {
        "never": ("Never", "Jamais"), "rarely": ("Rarely", "Rarement"), "sometimes": ("Sometimes", "Parfois"),
        "often": ("Often", "Souvent"), "very_often": ("Very often", "Très souvent")},
    "yes_good": {"yes": ("Yes", "Oui"), "no": ("No", "Non")},
    "debt3": {
        "no_debt": ("No debt", "Pas de dette"),
        "debt_below_spending": ("Debt smaller than monthly spending", "Dette inférieure aux dépenses mensuelles"),
        "debt_above_spending": ("Debt larger than monthly spending", "Dette supérieure aux dépenses mensuelles")},
}
LABELS["often_good5"] = LABELS["never_good5"]
LABELS["no_good"] = LABELS["yes_good"]
SPECIAL = {"dk": ("Don't know", "Ne sait pas"), "refused": ("Refused to answer", "Refuse de répondre"),
           "na": ("Not applicable", "Non applicable")}


def label(scale, code, lang):
    """The label of an answer in 'en' or 'fr'; counts and empty cells stay as they are."""
    i = 0 if lang == "en" else 1
    if code == "":
        return ""
    if code in SPECIAL:
        return SPECIAL[code][i]
    if scale == "count0to3":
        return code
    return LABELS[scale][code][i]


def weight_text(w, decimal=".", integer_form=False):
    if w is None:
        return ""
    text = repr(w)
    if text.endswith(".0"):
        text = text[:-2]
    return text.replace(".", decimal)
