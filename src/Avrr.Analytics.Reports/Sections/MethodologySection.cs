using Avrr.Analytics.Schemes;

namespace Avrr.Analytics.Reports.Sections;

/// <summary>
/// Methodology, enough to cite: the scheme as a tree with every weight and its share of its level (said
/// loudly when the weights are the equal-weight default), the scoring rules, the survey design, how
/// standard errors and intervals are made, the suppression rule, and the engine version with the scheme's
/// and every input's SHA-256.
/// </summary>
public sealed class MethodologySection : ReportSection
{
    public override string Id => "methodology";

    public override string Title(ReportContext report) => report.T.MethodologyTitle;

    public override string? Unavailable(ReportContext report) => null;

    public override void Render(ReportContext report, Html.Html html)
    {
        var t = report.T;
        var language = report.Language;
        var manifest = report.Result.Manifest;
        var scheme = report.Result.Scheme;
        var options = scheme.Options;

        html.Element("h3", t.SchemeTitle);
        if (manifest.EqualWeights)
            html.Open("div", "warning", ("role", "note")).Element("strong", t.EqualWeightsTitle).Raw(" ").Text(scheme.IsBuiltIn ? t.EqualWeightsBuiltIn : t.EqualWeightsFile).Close("div");
        html.Element("p", string.Format(t.SchemeLead, scheme.Title(report.Language.Code), scheme.Id));
        html.Open("ul", "tree").Open("li").Element("strong", t.Composite).Text(" = " + (options.CompositeFrom == CompositeSource.Indicators ? t.CompositeOfIndicators : t.CompositeOfDimensions));
        html.Open("ul");
        var dimensionTotal = scheme.Dimensions.Sum(d => d.Weight.Value);
        foreach (var dimension in scheme.Dimensions)
        {
            html.Open("li").Element("strong", scheme.Label(dimension.Labels, dimension.Id, language.Code)).Raw(" ");
            Weight(dimension.Weight.Value, dimensionTotal);
            html.Open("ul");
            var indicatorTotal = dimension.Indicators.Sum(i => i.Weight.Value);
            foreach (var indicator in dimension.Indicators)
            {
                html.Open("li").Text(scheme.Label(indicator.Labels, indicator.Id, language.Code)).Raw(" ");
                Weight(indicator.Weight.Value, indicatorTotal);
                html.Open("ul", "questions");
                var questionTotal = indicator.Questions.Sum(q => q.Weight.Value);
                foreach (var question in indicator.Questions)
                {
                    html.Open("li").Element("span", question.Id, "code").Raw(" ").Element("span", string.Format(t.ScaleOf, question.Scale.Id), "muted").Raw(" ");
                    Weight(question.Weight.Value, questionTotal);
                    html.Close("li");
                }
                html.Close("ul").Close("li");
            }
            html.Close("ul").Close("li");
        }
        html.Close("ul").Close("li").Close("ul");

        html.Element("h3", t.RulesTitle);
        html.Open("ul");
        html.Element("li", string.Format(t.RuleMissing, string.Join(", ", scheme.SpecialAnswers.Select(s => s.Code))));
        html.Element("li", t.RuleIndicator);
        html.Element("li", string.Format(t.RuleDimension, language.Percent(options.MinDimensionCoverage)));
        html.Element("li", options.CompositeRequires == CompositeRequirement.All ? t.RuleCompositeAll : string.Format(t.RuleCompositeCoverage, language.Percent(options.MinCompositeCoverage)));
        html.Element("li", string.Format(t.RuleBands, language.Score(options.Bands.Medium), language.Score(options.Bands.High)));
        html.Element("li", t.RuleWeakest);
        html.Close("ul");

        html.Element("h3", t.DesignTitle);
        html.Open("ul");
        html.Element("li", manifest.Weighted is false
            ? string.Format(t.DesignUnweighted, manifest.Unweighted ? t.UnweightedOnPurpose : string.Format(t.UnweightedNoColumn, manifest.WeightColumn))
            : string.Format(t.DesignWeights, manifest.WeightColumn));
        html.Element("li", manifest.ClusterColumn is { } cluster ? string.Format(t.DesignClusters, cluster) : t.DesignNoClusters);
        html.Element("li", manifest.StrataColumn is { } strata ? string.Format(t.DesignStrata, strata) : t.DesignNoStrata);
        html.Element("li", t.DesignDomains);
        html.Element("li", t.DesignSe);
        if (manifest.Calibration is { } calibration)
            html.Element("li", string.Format(t.DesignCalibrated,
                string.Join("; ", calibration.Margins.Select(m => string.Join(" × ", m.Variables))),
                calibration.Method switch
                {
                    "poststratify" => t.CalibrationPoststratify,
                    "rake" => t.CalibrationRake,
                    _ when calibration.Bounds is { } b => string.Format(t.CalibrationBounded, language.Fixed(b.Lower, 2), language.Fixed(b.Upper, 2)),
                    _ => t.CalibrationLinear,
                },
                language.Fixed(calibration.DesignEffectBefore, 2), language.Fixed(calibration.DesignEffectAfter, 2)));
        // A result of an engine before --df used the design's degrees of freedom; --ci normal writes none.
        html.Element("li", !report.Aggregates.Has("df") || manifest.Ci == "normal" ? t.DesignCiNormal : manifest.DegreesOfFreedom == "domain" ? t.DesignCiT : t.DesignCiTDesign);
        html.Element("li", t.DesignQuantiles);
        html.Element("li", t.DesignPanel);
        html.Element("li", report.Findings.Decisions == Findings.Decisions.FalseDiscoveryRate ? t.DesignComparisons : t.DesignComparisonsUnadjusted);
        html.Close("ul");

        html.Element("h3", t.SuppressionTitle);
        html.Element("p", string.Format(t.SuppressionRule, manifest.MinCell));

        html.Element("h3", t.ProvenanceTitle);
        html.Open("table", "provenance").Raw("<tbody>");
        Row(t.Engine, "avrr " + manifest.EngineVersion);
        Row(t.SchemeRow, $"{scheme.Id} — {scheme.Title(report.Language.Code)} ({(scheme.IsBuiltIn ? t.BuiltIn : manifest.SchemeOrigin)})");
        Row(t.SchemeSha, manifest.SchemeSha256, "hash");
        Row(t.WeightsRow, manifest.EqualWeights ? t.EqualWeightsShort : t.OwnWeights);
        // Said only of an unweighted run, so that a weighted run's report is as it was (the design's list names its column).
        if (manifest.Weighted is false) Row(t.SamplingWeightsRow, t.SamplingWeightsNone);
        foreach (var input in manifest.Inputs) Row(string.Format(t.InputSha, input.Path), input.Sha256, "hash");
        foreach (var (variables, sha256) in manifest.Calibration?.Margins ?? []) Row(string.Format(t.CalibrationMarginRow, string.Join(" × ", variables)), sha256, "hash");
        Row(t.LevelsRow, string.Join(", ", manifest.Levels));
        Row(t.MinCellRow, language.Count(manifest.MinCell));
        html.Raw("</tbody></table>");
        if (manifest.MergedPartials is { } partials) html.Element("p", string.Format(t.MergedNote, language.Count(partials)), "note merged");
        html.Element("p", string.Format(t.Cite, manifest.EngineVersion, scheme.Id, manifest.SchemeSha256[..Math.Min(12, manifest.SchemeSha256.Length)]), "cite");

        void Weight(double weight, double total) =>
            html.Element("span", string.Format(t.WeightShare, language.Plain(weight), language.Percent(weight / total)), "weight");

        void Row(string name, string value, string? cssClass = null) => html.Raw("<tr>").Element("th", name).Element("td", value, cssClass).Raw("</tr>");
    }
}
