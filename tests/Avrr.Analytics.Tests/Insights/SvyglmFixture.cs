using System.Globalization;
using Avrr.Analytics.Estimation;
using Avrr.Analytics.Insights.Drivers;

namespace Avrr.Analytics.Tests.Insights;

/// <summary>
/// Reference/drivers-fixture.csv fitted by the engine's survey-weighted linear model in the three designs of
/// Reference/svyglm.R: the outcomes composite, economic, social, psychosocial on sex + age_group +
/// assistance_type + country + noise, each a factor with its levels in byte order. Without clusters every survey
/// is its own PSU (the model's per-cell sums); "strata_rows_as_clusters" is the same design as "strata" given
/// with one cluster per survey (PSU totals).
/// </summary>
internal static class SvyglmFixture
{
    public static readonly string[] Outcomes = ["composite", "economic", "social", "psychosocial"];
    public static readonly string[] Terms = ["sex", "age_group", "assistance_type", "country", "noise"];

    public static IReadOnlyList<LinearFit> Fit(string designName) => designName switch
    {
        "weights" => Fit(clustered: false, stratified: false),
        "clusters" => Fit(clustered: true, stratified: false),
        "strata" => Fit(clustered: false, stratified: true),
        "strata_rows_as_clusters" => Fit(clustered: true, stratified: true, rowsAsClusters: true),
        _ => Fit(clustered: true, stratified: true),
    };

    private static IReadOnlyList<LinearFit> Fit(bool clustered, bool stratified, bool rowsAsClusters = false)
    {
        var rows = CsvRecords.ReadTable(TestFiles.Reference("drivers-fixture.csv"));
        var terms = Terms.Select(t => FactorTerm.Of(t, rows.Select(r => r[t]))).ToArray();
        var model = new SurveyLinearModel(new TreatmentCoding(terms), Outcomes.Length);
        var design = new SurveyDesign(clustered, stratified);
        var strata = new Dictionary<string, int>();
        var clusters = new Dictionary<string, int>();
        int Id(Dictionary<string, int> ids, string key) => ids.TryGetValue(key, out var id) ? id : ids[key] = ids.Count;
        var surveys = new List<(int Stratum, long Psu, int Cell, double Weight, double[] Y)>();
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            var stratum = stratified ? Id(strata, row["stratum"]) : 0;
            var cluster = Id(clusters, rowsAsClusters ? row["row_id"] : row["cluster"]);
            design.AddSurvey(stratum, cluster);
            var levels = terms.Select(t => t.Levels.ToList().IndexOf(row[t.Name])).ToArray();
            var cell = model.CellOf(levels);
            var weight = double.Parse(row["weight"], CultureInfo.InvariantCulture);
            var y = Outcomes.Select(o => row[o].Length == 0 ? double.NaN : double.Parse(row[o], CultureInfo.InvariantCulture)).ToArray();
            model.Add(stratum, cell, weight, y);
            surveys.Add((stratum, cluster, cell, weight, y));
        }
        model.Solve();
        if (clustered)
            // Two groups of PSUs, as spill buckets would hand them over: every survey of a PSU in one group.
            foreach (var group in surveys.GroupBy(s => s.Psu % 2))
            {
                foreach (var s in group) model.AddResidual(s.Stratum, s.Psu, s.Cell, s.Weight, s.Y);
                model.EndPsus();
            }
        return model.Fit(design);
    }
}
