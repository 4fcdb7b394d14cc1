using System.Globalization;
using Avrr.Analytics.Grouping;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Audit;

/// <summary>
/// The audit of the index itself (docs/audit.md): indicator statistics, coherence (correlations and
/// flags), reliability, principal components, nominal, effective and derived weights, and how robust the
/// group rankings are to the modelling assumptions. It streams with a run (docs/audit.md, "How the
/// audit streams"):
/// <list type="bullet">
/// <item>on the scoring workers, in any order, an <see cref="AuditWorker"/> prepares each batch and fills
/// the indicator pair tables (exact sums);</item>
/// <item>in input order, <see cref="Add(SurveyBatch, AuditBatch)"/> numbers the groups, counts the
/// indicator values per group, adds the batch's complete-case sums and keeps each survey compactly
/// (all of them up to <see cref="AuditOptions.MaxKeptSurveys"/>, a seeded subsample above);</item>
/// <item><see cref="Complete"/> computes the tables (those of the pairs with a many-valued score, a
/// dimension or the composite, from the kept surveys) and runs the uncertainty analysis on the kept surveys.</item>
/// </list>
/// A program that does not run batches on several threads calls <see cref="Add(SurveyBatch)"/>.
/// </summary>
public sealed class IndexAudit
{
    private readonly Scheme _scheme;
    private readonly AuditOptions _options;
    private readonly CellIndex _cells;
    private readonly IndicatorHistograms _histograms;
    private readonly CompleteCaseSums[] _sums;
    private readonly SurveyStore _store;
    private readonly ManyValuedPairs _manyValued;
    private readonly int[] _values;
    private readonly List<AuditWorker> _workers = [];
    private readonly ulong _keepBelow;
    private readonly List<long> _cellRows = [], _cellComposites = [];
    private readonly List<(double Sum, double Weight)> _cellComposite = [];   // Σ w · composite and Σ w per cell, in input order
    private AuditWorker? _own;
    private AuditBatch? _ownBatch;
    private long _surveys;

    /// <param name="layout">The run's columns (the analysed level's columns must be among them).</param>
    /// <param name="options">What to analyse and how.</param>
    /// <param name="expectedSurveys">About how many surveys will be added (the rows of the inputs): above <see cref="AuditOptions.MaxKeptSurveys"/> a subsample is kept.</param>
    public IndexAudit(SurveyLayout layout, AuditOptions options, long expectedSurveys)
    {
        _scheme = layout.Scheme;
        _options = options;
        Variables = new AuditVariables(_scheme);
        Codes = new IndicatorCodes(_scheme);
        DontKnowExists = _scheme.SpecialAnswers.Any(a => string.Equals(a.Code, Scoring.AnswerDecoder.DontKnowCode, StringComparison.OrdinalIgnoreCase));
        SumScopes = [.. Variables.Scopes.Select(s => s.Variables), Variables.DimensionScope];
        _sums = SumScopes.Select(s => new CompleteCaseSums(s)).ToArray();
        _cells = new CellIndex([Level.All, options.Level], layout);
        _histograms = new IndicatorHistograms(Codes);
        _manyValued = new ManyValuedPairs(Variables, Codes);
        _values = new int[_manyValued.Count];
        _store = new SurveyStore(_scheme.Questions.Count, _manyValued.Count);
        var share = expectedSurveys <= options.MaxKeptSurveys ? 1.0 : (double)options.MaxKeptSurveys / expectedSurveys;
        _keepBelow = share >= 1 ? ulong.MaxValue : (ulong)(share * 18446744073709551616.0);
    }

    public Scheme Scheme => _scheme;
    /// <summary>What every weight is divided by (<see cref="AuditOptions.WeightScale"/>).</summary>
    internal double WeightScale => _options.WeightScale;
    public AuditVariables Variables { get; }
    internal IndicatorCodes Codes { get; }
    /// <summary>Whether the scheme has a dk answer (decoded as <see cref="Scoring.AnswerDecoder.DontKnow"/>).</summary>
    internal bool DontKnowExists { get; }
    internal IReadOnlyList<int[]> SumScopes { get; }
    /// <summary>Positions in <see cref="SumScopes"/> of the scope of all indicators and of the dimension scores (the dimensions' scopes come first).</summary>
    internal int AllScope => Variables.Scopes.Count - 1;
    internal int DimensionsScope => Variables.Scopes.Count;

    /// <summary>The surveys kept so far.</summary>
    public SurveyStore Kept => _store;

    /// <summary>A worker's part of the audit, for one thread (thread-safe to ask for).</summary>
    public AuditWorker NewWorker()
    {
        var worker = new AuditWorker(this);
        lock (_workers) _workers.Add(worker);
        return worker;
    }

    /// <summary>Adds a scored batch on the calling thread (prepare and add in one).</summary>
    public void Add(SurveyBatch batch)
    {
        _own ??= NewWorker();
        _ownBatch ??= new AuditBatch();
        _own.Prepare(batch, _ownBatch);
        Add(batch, _ownBatch);
    }

    /// <summary>Adds a batch that a worker prepared; batches must come in input order.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Add(SurveyBatch batch, AuditBatch prepared)
    {
        var questions = batch.Layout.QuestionCount;
        var indicators = batch.IndicatorCount;
        var compositeAt = batch.ScoreStride - 1;
        for (var row = 0; row < batch.Count; row++)
        {
            if (!batch.IsScored(row)) continue;
            _surveys++;
            var cell = _cells.CellOf(batch, row);
            while (cell >= _cellRows.Count) { _cellRows.Add(0); _cellComposites.Add(0); _cellComposite.Add((0, 0)); }
            var scores = batch.RowScores(row);
            _cellRows[cell]++;
            var weight = batch.Weight[row] / _options.WeightScale;
            if (!double.IsNaN(scores[compositeAt]))
            {
                _cellComposites[cell]++;
                var (sum, total) = _cellComposite[cell];
                _cellComposite[cell] = (sum + weight * scores[compositeAt], total + weight);
            }
            var codes = prepared.Codes.AsSpan(row * indicators, indicators);
            _histograms.Add(cell, codes, scores, ExactWeight.Of(weight));
            if (!Keep(batch.Sequence[row])) continue;
            _manyValued.Number(scores, _values);
            _store.Add(batch.Answers.AsSpan(row * questions, questions), weight, cell, _values);
        }
        for (var s = 0; s < _sums.Length; s++) _sums[s].Add(prepared.Sums[s]);
    }

    /// <summary>Whether a survey is kept: all of them, or a seeded share decided by its position in the run (so by no thread).</summary>
    private bool Keep(long sequence)
    {
        if (_keepBelow == ulong.MaxValue) return true;
        var z = unchecked((ulong)sequence * 0x9E3779B97F4A7C15UL + (ulong)_options.Seed * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (z ^ (z >> 31)) < _keepBelow;
    }

    /// <summary>Computes every table, then runs the uncertainty analysis on the kept surveys.</summary>
    public AuditResult Complete()
    {
        var variables = Variables;
        var names = variables.Names;
        var threads = _options.Threads > 0 ? _options.Threads : Environment.ProcessorCount;
        var notes = new List<AuditNote>();
        void Note(string key, object value) => notes.Add(new AuditNote(key, value is bool b ? (b ? "true" : "false") : Convert.ToString(value, CultureInfo.InvariantCulture)!));

        // Groups of the analysed level, in the byte order of their values, with the cells (one each) that make them.
        var cellDomain = _cells.DomainsOfCells();
        var domains = _cells.Groups.DomainsOf(1);
        var groupCells = domains.Select(d => Enumerable.Range(0, cellDomain.Length).Where(c => cellDomain[c][1] == d.Domain).ToArray()).ToArray();
        var allCells = Enumerable.Range(0, cellDomain.Length).ToArray();

        var stats = new List<IndicatorStatRow>();
        for (var i = 0; i < variables.Indicators; i++)
        {
            var overall = _histograms.Statistics(i, allCells);
            stats.Add(new IndicatorStatRow(names[i], Level.All.Name, [], overall, overall.N < _options.MinCell));
            for (var g = 0; g < domains.Count; g++)
            {
                var s = _histograms.Statistics(i, groupCells[g]);
                stats.Add(new IndicatorStatRow(names[i], _options.Level.Name, domains[g].Values, s, s.N < _options.MinCell));
            }
        }

        var pairs = new IndicatorPairTables(Codes);
        lock (_workers) foreach (var worker in _workers) pairs.Merge(worker.Pairs);
        var allPairs = new List<(int A, int B)>();
        for (var a = 0; a < variables.Count; a++)
            for (var b = a + 1; b < variables.Count; b++) allPairs.Add((a, b));
        _manyValued.CountKept(_store, threads);
        var correlation = new Dictionary<(int, int), PairCorrelation>();
        var correlations = new List<CorrelationRow>();
        foreach (var (a, b) in allPairs)
        {
            var r = PairCorrelation.Of(_manyValued.Has(a, b) ? _manyValued.Joint(a, b) : pairs.Joint(a, b));
            correlation[(a, b)] = r;
            correlations.Add(new CorrelationRow(names[a], names[b], r, ManyValued(a) || ManyValued(b)));
        }
        bool ManyValued(int v) => !variables.IsIndicator(v) || !Codes.IsDense(v);
        double Pearson(int a, int b) => a == b ? 1 : correlation[(Math.Min(a, b), Math.Max(a, b))].Pearson;

        var reliability = new List<ReliabilityRow>();
        var dropped = new List<AlphaIfDroppedRow>();
        var components = new List<ComponentRow>();
        var loadings = new List<LoadingRow>();
        var pca = new Dictionary<string, PrincipalComponents?>();
        var scopes = variables.Scopes.Append((Name: AuditVariables.DimensionsScope, Variables: variables.DimensionScope)).ToArray();
        for (var s = 0; s < scopes.Length; s++)
        {
            var (scope, members) = scopes[s];
            var sums = _sums[s];
            if (s < AllScope)
            {
                sums = new CompleteCaseSums(members);
                sums.Add(_sums[s]);
                sums.AddBlock(_sums[AllScope]);
            }
            var items = Enumerable.Range(0, members.Length).ToArray();
            var isIndicatorScope = s < variables.Scopes.Count;
            if (isIndicatorScope)
                foreach (var weighted in new[] { false, true })
                {
                    var covariance = sums.Covariance(weighted);
                    reliability.Add(new ReliabilityRow(scope, weighted, covariance is null ? double.NaN : Reliability.Raw(covariance, items),
                        covariance is null ? double.NaN : Reliability.Standardised(covariance, items), sums.N));
                    foreach (var item in items)
                    {
                        var rest = items.Where(x => x != item).ToArray();
                        dropped.Add(new AlphaIfDroppedRow(scope, names[members[item]], weighted, covariance is null ? double.NaN : Reliability.Raw(covariance, rest),
                            covariance is null ? double.NaN : Reliability.Standardised(covariance, rest),
                            covariance is null ? double.NaN : Reliability.ItemRest(covariance, items, item), sums.N));
                    }
                }
            var unweighted = sums.Covariance(weighted: false);
            var usable = unweighted is not null && members.Length > 1 && items.All(i => unweighted[i, i] > 0);
            var result = usable ? PrincipalComponents.Of(Reliability.Correlation(unweighted!)) : null;
            pca[scope] = result;
            if (result is null) continue;
            double cumulative = 0;
            for (var c = 0; c < result.Count; c++)
            {
                cumulative += result.Explained(c);
                components.Add(new ComponentRow(scope, c + 1, sums.N, result.Eigenvalues[c], result.Explained(c), cumulative));
                for (var i = 0; i < members.Length; i++) loadings.Add(new LoadingRow(scope, c + 1, names[members[i]], result.Loadings[i, c]));
            }
        }

        var (derived, whyNot) = DerivedWeights.From(_scheme, pca);
        Note("derived_weights", derived is null ? "not made" : derived.Complete ? "made" : "partial");
        Note("derived_weights_method", derived is null ? whyNot! : DerivedWeights.Method);
        if (derived is { Complete: false }) Note("derived_weights_contrasts", string.Join(" ", derived.Contrasts));
        var weights = WeightComparison.Rows(_scheme, derived, v => Pearson(v, variables.CompositeVariable), variables);
        var flags = CoherenceChecks.Flags(variables, Pearson, dropped, reliability, stats).ToList();
        // A first component with loadings of both signs is a contrast, not a common factor: each member loading against the others is flagged.
        foreach (var scope in derived?.Contrasts ?? [])
        {
            var members = scopes.First(x => x.Name == scope).Variables;
            for (var i = 0; i < members.Length; i++)
                if (pca[scope]!.Loadings[i, 0] <= -DerivedWeights.SignFloor)
                    flags.Add(new CoherenceFlag(names[members[i]], "contrast_in_first_component", scope, pca[scope]!.Loadings[i, 0]));
        }

        // The kept surveys.
        Note("level", _options.Level.Name);
        Note("min_cell", _options.MinCell);
        Note("surveys", _surveys);
        Note("kept_surveys", _store.Count);
        Note("kept_subsample", _keepBelow != ulong.MaxValue);
        Note("kept_bytes_per_survey", _store.BytesPerSurvey);
        Note("kept_megabytes", Math.Round((double)_store.Count * _store.BytesPerSurvey / 1e6, 1));

        var groupN = groupCells.Select(cells => cells.Sum(c => _cellComposites[c])).ToArray();
        var ranked = groupN.Select(n => n >= _options.MinCell).ToArray();
        var (ranks, sensitivity) = Uncertainty(domains, groupCells, groupN, ranked, Note);
        return new AuditResult(_options.Level, stats, correlations, reliability, dropped, components, loadings, weights, flags,
            ranks, sensitivity, derived, notes);
    }

    private (List<RankRow>, List<SensitivityRow>) Uncertainty(IReadOnlyList<(int Domain, string[] Values)> domains, int[][] groupCells, long[] groupN,
        bool[] ranked, Action<string, object> note)
    {
        var analysis = new UncertaintyAnalysis(_scheme, _options, DontKnowExists);
        note("uncertainty_seed", _options.Seed);
        note("uncertainty_weight_spread", _options.WeightSpread);
        note("uncertainty_assumptions", string.Join(" ", analysis.Varied.Select(Name)));
        note("uncertainty_base_samples", _options.Samples);
        string? skipped = _options.Samples <= 0 ? "the number of samples is 0"
            : ranked.Count(r => r) < 2 ? $"fewer than two groups of {_options.Level.Name} have at least {_options.MinCell} surveys with a composite score"
            : _store.Count == 0 ? "no survey was kept" : null;
        var rows = new List<RankRow>();
        var sensitivity = new List<SensitivityRow>();
        if (skipped is not null)
        {
            note("uncertainty", "skipped");
            note("uncertainty_reason", skipped);
            for (var g = 0; g < domains.Count; g++)
                rows.Add(new RankRow(domains[g].Values, groupN[g], !ranked[g], double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN));
            return (rows, sensitivity);
        }
        // The analysis works on cells; a group of the level is one cell.
        var cells = groupCells.Sum(c => c.Length);
        var cellRanked = new bool[Math.Max(cells, _cellRows.Count)];
        for (var g = 0; g < domains.Count; g++) foreach (var c in groupCells[g]) cellRanked[c] = ranked[g];
        var result = analysis.Run(_store, cellRanked.Length, cellRanked);
        // The nominal scores and ranks are those of every survey (aggregates' means); the variants' are of the kept surveys.
        var nominalScore = new double[cellRanked.Length];
        for (var c = 0; c < nominalScore.Length; c++)
            nominalScore[c] = c < _cellComposite.Count && _cellComposite[c].Weight > 0 ? _cellComposite[c].Sum / _cellComposite[c].Weight : double.NaN;
        var nominalRank = UncertaintyAnalysis.Ranks(nominalScore, cellRanked);
        note("uncertainty", "done");
        note("uncertainty_runs", result.Runs);
        note("uncertainty_rank_runs", result.UncertaintyRuns);
        note("uncertainty_surveys", result.Surveys);
        for (var g = 0; g < domains.Count; g++)
        {
            var c = groupCells[g][0];
            rows.Add(ranked[g]
                ? new RankRow(domains[g].Values, groupN[g], false, nominalRank[c], nominalScore[c], result.MedianRank[c], result.MeanRank[c],
                    result.RankLow[c], result.RankHigh[c], result.ScoreLow[c], result.ScoreHigh[c])
                : new RankRow(domains[g].Values, groupN[g], true, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN));
        }
        if (result.Sensitivity is { } indices)
        {
            var (firstWhy, totalWhy) = SobolScreen.Reasons(indices, result.BaseSamples, _options);
            note("sensitivity_moved_runs", indices.MovedRuns);
            note("sensitivity_ab_runs", 2 * result.BaseSamples);
            note("sensitivity_max_interval_width", _options.SobolMaxIntervalWidth);
            if (!(indices.Variance > 0)) note("sensitivity_reason", "the ranking did not change in any variant: no assumption explains any of its variation");
            else if (firstWhy.All(w => w == SobolScreen.Negligible))
                note("sensitivity_reason", $"the ranking moved in only {indices.MovedRuns} of the {2 * result.BaseSamples} runs of A and B: too little variation to share out among the assumptions");
            for (var x = 0; x < result.Varied.Count; x++)
            {
                bool showFirst = firstWhy[x] is null, showTotal = totalWhy[x] is null;
                sensitivity.Add(new SensitivityRow(Name(result.Varied[x]), NominalOf(result.Varied[x]), Alternatives(result.Varied[x]),
                    showFirst ? indices.FirstOrder[x] : double.NaN, showTotal ? indices.Total[x] : double.NaN,
                    showFirst ? indices.FirstOrderLow[x] : double.NaN, showFirst ? indices.FirstOrderHigh[x] : double.NaN,
                    showTotal ? indices.TotalLow[x] : double.NaN, showTotal ? indices.TotalHigh[x] : double.NaN, firstWhy[x], totalWhy[x]));
            }
        }
        else note("sensitivity_reason", result.Varied.Count == 0 ? "no assumption is varied" : "some variant left no group with a rank");
        return (rows, sensitivity);
    }

    /// <summary>An assumption's name in the tables.</summary>
    public static string Name(Assumption assumption) => assumption switch
    {
        Assumption.Weights => "weights",
        Assumption.Aggregation => "aggregation",
        Assumption.CompositeFrom => "composite_from",
        Assumption.Coverage => "min_dimension_coverage",
        _ => "dont_know",
    };

    private string NominalOf(Assumption assumption) => assumption switch
    {
        Assumption.Weights => "the scheme's weights",
        Assumption.Aggregation => "arithmetic",
        Assumption.CompositeFrom => _scheme.Options.CompositeFrom == CompositeSource.Indicators ? "indicators" : "dimensions",
        Assumption.Coverage => _scheme.Options.MinDimensionCoverage.ToString(CultureInfo.InvariantCulture),
        _ => "missing",
    };

    private string Alternatives(Assumption assumption) => assumption switch
    {
        Assumption.Weights => string.Create(CultureInfo.InvariantCulture, $"each weight times U({1 - _options.WeightSpread}, {1 + _options.WeightSpread})"),
        Assumption.Aggregation => "arithmetic; geometric",
        Assumption.CompositeFrom => "dimensions; indicators",
        Assumption.Coverage => string.Join("; ", UncertaintyAnalysis.CoverageAlternatives.Select(c => c.ToString(CultureInfo.InvariantCulture))),
        _ => "missing; lowest score",
    };
}
