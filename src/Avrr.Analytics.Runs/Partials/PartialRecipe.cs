using System.Globalization;
using System.Text;
using Avrr.Analytics.Grouping;
using Avrr.Analytics.IO.Partials;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Runs.Partials;

/// <summary>
/// The SQL recipe (docs/partials.md, "The SQL recipe"): statements that compute a partial's tables from a
/// returnee_scores tree (<c>--partition-by</c>) with GROUP BY and window functions only, for DuckDB or Spark SQL,
/// written for a run's settings (measures, bands, grouping and design columns, panel) so that a team on a data
/// lake computes partials where the data are and <c>avrr partial seal</c>, then <c>avrr merge</c>, turn them into the
/// published tables. Each cell's shift is its smallest value; the order of surveys is the tree's survey_order.
/// </summary>
public static class PartialRecipe
{
    /// <summary>The variable (DuckDB) or substitution (Spark) that holds the salt of returnee hashes: never written into the recipe.</summary>
    public const string SaltVariable = "avrr_salt";

    public static string Sql(EstimationPlan plan, PartialPanel panel, string tree, string output, SqlDialect dialect)
    {
        if (PathProblem(tree, dialect, tree: true) is { } treeProblem) throw new ArgumentException($"The tree {SqlText.Shown(tree)} {treeProblem}.", nameof(tree));
        if (PathProblem(output, dialect, tree: false) is { } outputProblem) throw new ArgumentException($"The folder {SqlText.Shown(output)} {outputProblem}.", nameof(output));
        RefuseSubstitutedNames(plan, dialect);
        return new Writer(plan, panel, tree.TrimEnd('/'), output.TrimEnd('/'), dialect).Write();
    }

    /// <summary>
    /// Why a path cannot be written into the recipe, or null: a control character (no folder of a data lake holds
    /// one), or in the tree that the recipe reads, a character the engine reads as a pattern of file names (DuckDB's
    /// read_parquet: <c>* ? [ \</c>; Spark's paths: <c>* ? [ { \</c>), which would read other files than the tree's.
    /// </summary>
    public static string? PathProblem(string path, SqlDialect dialect, bool tree)
    {
        if (SqlText.ControlCharacter(path) is { } control) return $"holds a control character ({control}), which no folder of a data lake should hold";
        if (!tree) return null;
        var at = path.AsSpan().IndexOfAny("*?[{\\");
        if (at < 0 || (path[at] == '{' && dialect == SqlDialect.DuckDb)) return null;
        return $"holds '{path[at]}', which {(dialect == SqlDialect.DuckDb ? "DuckDB's read_parquet" : "Spark")} reads as a pattern of file names " +
            "(a backslash as an escape); give the tree's folder without it (with / between folders, which both read on Windows too)";
    }

    /// <summary>
    /// Spark substitutes <c>${…}</c> anywhere in the text, also inside a quoted name, where it cannot be escaped: such a
    /// column is refused for Spark, naming its setting (a path is escaped, <see cref="SqlText.String"/>).
    /// </summary>
    private static void RefuseSubstitutedNames(EstimationPlan plan, SqlDialect dialect)
    {
        if (dialect != SqlDialect.Spark) return;
        const string problem = "holds ${, which spark-sql substitutes even inside a quoted name; rename the column, or use the DuckDB recipe";
        foreach (var level in plan.Levels)
            foreach (var variable in level.Variables)
                if (variable.Contains("${", StringComparison.Ordinal)) throw new SettingsException(RunSetting.Levels, SqlText.Shown(variable), problem);
        if (plan.ClusterColumn?.Contains("${", StringComparison.Ordinal) == true) throw new SettingsException(RunSetting.Cluster, SqlText.Shown(plan.ClusterColumn), problem);
        if (plan.StrataColumn?.Contains("${", StringComparison.Ordinal) == true) throw new SettingsException(RunSetting.Strata, SqlText.Shown(plan.StrataColumn), problem);
    }

    private sealed class Writer(EstimationPlan plan, PartialPanel panel, string tree, string output, SqlDialect dialect)
    {
        private readonly StringBuilder _sql = new();
        private readonly IReadOnlyList<string> _variables = new GroupTable(plan.Levels).Variables;
        private readonly bool _duck = dialect == SqlDialect.DuckDb;

        private string Quote(string text) => SqlText.String(text, dialect);
        private string Double(double value) => $"CAST({Quote(value.ToString("R", CultureInfo.InvariantCulture))} AS DOUBLE)";
        private static string Zero => "CAST(0 AS DOUBLE)";
        private string Ident(string column) => SqlText.Name(column, dialect);
        /// <summary>A value in a comment: nothing in it can end the comment's line.</summary>
        private string Say(string text) => SqlText.Comment(text, dialect);

        /// <summary>The tree's column of a measure: composite_score, economic_score, indicator_debt.</summary>
        private string TreeColumn(string measure) =>
            measure == "composite" ? "composite_score" : measure.StartsWith("indicator_", StringComparison.Ordinal) ? measure : ScoreColumns.DimensionColumn(measure);

        private static string M(int measure) => "m" + measure.ToString(CultureInfo.InvariantCulture);
        private static string V(int variable) => "v" + variable.ToString(CultureInfo.InvariantCulture);

        private void Line(string text) => _sql.Append(text).Append('\n');

        /// <summary>A named query; a stored one is computed once (DuckDB: a temporary table, Spark: a cached view), as the tables read it several times.</summary>
        private void View(string name, string select, bool stored = false)
        {
            Line(stored && _duck ? $"CREATE OR REPLACE TEMPORARY TABLE {name} AS" : $"CREATE OR REPLACE TEMPORARY VIEW {name} AS");
            Line(select + ";");
            if (stored && !_duck) Line($"CACHE TABLE {name};");
            Line("");
        }

        private void Table(PartialTable table, string select)
        {
            Line($"-- {table.Name}");
            if (_duck) Line($"COPY ({select}) TO {Quote(output + "/" + table.File)} (FORMAT parquet);");
            else Line($"INSERT OVERWRITE DIRECTORY {Quote(output + "/" + table.Name)} USING parquet {select};");
            Line("");
        }

        private string GroupValue(string column) => $"coalesce(nullif(trim(CAST({Ident(column)} AS STRING)), ''), {Quote(SurveyColumns.UnknownCommunity)})";

        public string Write()
        {
            var measures = plan.Measures;
            var cells = Enumerable.Range(0, _variables.Count).Select(V).ToArray();
            var cellKey = string.Join(", ", cells);
            var bands = plan.Scheme.Options.Bands;
            Line("-- The sufficient statistics of an avrr partial (docs/partials.md, \"The SQL recipe\"), written by avrr partial sql for:");
            Line($"--   scheme {Say(plan.Scheme.Id)} (SHA-256 {plan.Scheme.Sha256}); measures {Say(string.Join(", ", measures))}");
            Line($"--   grouping columns {Say(string.Join(", ", _variables))}; weight {Say(plan.WeightColumn)}; cluster {Say(plan.ClusterColumn ?? "none")}; " +
                $"strata {Say(plan.StrataColumn ?? "none")}; panel {PartialDescriptor.PanelName(panel)}");
            Line($"-- Then: avrr partial seal {Say(output)} with the same settings, and avrr merge.");
            if (panel == PartialPanel.Returnees)
                Line(_duck ? $"-- Before it: SET VARIABLE {SaltVariable} = '…'; (the organisation's secret salt; never store it in this file)"
                    : $"-- Run with: spark-sql --hivevar {SaltVariable}=\"$AVRR_PARTIAL_SALT\" -f this.sql (the organisation's secret salt; never store it in this file)");
            Line("");
            if (_duck) View("avrr_scores", $"SELECT * FROM read_parquet({Quote(tree + "/**/*.parquet")}, hive_partitioning = true, hive_types_autocast = false)");
            else
            {
                Line("SET spark.sql.sources.partitionColumnTypeInference.enabled = false;");
                Line("");
                Line($"CREATE OR REPLACE TEMPORARY VIEW avrr_scores USING parquet OPTIONS (path {Quote(tree)});");
                Line("");
            }

            // One row per scored survey: its cell's values, weight, design labels, order, date, id and measures.
            var select = new List<string>();
            for (var v = 0; v < _variables.Count; v++) select.Add($"{GroupValue(_variables[v])} AS {V(v)}");
            select.Add($"CAST({Ident(SurveyColumns.Weight)} AS DOUBLE) AS w");
            select.Add(plan.StrataColumn is { } strata ? $"{GroupValue(strata)} AS stratum_label" : "'' AS stratum_label");
            select.Add(plan.ClusterColumn is { } cluster ? $"{GroupValue(cluster)} AS cluster_label" : "'' AS cluster_label");
            select.Add($"CAST({Ident(ScoresParquetWriter.SurveyOrder)} AS BIGINT) AS survey_order");
            select.Add($"{Ident(SurveyColumns.SurveyDate)} AS survey_date");
            select.Add($"trim(CAST({Ident(SurveyColumns.ReturneeId)} AS STRING)) AS returnee_id");
            select.Add($"nullif(trim(CAST({Ident(SurveyColumns.Round)} AS STRING)), '') AS survey_round");
            for (var m = 0; m < measures.Count; m++) select.Add($"CAST({Ident(TreeColumn(measures[m]))} AS DOUBLE) AS {M(m)}");
            View("avrr_base", "SELECT " + string.Join(",\n       ", select) + "\nFROM avrr_scores");

            View("avrr_cells", $"SELECT CAST(row_number() OVER (ORDER BY {cellKey}) - 1 AS BIGINT) AS cell, {cellKey}, n_rows\n" +
                $"FROM (SELECT {cellKey}, CAST(count(*) AS BIGINT) AS n_rows FROM avrr_base GROUP BY {cellKey}) c", stored: true);
            View("avrr_strata", "SELECT CAST(row_number() OVER (ORDER BY stratum_label) - 1 AS BIGINT) AS stratum, stratum_label, psus\n" +
                $"FROM (SELECT stratum_label, CAST({(plan.Clustered ? "count(DISTINCT cluster_label)" : "count(*)")} AS BIGINT) AS psus FROM avrr_base GROUP BY stratum_label) s", stored: true);
            View("avrr_psus", "SELECT CAST(row_number() OVER (ORDER BY stratum_label, cluster_label) - 1 AS BIGINT) AS psu, stratum_label, cluster_label\n" +
                "FROM (SELECT DISTINCT stratum_label, cluster_label FROM avrr_base) p", stored: true);
            var onCell = string.Join(" AND ", cells.Select(v => $"b.{v} = c.{v}"));
            View("avrr_rows", "SELECT c.cell, s.stratum, p.psu, b.*\nFROM avrr_base b\n" +
                $"JOIN avrr_cells c ON {onCell}\nJOIN avrr_strata s ON b.stratum_label = s.stratum_label\n" +
                "JOIN avrr_psus p ON b.stratum_label = p.stratum_label AND b.cluster_label = p.cluster_label", stored: true);

            Table(PartialTables.Cells(_variables), $"SELECT cell, {string.Join(", ", cells.Select((v, i) => $"{v} AS {Ident(_variables[i])}"))}, n_rows FROM avrr_cells");
            Table(PartialTables.Strata(), $"SELECT stratum, {(plan.Stratified ? "stratum_label" : "CAST(NULL AS STRING)")} AS label, psus FROM avrr_strata");
            if (plan.Clustered)
                Table(PartialTables.Psus(), "SELECT p.psu, s.stratum, p.cluster_label AS cluster FROM avrr_psus p JOIN avrr_strata s ON p.stratum_label = s.stratum_label");

            Sums("avrr", "avrr_rows", "cell", "stratum", "psu", "", values: true);
            if (!plan.Clustered) Pairs();

            // Each returnee's surveys in order (survey_date, then the tree's order): the first and the last.
            View("avrr_ordered", "SELECT r.*, row_number() OVER (PARTITION BY returnee_id ORDER BY survey_date, survey_order) AS k,\n" +
                "       count(*) OVER (PARTITION BY returnee_id) AS surveys\nFROM avrr_rows r", stored: true);
            if (panel == PartialPanel.Cells) Panel();
            else Returnees();

            var panelCount = panel == PartialPanel.Cells ? "(SELECT count(*) FROM avrr_pairs)" : "(SELECT count(*) FROM avrr_ordered WHERE k = 2)";
            Table(PartialTables.Accounting, "SELECT CAST(count(*) AS BIGINT) AS rows_scored, CAST(max(survey_order) + 1 AS BIGINT) AS surveys, " +
                "min(survey_date) AS first_survey_date, max(survey_date) AS last_survey_date, CAST(count(DISTINCT returnee_id) AS BIGINT) AS returnees, " +
                $"CAST({panelCount} AS BIGINT) AS panel_returnees FROM avrr_rows");
            return _sql.ToString();
        }

        /// <summary>
        /// The measures in long form with each cell's shift (its smallest value), then the tables of sums:
        /// measures, strata_sums or psu_sums, and values (the main cells only).
        /// </summary>
        private void Sums(string view, string rows, string cell, string stratum, string psu, string prefix, bool values)
        {
            var measures = plan.Measures;
            var bands = plan.Scheme.Options.Bands;
            View($"{view}_long", string.Join("\nUNION ALL\n", measures.Select((name, m) =>
                $"SELECT {cell} AS cell, {stratum} AS stratum, {psu} AS psu, survey_order, w, {Quote(name)} AS measure, {M(m)} AS y FROM {rows} WHERE {M(m)} IS NOT NULL")));
            View($"{view}_shifts", $"SELECT cell, measure, min(y) AS c FROM {view}_long GROUP BY cell, measure", stored: true);
            View($"{view}_shifted", $"SELECT l.*, l.y - s.c AS d, s.c AS c FROM {view}_long l JOIN {view}_shifts s ON l.cell = s.cell AND l.measure = s.measure", stored: true);
            Table(PartialTables.Measures(prefix), "SELECT cell, measure, CAST(count(*) AS BIGINT) AS n, sum(w) AS weight_sum, sum(w * w) AS weight_square_sum, min(c) AS shift, " +
                "sum(w * d) AS shifted_sum,\n" +
                $"  sum(CASE WHEN y < {Double(bands.Medium)} THEN w ELSE {Zero} END) AS band_low,\n" +
                $"  sum(CASE WHEN y >= {Double(bands.Medium)} AND y < {Double(bands.High)} THEN w ELSE {Zero} END) AS band_medium,\n" +
                $"  sum(CASE WHEN y >= {Double(bands.High)} THEN w ELSE {Zero} END) AS band_high\n" +
                $"FROM {view}_shifted GROUP BY cell, measure");
            if (plan.Clustered)
                Table(PartialTables.PsuSums(prefix), $"SELECT cell, measure, psu, sum(w) AS weight, sum(w * d) AS shifted FROM {view}_shifted GROUP BY cell, measure, psu");
            else
                Table(PartialTables.StrataSums(prefix), "SELECT cell, measure, stratum, sum(w) AS weight, sum(w * d) AS shifted, sum(w * w) AS weight_square, " +
                    $"sum(w * w * d) AS weight_square_shifted, sum(w * w * d * d) AS shifted_square FROM {view}_shifted GROUP BY cell, measure, stratum");
            if (!values) return;
            // Each distinct value's total weight, and the weight and order of its last survey (ties sit in survey order).
            Table(PartialTables.Values, $"SELECT cell, measure, value, weight, {Zero} AS weight_low, last_weight, last_order FROM (\n" +
                "  SELECT cell, measure, y AS value, sum(w) OVER (PARTITION BY cell, measure, y) AS weight, w AS last_weight, survey_order AS last_order,\n" +
                "         row_number() OVER (PARTITION BY cell, measure, y ORDER BY survey_order DESC) AS k\n" +
                $"  FROM {view}_long) v WHERE k = 1");
        }

        /// <summary>The cross-products of each pair of dimensions per cell and stratum, over the surveys with both.</summary>
        private void Pairs()
        {
            var dimensions = plan.Dimensions;
            var parts = new List<string>();
            for (var i = 0; i < dimensions.Length; i++)
                for (var j = i + 1; j < dimensions.Length; j++)
                {
                    var (first, second) = (dimensions[i], dimensions[j]);
                    var (x, y) = ($"(r.{M(first)} - a.c)", $"(r.{M(second)} - b.c)");
                    parts.Add($"SELECT r.cell, r.stratum, {Quote(plan.Measures[first])} AS {Ident("first")}, {Quote(plan.Measures[second])} AS {Ident("second")}, " +
                        $"sum(r.w * r.w) AS weight_square, sum(r.w * r.w * {x}) AS first_shifted, sum(r.w * r.w * {y}) AS second_shifted, " +
                        $"sum(r.w * r.w * {x} * {y}) AS product, CAST(count(*) AS BIGINT) AS n\n" +
                        $"  FROM avrr_rows r JOIN avrr_shifts a ON a.cell = r.cell AND a.measure = {Quote(plan.Measures[first])} " +
                        $"JOIN avrr_shifts b ON b.cell = r.cell AND b.measure = {Quote(plan.Measures[second])}\n" +
                        $"  WHERE r.{M(first)} IS NOT NULL AND r.{M(second)} IS NOT NULL GROUP BY r.cell, r.stratum");
                }
            if (parts.Count > 0) Table(PartialTables.Pairs, string.Join("\nUNION ALL\n", parts));
        }

        /// <summary>
        /// Panel change by cells: each returnee with two or more surveys, its last survey's cell, weight and design,
        /// the change of each measure; the paired design's own strata and PSUs.
        /// </summary>
        private void Panel()
        {
            var measures = plan.Measures;
            var changes = string.Join(", ", Enumerable.Range(0, measures.Count).Select(m => $"l.{M(m)} - f.{M(m)} AS {M(m)}"));
            View("avrr_pairs", $"SELECT l.cell, l.stratum_label, l.cluster_label, l.survey_order, l.w, {changes}\n" +
                "FROM avrr_ordered l JOIN avrr_ordered f ON f.returnee_id = l.returnee_id AND f.k = 1\nWHERE l.k = l.surveys AND l.surveys >= 2", stored: true);
            View("avrr_panel_strata", "SELECT CAST(row_number() OVER (ORDER BY stratum_label) - 1 AS BIGINT) AS stratum, stratum_label, psus\n" +
                $"FROM (SELECT stratum_label, CAST({(plan.Clustered ? "count(DISTINCT cluster_label)" : "count(*)")} AS BIGINT) AS psus FROM avrr_pairs GROUP BY stratum_label) s");
            View("avrr_panel_psus", "SELECT CAST(row_number() OVER (ORDER BY stratum_label, cluster_label) - 1 AS BIGINT) AS psu, stratum_label, cluster_label\n" +
                "FROM (SELECT DISTINCT stratum_label, cluster_label FROM avrr_pairs) p");
            View("avrr_panel_rows", "SELECT q.*, s.stratum, p.psu FROM avrr_pairs q JOIN avrr_panel_strata s ON q.stratum_label = s.stratum_label\n" +
                "JOIN avrr_panel_psus p ON q.stratum_label = p.stratum_label AND q.cluster_label = p.cluster_label", stored: true);
            Table(PartialTables.PanelCells, "SELECT cell, CAST(count(*) AS BIGINT) AS n_rows FROM avrr_pairs GROUP BY cell");
            Table(PartialTables.Strata(PartialTables.Panel), $"SELECT stratum, {(plan.Stratified ? "stratum_label" : "CAST(NULL AS STRING)")} AS label, psus FROM avrr_panel_strata");
            if (plan.Clustered)
                Table(PartialTables.Psus(PartialTables.Panel), "SELECT p.psu, s.stratum, p.cluster_label AS cluster FROM avrr_panel_psus p JOIN avrr_panel_strata s ON p.stratum_label = s.stratum_label");
            Sums("avrr_panel", "avrr_panel_rows", "cell", "stratum", "psu", PartialTables.Panel, values: false);
        }

        /// <summary>With returnee summaries: each returnee's first and last survey, keyed by SHA-256 of the salt and its id.</summary>
        private void Returnees()
        {
            var measures = plan.Measures;
            var salt = _duck ? $"getvariable({Quote(SaltVariable)})" : $"'${{{SaltVariable}}}'";
            var hash = _duck ? $"sha256({salt} || l.returnee_id)" : $"sha2(concat({salt}, l.returnee_id), 256)";
            var first = string.Join(", ", Enumerable.Range(0, measures.Count).Select(m => $"f.{M(m)} AS {Ident("first_" + measures[m])}"));
            var last = string.Join(", ", Enumerable.Range(0, measures.Count).Select(m => $"l.{M(m)} AS {Ident("last_" + measures[m])}"));
            Table(PartialTables.Returnees(measures), $"SELECT {hash} AS returnee, CAST(l.surveys AS BIGINT) AS surveys, f.survey_date AS first_date, f.survey_order AS first_order, {first},\n" +
                $"  l.survey_date AS last_date, l.survey_order AS last_order, l.w AS last_weight, l.stratum AS last_stratum, {(plan.Clustered ? "l.psu" : "CAST(NULL AS BIGINT)")} AS last_psu, " +
                $"l.cell AS last_cell, {last}\n" +
                "FROM avrr_ordered l JOIN avrr_ordered f ON f.returnee_id = l.returnee_id AND f.k = 1\nWHERE l.k = l.surveys");
            // Each survey's key, as the duplicate rule names it (the round, or the date without one), salted like the returnee's: SurveyKeyHash.
            var key = _duck
                ? $"{salt} || chr(31) || returnee_id || chr(31) || CASE WHEN survey_round IS NULL THEN 'D' || strftime(survey_date, '%Y-%m-%d') ELSE 'R' || survey_round END"
                : $"concat({salt}, char(31), returnee_id, char(31), CASE WHEN survey_round IS NULL THEN concat('D', date_format(survey_date, 'yyyy-MM-dd')) ELSE concat('R', survey_round) END)";
            Table(PartialTables.SurveyKeys, $"SELECT substr({(_duck ? $"sha256({key})" : $"sha2({key}, 256)")}, 1, {2 * SurveyKeyHash.Bytes}) AS survey FROM avrr_rows ORDER BY survey");
        }
    }
}
