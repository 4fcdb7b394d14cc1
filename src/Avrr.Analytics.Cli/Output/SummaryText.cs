namespace Avrr.Analytics.Cli.Output;

/// <summary>The words of the end-of-run summary in the run's language (--lang); data files never change with it.</summary>
internal sealed record SummaryText(
    string RowsLine, string BlankRows, string TopReasons, string TooManyRejected, string Panel, string ResultsIn,
    string TableTitle, string Country, string Surveys, string Mean, string Interval, string Suppressed, string FolderFiles)
{
    public static SummaryText For(string language) => language == "fr" ? French : English;

    private static readonly SummaryText English = new(
        "[bold]{0:N0}[/] rows read, [green]{1:N0}[/] scored, [yellow]{2:N0}[/] rejected ({3:0.0} s)",
        "{0:N0} blank rows (every field empty) were passed over.",
        "Top reject reasons:",
        "Warning: {0:0.##%} of the rows were rejected, more than the {1:0.##%} allowed (--max-rejected-share): the run ends with exit code 1. Check rejects.csv.",
        "{0:N0} returnees have two or more surveys: see panel_change.",
        "Results in",
        "Composite score by country (95% CI)", "country", "surveys", "mean", "95% CI", "suppressed (n < {0})", "{0} ({1} files)");

    private static readonly SummaryText French = new(
        "[bold]{0:N0}[/] lignes lues, [green]{1:N0}[/] scorées, [yellow]{2:N0}[/] rejetées ({3:0.0} s)",
        "{0:N0} lignes vides (tous les champs vides) ont été ignorées.",
        "Principaux motifs de rejet :",
        "Attention : {0:0.##%} des lignes ont été rejetées, plus que les {1:0.##%} admis (--max-rejected-share) : la commande se termine avec le code 1. Voir rejects.csv.",
        "{0:N0} personnes de retour ont deux enquêtes ou plus : voir panel_change.",
        "Résultats dans",
        "Score composite par pays (IC à 95 %)", "pays", "enquêtes", "moyenne", "IC à 95 %", "masqué (n < {0})", "{0} ({1} fichiers)");
}
