using Avrr.Analytics.IO.Writing.Parquet;

namespace Avrr.Analytics.IO.Partials;

/// <summary>
/// The tables of a partial and their columns, the one definition the run's writer, the merge's reader and the
/// SQL recipe share (docs/partials.md, "The tables"). Every sum is of the cell's surveys that have the measure,
/// around the cell's shift c of that measure; weights are in the partial's units (divided by its weight scale).
/// Ids (cell, stratum, psu) number the rows of <c>cells</c>, <c>strata</c> and <c>psus</c> of the same partial.
/// </summary>
internal static class PartialTables
{
    private static PartialColumn Whole(string name) => new(name, ParquetKind.Int64);
    private static PartialColumn Number(string name) => new(name, ParquetKind.Number);
    private static PartialColumn Text(string name) => new(name, ParquetKind.Text);
    private static PartialColumn Date(string name) => new(name, ParquetKind.Date);

    /// <summary>One row per cell: its id, its value of each grouping column, and its surveys.</summary>
    public static PartialTable Cells(IReadOnlyList<string> variables) => new("cells", [Whole("cell"), .. variables.Select(Text), Whole("n_rows")]);

    /// <summary>One row per cell and measure with a survey: the counts and sums of <c>Estimation.CellMeasureSums</c>.</summary>
    public static PartialTable Measures(string prefix = "") => new(prefix + "measures",
        [Whole("cell"), Text("measure"), Whole("n"), Number("weight_sum"), Number("weight_square_sum"), Number("shift"), Number("shifted_sum"),
         Number("band_low"), Number("band_medium"), Number("band_high")]);

    /// <summary>Without clusters: one row per cell, measure and stratum.</summary>
    public static PartialTable StrataSums(string prefix = "") => new(prefix + "strata_sums",
        [Whole("cell"), Text("measure"), Whole("stratum"), Number("weight"), Number("shifted"), Number("weight_square"), Number("weight_square_shifted"), Number("shifted_square")]);

    /// <summary>With clusters: one row per cell, measure and PSU.</summary>
    public static PartialTable PsuSums(string prefix = "") => new(prefix + "psu_sums",
        [Whole("cell"), Text("measure"), Whole("psu"), Number("weight"), Number("shifted")]);

    /// <summary>One row per cell, measure and distinct value: what exact quantiles need.</summary>
    public static PartialTable Values { get; } = new("values",
        [Whole("cell"), Text("measure"), Number("value"), Number("weight"), Number("weight_low"), Number("last_weight"), Whole("last_order")]);

    /// <summary>Without clusters: one row per cell, stratum and pair of dimensions with a survey that has both (n: how many).</summary>
    public static PartialTable Pairs { get; } = new("pairs",
        [Whole("cell"), Whole("stratum"), Text("first"), Text("second"), Number("weight_square"), Number("first_shifted"), Number("second_shifted"), Number("product"),
         Whole("n")]);

    /// <summary>The design's strata: id, label (null without strata), and PSUs (surveys without clusters).</summary>
    public static PartialTable Strata(string prefix = "") => new(prefix + "strata", [Whole("stratum"), Text("label"), Whole("psus")]);

    /// <summary>With clusters: the design's PSUs, each a cluster label within a stratum.</summary>
    public static PartialTable Psus(string prefix = "") => new(prefix + "psus", [Whole("psu"), Whole("stratum"), Text("cluster")]);

    public const string Panel = "panel_";

    /// <summary>Panel change by cells: the panel returnees whose last survey is in each cell.</summary>
    public static PartialTable PanelCells { get; } = new(Panel + "cells", [Whole("cell"), Whole("n_rows")]);

    /// <summary>
    /// With <c>--partial-panel returnees</c>: one row per returnee, keyed by a salted one-way hash of its id, with
    /// its first and last survey (the same one for a returnee with one survey).
    /// </summary>
    public static PartialTable Returnees(IReadOnlyList<string> measures) => new("returnees",
    [
        Text("returnee"), Whole("surveys"),
        Date("first_date"), Whole("first_order"), .. measures.Select(m => Number("first_" + m)),
        Date("last_date"), Whole("last_order"), Number("last_weight"), Whole("last_stratum"), Whole("last_psu"), Whole("last_cell"),
        .. measures.Select(m => Number("last_" + m)),
    ]);

    /// <summary>
    /// With <c>--partial-panel returnees</c>: one row per scored survey, its key (returnee and round, or date) as a salted
    /// one-way hash, so that the merge finds a survey that two partials both hold (docs/partials.md, "Repeated surveys").
    /// </summary>
    public static PartialTable SurveyKeys { get; } = new("survey_keys", [Text("survey")]);

    /// <summary>The scored surveys' missing answers, per question and kind (empty, dk, refused, na…).</summary>
    public static PartialTable DataQuality { get; } = new("data_quality", [Text("question"), Text("answer"), Whole("surveys")]);

    /// <summary>What a partial made by the SQL recipe counts of its rows (one row); an engine's partial says so in its descriptor.</summary>
    public static PartialTable Accounting { get; } = new("accounting",
        [Whole("rows_scored"), Whole("surveys"), Date("first_survey_date"), Date("last_survey_date"), Whole("returnees"), Whole("panel_returnees")]);
}
