using Avrr.Analytics.IO.Partials;
using Avrr.Analytics.Runs.Partials;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Runs.Merging;

/// <summary>
/// What a partial's tables say of each other, checked before it is merged (docs/partials.md, "Forged partials"). The
/// SHA-256 kept in partial.json prove only that nothing changed since it was written: whoever edits a table can hash
/// it again. What can be cross-checked is, and a partial that disagrees with itself is refused (exit 3):
/// <list type="bullet">
/// <item>the accounting: rows read = scored + rejected + outside the period, in all and per input, and the inputs add
/// up to the totals; at least one reject line per rejected row; the estimator's surveys and data_quality's are the
/// scored rows; no more returnees than surveys;</item>
/// <item>the cells: their surveys add up to the scored rows; no measure has more surveys than its cell;</item>
/// <item>each cell's and measure's sums: the bands' weights add up to the weight; Σw² lies between W²/n and W² (Cauchy–
/// Schwarz); the strata's (or PSUs') weights, squares and centred sums add up to the cell's; the distinct values' weights
/// add up to the weight, their centred sum to the cell's, their weights below and above the band cuts to the bands',
/// the cell's shift is one of its values, no value's last survey is outside the partial's surveys; a pair of dimensions
/// has no more weight than either dimension;</item>
/// <item>the design: the strata's survey (or PSU) counts are those of the rows (or of the PSUs table);</item>
/// <item>the panel: its cells add up to the panel returnees; returnee summaries number the returnees, their surveys add up
/// to the scored rows and those with two or more to the panel returnees.</item>
/// </list>
/// Sums are compared to a relative 1e-9 (they may be added in another order by the SQL recipe). A partial whose every
/// number was changed consistently (every weight doubled, say) cannot be told from a true one by its numbers alone: that
/// is what the signature is for (<see cref="PartialSignature"/>).
/// </summary>
internal static class PartialConsistency
{
    private const double Tolerance = 1e-9;

    public static void Check(PartialFolder partial, Planning.EstimationPlan plan)
    {
        var d = partial.Descriptor;
        var refuse = (string why) => new PartialRefusedException(partial.Path,
            $"its tables disagree with each other ({why}), so it was edited or damaged after the run that made it; make it again from its exports");
        Accounting(d, refuse);

        var cellRows = new Dictionary<long, long>();
        var variables = d.Variables.Count;
        partial.Read(PartialTables.Cells(d.Variables), rows =>
        {
            for (var r = 0; r < rows.Count; r++)
            {
                var n = rows.Required(1 + variables, r);
                if (n < 1) throw refuse($"the cell {rows.Required(0, r)} has {n} surveys");
                cellRows[rows.Required(0, r)] = n;
            }
        });
        var scored = cellRows.Values.Sum();
        if (scored != d.RowsScored) throw refuse($"its cells hold {scored:N0} surveys, its accounting says {d.RowsScored:N0} were scored");
        var surveys = Design(partial, "", plan.Clustered, refuse);
        if (!plan.Clustered && surveys != d.RowsScored) throw refuse($"its strata hold {surveys:N0} surveys, its accounting says {d.RowsScored:N0} were scored");
        Sums(partial, plan, "", cellRows, values: true, refuse);

        if (d.Panel == Planning.PartialPanel.Cells)
        {
            if (!partial.Has(PartialTables.PanelCells))
            {
                if (d.PanelReturnees != 0) throw refuse($"it says {d.PanelReturnees:N0} returnees have a panel change, and has no panel_cells");
            }
            else
            {
                var panelRows = new Dictionary<long, long>();
                partial.Read(PartialTables.PanelCells, rows =>
                {
                    for (var r = 0; r < rows.Count; r++)
                    {
                        var (cell, n) = (rows.Required(0, r), rows.Required(1, r));
                        if (!cellRows.ContainsKey(cell) || n < 1 || n > cellRows[cell]) throw refuse($"panel_cells gives the cell {cell} {n} returnees");
                        panelRows[cell] = n;
                    }
                });
                var pairs = panelRows.Values.Sum();
                if (pairs != d.PanelReturnees || pairs != d.PanelSurveys)
                    throw refuse($"its panel cells hold {pairs:N0} returnees, it says {d.PanelReturnees:N0} have a panel change");
                var panelSurveys = Design(partial, PartialTables.Panel, plan.Clustered, refuse);
                if (!plan.Clustered && panelSurveys != pairs) throw refuse($"its panel strata hold {panelSurveys:N0} returnees, its panel cells {pairs:N0}");
                Sums(partial, plan, PartialTables.Panel, panelRows, values: false, refuse);
            }
        }
        else Returnees(partial, plan, refuse);
        if (d.DataQualitySurveys is { } asked && partial.Has(PartialTables.DataQuality))
            partial.Read(PartialTables.DataQuality, rows =>
            {
                for (var r = 0; r < rows.Count; r++)
                    if (rows.Required(2, r) is var n && (n < 0 || n > asked)) throw refuse($"data_quality counts {n:N0} surveys of {asked:N0} for {rows.Text(0, r)}");
            });
    }

    private static void Accounting(PartialDescriptor d, Func<string, PartialRefusedException> refuse)
    {
        if (d.RowsScored < 0 || d.RowsRejected < 0 || d.RowsOutsidePeriod < 0 || d.RowsRead != d.RowsScored + d.RowsRejected + d.RowsOutsidePeriod)
            throw refuse($"{d.RowsRead:N0} rows read, {d.RowsScored:N0} scored, {d.RowsRejected:N0} rejected and {d.RowsOutsidePeriod:N0} outside the period do not add up");
        var lines = d.RejectsByReason.Values.Sum();
        if (d.RejectsByReason.Values.Any(v => v < 1) || lines < d.RowsRejected || (lines > 0) != (d.RowsRejected > 0))
            throw refuse($"{d.RowsRejected:N0} rows rejected for {lines:N0} reasons");
        if (d.Inputs.Count > 0)
        {
            foreach (var input in d.Inputs)
                if (input.RowsScored < 0 || input.RowsRejected < 0 || input.RowsOutsidePeriod < 0 || input.RowsRead != input.RowsScored + input.RowsRejected + input.RowsOutsidePeriod)
                    throw refuse($"the rows of the input {input.Path} do not add up");
            if (d.Inputs.Sum(i => i.RowsRead) != d.RowsRead || d.Inputs.Sum(i => i.RowsScored) != d.RowsScored
                || d.Inputs.Sum(i => i.RowsRejected) != d.RowsRejected || d.Inputs.Sum(i => i.RowsOutsidePeriod) != d.RowsOutsidePeriod)
                throw refuse("its inputs' rows do not add up to its totals");
        }
        if (d.MadeBy == PartialDescriptor.MadeByRun ? d.Surveys != d.RowsScored : d.Surveys < d.RowsScored)
            throw refuse($"its estimator numbered {d.Surveys:N0} surveys, its accounting says {d.RowsScored:N0} were scored");
        if (d.Returnees < 0 || d.Returnees > d.RowsScored || d.PanelReturnees < 0 || d.PanelReturnees > d.Returnees || 2 * d.PanelReturnees > d.RowsScored)
            throw refuse($"{d.Returnees:N0} returnees and {d.PanelReturnees:N0} with a panel change for {d.RowsScored:N0} surveys");
        if (d.DataQualitySurveys is { } quality && quality != d.RowsScored)
            throw refuse($"data_quality counts {quality:N0} surveys, its accounting {d.RowsScored:N0}");
        if (!(d.WeightScale > 0 && double.IsFinite(d.WeightScale)) || !(d.PanelWeightScale > 0 && double.IsFinite(d.PanelWeightScale)))
            throw refuse("a weight scale is not a positive number");
        if ((d.FirstSurveyDate is null) != (d.LastSurveyDate is null) || (d.FirstSurveyDate is null) != (d.RowsScored == 0) || d.FirstSurveyDate > d.LastSurveyDate)
            throw refuse($"its first and last survey dates ({d.FirstSurveyDate?.ToString() ?? "none"}, {d.LastSurveyDate?.ToString() ?? "none"}) are not those of {d.RowsScored:N0} surveys");
    }

    /// <summary>The strata (and PSUs) of a design, checked against each other; returns the surveys the strata count without clusters.</summary>
    private static long Design(PartialFolder partial, string prefix, bool clustered, Func<string, PartialRefusedException> refuse)
    {
        var psus = new Dictionary<long, long>();
        long total = 0;
        partial.Read(PartialTables.Strata(prefix), rows =>
        {
            for (var r = 0; r < rows.Count; r++)
            {
                var count = rows.Required(2, r);
                if (count < 1) throw refuse($"{prefix}strata gives a stratum {count} PSUs");
                psus[rows.Required(0, r)] = count;
                total += count;
            }
        });
        if (!clustered) return total;
        var found = new Dictionary<long, long>();
        partial.Read(PartialTables.Psus(prefix), rows =>
        {
            for (var r = 0; r < rows.Count; r++) found[rows.Required(1, r)] = found.GetValueOrDefault(rows.Required(1, r)) + 1;
        });
        foreach (var (stratum, count) in psus)
            if (found.GetValueOrDefault(stratum) != count) throw refuse($"{prefix}strata gives the stratum {stratum} {count} PSUs, {prefix}psus {found.GetValueOrDefault(stratum)}");
        return total;
    }

    /// <summary>What the tables of sums know of one cell and measure.</summary>
    private sealed class Cell
    {
        public long N;
        public double Weight, WeightSquare, Shift, Shifted, Low, Medium, High;
        public double DesignWeight, DesignWeightSquare, DesignShifted;
        public double ValueWeight, ValueShifted, ValueSpread, ValueLow, ValueMedium, ValueHigh;
        public long Values;
        public bool ShiftSeen;
    }

    private static void Sums(PartialFolder partial, Planning.EstimationPlan plan, string prefix, Dictionary<long, long> cellRows, bool values,
        Func<string, PartialRefusedException> refuse)
    {
        var measures = plan.Measures.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i, StringComparer.Ordinal);
        var cells = new Dictionary<(long Cell, int Measure), Cell>();
        int MeasureOf(string? name) => name is not null && measures.TryGetValue(name, out var m) ? m : throw refuse($"the measure {name} is not one of its measures");
        Cell At(long cell, string? measure, string table) =>
            cells.TryGetValue((cell, MeasureOf(measure)), out var c) ? c : throw refuse($"{table} has sums of the cell {cell} and measure {measure}, which {prefix}measures has not");

        partial.Read(PartialTables.Measures(prefix), rows =>
        {
            for (var r = 0; r < rows.Count; r++)
            {
                var cell = rows.Required(0, r);
                var c = new Cell
                {
                    N = rows.Required(2, r), Weight = rows.Number(3, r), WeightSquare = rows.Number(4, r), Shift = rows.Number(5, r), Shifted = rows.Number(6, r),
                    Low = rows.Number(7, r), Medium = rows.Number(8, r), High = rows.Number(9, r),
                };
                var where = $"{prefix}measures, cell {cell}, {rows.Text(1, r)}";
                if (!cellRows.TryGetValue(cell, out var n)) throw refuse($"{where}: the cell is not among its cells");
                if (c.N < 1 || c.N > n) throw refuse($"{where}: {c.N:N0} surveys in a cell of {n:N0}");
                if (!double.IsFinite(c.Weight + c.WeightSquare + c.Shift + c.Shifted + c.Low + c.Medium + c.High) || !(c.Weight > 0) || c.Low < 0 || c.Medium < 0 || c.High < 0)
                    throw refuse($"{where}: a sum is not a number, or a weight is not positive");
                if (!Close(c.Low + c.Medium + c.High, c.Weight, c.Weight)) throw refuse($"{where}: the bands weigh {c.Low + c.Medium + c.High:R}, the cell {c.Weight:R}");
                if (c.WeightSquare > c.Weight * c.Weight * (1 + Tolerance) || c.WeightSquare < c.Weight * c.Weight / c.N * (1 - Tolerance))
                    throw refuse($"{where}: the squared weights ({c.WeightSquare:R}) cannot come from {c.N:N0} surveys of weight {c.Weight:R}");
                if (!cells.TryAdd((cell, MeasureOf(rows.Text(1, r))), c)) throw refuse($"{where}: given twice");
            }
        });
        if (plan.Clustered)
            partial.Read(PartialTables.PsuSums(prefix), rows =>
            {
                for (var r = 0; r < rows.Count; r++)
                {
                    var c = At(rows.Required(0, r), rows.Text(1, r), prefix + "psu_sums");
                    c.DesignWeight += rows.Number(3, r);
                    c.DesignShifted += rows.Number(4, r);
                }
            });
        else
            partial.Read(PartialTables.StrataSums(prefix), rows =>
            {
                for (var r = 0; r < rows.Count; r++)
                {
                    var c = At(rows.Required(0, r), rows.Text(1, r), prefix + "strata_sums");
                    c.DesignWeight += rows.Number(3, r);
                    c.DesignShifted += rows.Number(4, r);
                    c.DesignWeightSquare += rows.Number(5, r);
                }
            });
        var bands = plan.Scheme.Options.Bands;
        var surveys = partial.Descriptor.Surveys;
        if (values)
            partial.Read(PartialTables.Values, rows =>
            {
                for (var r = 0; r < rows.Count; r++)
                {
                    var c = At(rows.Required(0, r), rows.Text(1, r), "values");
                    var (value, weight) = (rows.Number(2, r), rows.Number(3, r) + (double.IsNaN(rows.Number(4, r)) ? 0 : rows.Number(4, r)));
                    var (lastWeight, lastOrder) = (rows.Number(5, r), rows.Required(6, r));
                    if (!double.IsFinite(value) || !(weight > 0) || !(lastWeight > 0) || lastWeight > weight * (1 + Tolerance) || lastOrder < 0 || lastOrder >= surveys)
                        throw refuse($"values, cell {rows.Required(0, r)}, {rows.Text(1, r)}: the value {value:R} of weight {weight:R} (its last survey {lastOrder} of weight {lastWeight:R}) cannot be");
                    c.Values++;
                    c.ValueWeight += weight;
                    c.ValueShifted += weight * (value - c.Shift);
                    c.ValueSpread += weight * Math.Abs(value - c.Shift);
                    // A value stands for every double of its 12-digit key (the quantiles' ties, docs/methodology.md), so the
                    // cell's first score may be a neighbour of the value written, not the same double.
                    c.ShiftSeen |= Math.Abs(value - c.Shift) <= 1e-11 * Math.Max(Math.Abs(value), Math.Abs(c.Shift));
                    switch (bands.Of(value))
                    {
                        case Band.Low: c.ValueLow += weight; break;
                        case Band.Medium: c.ValueMedium += weight; break;
                        default: c.ValueHigh += weight; break;
                    }
                }
            });
        foreach (var ((cell, m), c) in cells)
        {
            var where = $"{prefix}measures, cell {cell}, {plan.Measures[m]}";
            // The size of a centred sum's terms, for its rounding: scores lie in [0, 1] and changes in [-1, 1], so |y - c| <= 2.
            var spread = Math.Max(2 * c.Weight, values ? c.ValueSpread : 0);
            if (!Close(c.DesignWeight, c.Weight, c.Weight) || !Close(c.DesignShifted, c.Shifted, spread)
                || (!plan.Clustered && !Close(c.DesignWeightSquare, c.WeightSquare, c.WeightSquare)))
                throw refuse($"{where}: its {(plan.Clustered ? "PSUs" : "strata")} weigh {c.DesignWeight:R} with centred sum {c.DesignShifted:R}, the cell {c.Weight:R} and {c.Shifted:R}");
            if (!values) continue;
            if (c.Values > c.N || !c.ShiftSeen || !Close(c.ValueWeight, c.Weight, c.Weight) || !Close(c.ValueShifted, c.Shifted, spread))
                throw refuse($"{where}: its {c.Values:N0} distinct values weigh {c.ValueWeight:R} with centred sum {c.ValueShifted:R}, the cell {c.Weight:R} and {c.Shifted:R}");
            if (!Close(c.ValueLow, c.Low, c.Weight) || !Close(c.ValueMedium, c.Medium, c.Weight) || !Close(c.ValueHigh, c.High, c.Weight))
                throw refuse($"{where}: its values' bands weigh {c.ValueLow:R}, {c.ValueMedium:R} and {c.ValueHigh:R}, the cell's {c.Low:R}, {c.Medium:R} and {c.High:R}");
        }
        if (values && cells.Values.Any(c => c.Values == 0)) throw refuse("a cell's measure has no distinct value in values");
        if (prefix.Length == 0 && !plan.Clustered && partial.Has(PartialTables.Pairs))
        {
            var strataSquares = new Dictionary<(long, long, int), double>();
            partial.Read(PartialTables.StrataSums(), rows =>
            {
                for (var r = 0; r < rows.Count; r++) strataSquares[(rows.Required(0, r), rows.Required(2, r), MeasureOf(rows.Text(1, r)))] = rows.Number(5, r);
            });
            partial.Read(PartialTables.Pairs, rows =>
            {
                for (var r = 0; r < rows.Count; r++)
                {
                    var (cell, stratum, square) = (rows.Required(0, r), rows.Required(1, r), rows.Number(4, r));
                    foreach (var measure in new[] { rows.Text(2, r), rows.Text(3, r) })
                        if (!strataSquares.TryGetValue((cell, stratum, MeasureOf(measure)), out var most) || !(square > 0) || square > most * (1 + Tolerance))
                            throw refuse($"pairs, cell {cell}, stratum {stratum}: {rows.Text(2, r)} and {rows.Text(3, r)} have more weight together than {measure} alone");
                }
            });
        }
    }

    private static void Returnees(PartialFolder partial, Planning.EstimationPlan plan, Func<string, PartialRefusedException> refuse)
    {
        var d = partial.Descriptor;
        long count = 0, surveys = 0, panel = 0;
        partial.Read(PartialTables.Returnees(plan.Measures), rows =>
        {
            for (var r = 0; r < rows.Count; r++)
            {
                var n = rows.Required(1, r);
                count++;
                surveys += n;
                if (n >= 2) panel++;
            }
        });
        if (count != d.Returnees || surveys != d.RowsScored || panel != d.PanelReturnees)
            throw refuse($"its returnee summaries are {count:N0} returnees of {surveys:N0} surveys, {panel:N0} with two or more; it says {d.Returnees:N0}, {d.RowsScored:N0} and {d.PanelReturnees:N0}");
    }

    /// <summary>Whether two sums agree to <see cref="Tolerance"/> of <paramref name="scale"/> (the size of what was added).</summary>
    private static bool Close(double a, double b, double scale) => Math.Abs(a - b) <= Tolerance * Math.Abs(scale) || a == b;
}
