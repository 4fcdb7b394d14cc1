using Avrr.Analytics.Estimation;
using Avrr.Analytics.Grouping;
using Avrr.Analytics.IO.Partials;
using Avrr.Analytics.Runs.Partials;
using Avrr.Analytics.Runs.Passes;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs.Merging;

/// <summary>
/// The cells of several partials added together, partial by partial in the order given, into the estimator a
/// single run over all their surveys would have (docs/partials.md, "How the merge works"): cells are matched by
/// their grouping values, strata by label, PSUs by (stratum, cluster) label, as one run over every export would
/// number them; the design counts every PSU once. Memory holds the merged cells (their strata, PSUs and distinct
/// values), not the surveys; returnee summaries go through spill buckets.
/// </summary>
internal sealed class MergedCells : IDisposable
{
    private const int OrderBits = 44;

    private readonly EstimationPlan _plan;
    private readonly Dictionary<string, int> _measureIndex;
    private readonly Dictionary<string, int> _strata = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _clusters = new(StringComparer.Ordinal);
    private readonly SpillBuckets? _buckets;
    private readonly PanelPairing? _pairing;

    public MergedCells(EstimationPlan plan, PartialPanel panel, bool dataQuality, string spillFolder, long returnees)
    {
        _plan = plan;
        _measureIndex = plan.Measures.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i, StringComparer.Ordinal);
        Cells = new CellIndex(plan.Levels);
        Design = new SurveyDesign(plan.Clustered, plan.Stratified);
        ByCell = plan.NewEstimator(Design);
        if (panel == PartialPanel.Returnees)
        {
            _buckets = new SpillBuckets(spillFolder, "returnees", returnees);
            _pairing = new PanelPairing(_buckets, plan.Measures.Count);
        }
        else
        {
            PanelDesign = new SurveyDesign(plan.Clustered, plan.Stratified);
            PanelByCell = new DomainEstimator(PanelDesign, plan.Measures.Count, plan.Scheme.Options.Bands, distributions: false, plan.Ci, degreesOfFreedom: plan.Df);
        }
        if (dataQuality) Tally = new AnswerTally(new SurveyLayout(plan.Scheme, []));
    }

    public CellIndex Cells { get; }
    public SurveyDesign Design { get; }
    public DomainEstimator ByCell { get; }
    public SurveyDesign? PanelDesign { get; }
    public DomainEstimator? PanelByCell { get; private set; }
    public AnswerTally? Tally { get; }
    public long PanelReturnees { get; private set; }
    public long Returnees { get; private set; }

    /// <summary>Adds the partial at position <paramref name="index"/> of the merge's list.</summary>
    public void Add(PartialFolder partial, int index)
    {
        var d = partial.Descriptor;
        var cells = ReadCells(partial);
        var (strata, psus) = ReadDesign(partial, Design, "");
        ImportSums(partial, ByCell.Import(d.Surveys, d.WeightScale), cells, strata, psus, "", values: true);
        if (d.Panel == PartialPanel.Cells)
        {
            PanelReturnees += d.PanelReturnees;
            Returnees += d.Returnees;
            if (partial.Has(PartialTables.PanelCells))
            {
                var (panelStrata, panelPsus) = ReadDesign(partial, PanelDesign!, PartialTables.Panel);
                var import = PanelByCell!.Import(d.PanelSurveys, d.PanelWeightScale);
                partial.Read(PartialTables.PanelCells, rows =>
                {
                    for (var r = 0; r < rows.Count; r++) import.Cell(Map(cells, rows.Required(0, r), "cell", partial), rows.Required(1, r));
                });
                ImportSums(partial, import, cells, panelStrata, panelPsus, PartialTables.Panel, values: false);
            }
        }
        else ReadReturnees(partial, index, cells, strata, psus);
        if (Tally is not null) ReadDataQuality(partial);
    }

    /// <summary>After the last partial: with returnee summaries, the pairs of every returnee's first and last survey across partials.</summary>
    public void Complete()
    {
        if (_pairing is null) return;
        var (panel, pairs) = _pairing.Estimate(_plan.Clustered, _plan.Stratified, _plan.Scheme.Options.Bands, _plan.Ci, _plan.Df);
        PanelByCell = panel;
        PanelReturnees = pairs;
        Returnees = _pairing.Returnees;
    }

    private static int Map(Dictionary<long, int> map, long id, string what, PartialFolder partial) =>
        map.TryGetValue(id, out var mapped) ? mapped : throw new PartialRefusedException(partial.Path, $"it refers to {what} {id}, which it does not define");

    private Dictionary<long, int> ReadCells(PartialFolder partial)
    {
        var variables = Cells.Groups.Variables;
        var table = PartialTables.Cells(variables);
        var map = new Dictionary<long, int>();
        var seen = new HashSet<int>();
        partial.Read(table, rows =>
        {
            var values = new string[variables.Count];
            for (var r = 0; r < rows.Count; r++)
            {
                for (var v = 0; v < values.Length; v++)
                    values[v] = rows.Text(1 + v, r) ?? throw new PartialRefusedException(partial.Path, $"a cell has no value of {variables[v]} (an empty value is written (unknown))");
                var cell = Cells.CellOf(values);
                if (!seen.Add(cell)) throw new PartialRefusedException(partial.Path, $"the cell {string.Join(", ", values)} is given twice");
                if (!map.TryAdd(rows.Required(0, r), cell)) throw new PartialRefusedException(partial.Path, $"the cell id {rows.Required(0, r)} is given twice");
            }
        });
        return map;
    }

    /// <summary>The partial's strata and PSUs, added to a design: strata matched by label, PSUs by stratum and cluster label.</summary>
    private (Dictionary<long, int> Strata, Dictionary<long, int> Psus) ReadDesign(PartialFolder partial, SurveyDesign design, string prefix)
    {
        var strata = new Dictionary<long, int>();
        partial.Read(PartialTables.Strata(prefix), rows =>
        {
            for (var r = 0; r < rows.Count; r++)
            {
                var id = rows.Required(0, r);
                var stratum = StratumOf(rows.Text(1, r), partial);
                if (!strata.TryAdd(id, stratum)) throw new PartialRefusedException(partial.Path, $"{prefix}strata: the stratum id {id} is given twice");
                if (!design.Clustered) design.AddSurveys(stratum, rows.Required(2, r));
            }
        });
        var psus = new Dictionary<long, int>();
        if (design.Clustered)
            partial.Read(PartialTables.Psus(prefix), rows =>
            {
                for (var r = 0; r < rows.Count; r++)
                {
                    var stratum = Map(strata, rows.Required(1, r), "stratum", partial);
                    var label = rows.Text(2, r) ?? throw new PartialRefusedException(partial.Path, $"{prefix}psus: a PSU has no cluster label");
                    if (!_clusters.TryGetValue(label, out var cluster)) _clusters[label] = cluster = _clusters.Count;
                    if (!psus.TryAdd(rows.Required(0, r), design.AddSurvey(stratum, cluster)))
                        throw new PartialRefusedException(partial.Path, $"{prefix}psus: the PSU id {rows.Required(0, r)} is given twice");
                }
            });
        return (strata, psus);
    }

    /// <summary>The merged stratum of a label: without strata every survey is in stratum 0.</summary>
    private int StratumOf(string? label, PartialFolder partial)
    {
        if (!_plan.Stratified) return 0;
        if (label is null) throw new PartialRefusedException(partial.Path, "a stratum has no label, in a design with strata");
        if (!_strata.TryGetValue(label, out var stratum)) _strata[label] = stratum = _strata.Count;
        return stratum;
    }

    private int Measure(string? name, PartialFolder partial) =>
        name is not null && _measureIndex.TryGetValue(name, out var m) ? m : throw new PartialRefusedException(partial.Path, $"the measure {name} is not one of {string.Join(", ", _plan.Measures)}");

    private void ImportSums(PartialFolder partial, DomainEstimator.CellSumsImport import, Dictionary<long, int> cells, Dictionary<long, int> strata,
        Dictionary<long, int> psus, string prefix, bool values)
    {
        try
        {
            if (prefix.Length == 0)
                partial.Read(PartialTables.Cells(Cells.Groups.Variables), rows =>
                {
                    for (var r = 0; r < rows.Count; r++) import.Cell(Map(cells, rows.Required(0, r), "cell", partial), rows.Required(1 + Cells.Groups.Variables.Count, r));
                });
            partial.Read(PartialTables.Measures(prefix), rows =>
            {
                for (var r = 0; r < rows.Count; r++)
                    import.Measure(Map(cells, rows.Required(0, r), "cell", partial), Measure(rows.Text(1, r), partial), new CellMeasureSums(
                        rows.Required(2, r), rows.Number(3, r), rows.Number(4, r), rows.Number(5, r), rows.Number(6, r), rows.Number(7, r), rows.Number(8, r), rows.Number(9, r)));
            });
            if (_plan.Clustered)
                partial.Read(PartialTables.PsuSums(prefix), rows =>
                {
                    for (var r = 0; r < rows.Count; r++)
                        import.Psu(Map(cells, rows.Required(0, r), "cell", partial), Measure(rows.Text(1, r), partial), Map(psus, rows.Required(2, r), "PSU", partial),
                            new CellPsuSums(rows.Number(3, r), rows.Number(4, r)));
                });
            else
                partial.Read(PartialTables.StrataSums(prefix), rows =>
                {
                    for (var r = 0; r < rows.Count; r++)
                        import.Stratum(Map(cells, rows.Required(0, r), "cell", partial), Measure(rows.Text(1, r), partial), Map(strata, rows.Required(2, r), "stratum", partial),
                            new CellStratumSums(rows.Number(3, r), rows.Number(4, r), rows.Number(5, r), rows.Number(6, r), rows.Number(7, r)));
                });
            if (!values) return;
            partial.Read(PartialTables.Values, rows =>
            {
                for (var r = 0; r < rows.Count; r++)
                    import.Value(Map(cells, rows.Required(0, r), "cell", partial), Measure(rows.Text(1, r), partial), new CellValueSums(
                        rows.Number(2, r), rows.Number(3, r), Zero(rows.Number(4, r)), rows.Number(5, r), rows.Required(6, r)));
            });
            if (!_plan.Clustered && partial.Has(PartialTables.Pairs))
                partial.Read(PartialTables.Pairs, rows =>
                {
                    for (var r = 0; r < rows.Count; r++)
                        import.Pair(Map(cells, rows.Required(0, r), "cell", partial), Map(strata, rows.Required(1, r), "stratum", partial),
                            Measure(rows.Text(2, r), partial), Measure(rows.Text(3, r), partial),
                            new CellPairSums(rows.Number(4, r), rows.Number(5, r), rows.Number(6, r), rows.Number(7, r), rows.Required(8, r)));
                });
        }
        catch (InvalidDataException e)
        {
            throw new PartialRefusedException(partial.Path, $"its sums cannot be merged ({e.Message})");
        }
    }

    /// <summary>The low part of a value's total weight: 0 where the recipe's SQL has none.</summary>
    private static double Zero(double value) => double.IsNaN(value) ? 0 : value;

    /// <summary>
    /// Returnee summaries into the pairing: the first survey and (for a returnee with two or more) the last, each
    /// ordered by date, then by the partial's position in the merge, then by its order within the partial.
    /// </summary>
    private void ReadReturnees(PartialFolder partial, int index, Dictionary<long, int> cells, Dictionary<long, int> strata, Dictionary<long, int> psus)
    {
        var measures = _plan.Measures;
        var m = measures.Count;
        var firstValues = new double[m];
        var lastValues = new double[m];
        var hash = new byte[32];
        var clusterOfPsu = new Dictionary<int, int>();
        foreach (var (psu, stratum, cluster) in Design.Psus()) clusterOfPsu[psu] = cluster;
        partial.Read(PartialTables.Returnees(measures), rows =>
        {
            for (var r = 0; r < rows.Count; r++)
            {
                var key = rows.Text(0, r);
                if (key is not { Length: 64 } || Convert.FromHexString(key, hash, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
                    throw new PartialRefusedException(partial.Path, "returnees: a returnee key is not 64 hexadecimal digits (SHA-256)");
                var surveys = rows.Required(1, r);
                if (surveys < 1) throw new PartialRefusedException(partial.Path, "returnees: a returnee has no survey");
                var c = 4;
                for (var k = 0; k < m; k++) firstValues[k] = rows.Number(c++, r);
                var lastDate = rows.Date(c++, r);
                var lastOrder = Order(rows.Required(c++, r), index, partial);
                var weight = rows.Number(c++, r);
                var stratum = Map(strata, rows.Required(c++, r), "stratum", partial);
                var psu = rows.Whole(c++, r);
                var cluster = _plan.Clustered ? clusterOfPsu[Map(psus, psu ?? -1, "PSU", partial)] : 0;
                var cell = Map(cells, rows.Required(c++, r), "cell", partial);
                for (var k = 0; k < m; k++) lastValues[k] = rows.Number(c++, r);
                // The weight, design and cell of a survey that is not its returnee's last are never used.
                if (surveys > 1) _pairing!.Add(hash, rows.Date(2, r), Order(rows.Required(3, r), index, partial), weight, stratum, cluster, firstValues, cell);
                _pairing!.Add(hash, lastDate, lastOrder, weight, stratum, cluster, lastValues, cell);
            }
        });
    }

    private static long Order(long order, int index, PartialFolder partial) =>
        order is >= 0 and < 1L << OrderBits ? ((long)index << OrderBits) | order
        : throw new PartialRefusedException(partial.Path, $"returnees: the survey order {order} is not between 0 and 2^{OrderBits}");

    private void ReadDataQuality(PartialFolder partial)
    {
        var tally = Tally!;
        tally.ImportSurveys(partial.Descriptor.DataQualitySurveys ?? 0);
        var questions = _plan.Scheme.Questions.Select((q, i) => (q.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var kinds = tally.Kinds.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
        partial.Read(PartialTables.DataQuality, rows =>
        {
            for (var r = 0; r < rows.Count; r++)
            {
                var (question, kind) = (rows.Text(0, r) ?? "", rows.Text(1, r) ?? "");
                if (!questions.TryGetValue(question, out var q) || !kinds.TryGetValue(kind, out var k) || k == 0)
                    throw new PartialRefusedException(partial.Path, $"data_quality: {question} / {kind} is not a question and missing answer of the scheme");
                tally.Import(q, k, rows.Required(2, r));
            }
        });
    }

    public void Dispose() => _buckets?.Dispose();
}
