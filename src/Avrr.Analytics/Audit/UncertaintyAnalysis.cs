using Avrr.Analytics.Schemes;

namespace Avrr.Analytics.Audit;

/// <summary>
/// Monte Carlo uncertainty and variance-based sensitivity analysis of the group results (docs/audit.md,
/// "Uncertainty and sensitivity"), after the OECD/JRC Handbook (2008, §7) and COINr's
/// <c>get_sensitivity(SA_type = "SA")</c>: each varied <see cref="Assumption"/> is an input of a
/// <see cref="SaltelliDesign"/>; each point of the design is a <see cref="ModelVariant"/>, under which every
/// kept survey is scored again and each group's design-weighted mean composite computed; groups are
/// ranked (1 = highest mean, ties share the best rank, as R's <c>rank(-x, ties.method = "min")</c>); the
/// output of the sensitivity analysis is the mean absolute rank shift from the nominal ranking.
/// <para>
/// Surveys are scored in fixed chunks, several at once on the available cores; each chunk's sums are
/// added in chunk order, so the result does not depend on the threads.
/// </para>
/// </summary>
public sealed class UncertaintyAnalysis
{
    private const int ChunkSurveys = 4096;

    private readonly Scheme _scheme;
    private readonly AuditOptions _options;
    private readonly ModelVariant _nominal;
    private readonly Assumption[] _varied;
    private readonly ModelVariant[] _weightSets;

    public UncertaintyAnalysis(Scheme scheme, AuditOptions options, bool dontKnowExists)
    {
        _scheme = scheme;
        _options = options;
        _nominal = Nominal(scheme);
        // dk scored differently changes nothing when the scheme has no dk answer: it is not an input then.
        _varied = options.Varied.Where(a => a != Assumption.DontKnow || dontKnowExists).Order().ToArray();
        var random = new Random(unchecked(options.Seed + 1));
        _weightSets = Enumerable.Range(0, Math.Max(1, options.WeightSets)).Select(_ => Noisy(random)).ToArray();
    }

    public IReadOnlyList<Assumption> Varied => _varied;

    /// <summary>
    /// The scheme's own way of building the composite, with its weights as the scorer uses them: relative to
    /// their largest sibling (<see cref="SchemeWeight.Relative"/>, exact), so that the nominal composite is the
    /// run's to the last bit and weights near the largest double do not overflow their sums.
    /// </summary>
    public static ModelVariant Nominal(Scheme scheme)
    {
        var dimensionWeights = SchemeWeight.Relative(scheme.Dimensions.Select(d => d.Weight));
        var indicatorWeights = scheme.Dimensions.SelectMany(d => SchemeWeight.Relative(d.Indicators.Select(i => i.Weight))).ToArray();
        var fromIndicators = scheme.Options.CompositeFrom == CompositeSource.Indicators;
        var compositeWeights = fromIndicators
            ? SchemeWeight.Relative(scheme.Indicators.Select(i => i.CompositeWeight ?? i.Weight))
            : Flattened(scheme, dimensionWeights, indicatorWeights);
        return new ModelVariant(dimensionWeights, indicatorWeights, compositeWeights, false, fromIndicators, scheme.Options.MinDimensionCoverage, false);
    }

    /// <summary>
    /// An indicator's weight in a composite built straight from indicators when the scheme builds it from
    /// dimensions: its dimension's share of the dimension weight times its share of its dimension's
    /// indicator weight, so that a survey with every indicator present gets the same composite either way.
    /// </summary>
    private static double[] Flattened(Scheme scheme, double[] dimensionWeights, double[] indicatorWeights)
    {
        var total = dimensionWeights.Sum();
        var weights = new double[indicatorWeights.Length];
        var i = 0;
        for (var d = 0; d < scheme.Dimensions.Count; d++)
        {
            var count = scheme.Dimensions[d].Indicators.Count;
            double inDimension = 0;
            for (var j = 0; j < count; j++) inDimension += indicatorWeights[i + j];
            for (var j = 0; j < count; j++, i++) weights[i] = dimensionWeights[d] / total * (indicatorWeights[i] / inDimension);
        }
        return weights;
    }

    private ModelVariant Noisy(Random random)
    {
        var f = _options.WeightSpread;
        double Noise(double w) => w * (1 + f * (2 * random.NextDouble() - 1));
        var dimensions = _nominal.DimensionWeights.Select(Noise).ToArray();
        var indicators = _nominal.IndicatorWeights.Select(Noise).ToArray();
        var composite = _nominal.FromIndicators ? _nominal.CompositeWeights.Select(Noise).ToArray() : Flattened(_scheme, dimensions, indicators);
        return _nominal with { DimensionWeights = dimensions, IndicatorWeights = indicators, CompositeWeights = composite };
    }

    /// <summary>The variant of one point of the design (its coordinates in the order of <see cref="Varied"/>).</summary>
    public ModelVariant VariantAt(ReadOnlySpan<double> point)
    {
        var variant = _nominal;
        for (var x = 0; x < _varied.Length; x++)
        {
            var u = point[x];
            variant = _varied[x] switch
            {
                Assumption.Weights => _weightSets[Pick(u, _weightSets.Length)] with
                {
                    Geometric = variant.Geometric, FromIndicators = variant.FromIndicators, Coverage = variant.Coverage, DontKnowLowest = variant.DontKnowLowest,
                },
                Assumption.Aggregation => variant with { Geometric = Pick(u, 2) == 1 },
                Assumption.CompositeFrom => variant with { FromIndicators = Pick(u, 2) == 1 },
                Assumption.Coverage => variant with { Coverage = CoverageAlternatives[Pick(u, CoverageAlternatives.Length)] },
                Assumption.DontKnow => variant with { DontKnowLowest = Pick(u, 2) == 1 },
                _ => variant,
            };
        }
        return variant;
    }

    public static readonly double[] CoverageAlternatives = [0.4, 0.6, 0.8];

    /// <summary>One of n alternatives, equally likely, for a uniform draw u in [0, 1).</summary>
    private static int Pick(double u, int n) => Math.Min((int)(u * n), n - 1);

    /// <summary>
    /// Runs the analysis on the kept surveys: <paramref name="groups"/> groups, of which those marked in
    /// <paramref name="ranked"/> are ranked.
    /// </summary>
    public UncertaintyResult Run(SurveyStore store, int groups, bool[] ranked)
    {
        var samples = Math.Max(1, _options.Samples);
        var k = _varied.Length;
        var design = k == 0 ? null : new SaltelliDesign(samples, k, _options.Seed);
        var variants = new List<ModelVariant> { _nominal };
        if (design is null) variants.AddRange(Enumerable.Repeat(_nominal, samples));
        else variants.AddRange(design.Points.Select(p => VariantAt(p)));
        var used = Used(store.Count, variants.Count);
        var scores = GroupScores(store, groups, variants, used);

        var nominalRank = Ranks(scores[0], ranked);
        var runs = variants.Count - 1;
        var ranks = new double[runs][];
        var shift = new double[runs];
        for (var r = 0; r < runs; r++)
        {
            ranks[r] = Ranks(scores[r + 1], ranked);
            double sum = 0;
            var count = 0;
            for (var g = 0; g < groups; g++)
                if (!double.IsNaN(ranks[r][g]) && !double.IsNaN(nominalRank[g])) { sum += Math.Abs(ranks[r][g] - nominalRank[g]); count++; }
            shift[r] = count > 0 ? sum / count : double.NaN;
        }
        // COINr's rank statistics use the rows of A and B only: the AB_i rows are not independent draws.
        var uaRuns = design is null ? runs : 2 * samples;
        double[] Statistic(Func<double[], double> of, Func<int, double[]> values) =>
            Enumerable.Range(0, groups).Select(g => ranked[g] ? of(values(g)) : double.NaN).ToArray();
        double[] RankValues(int g) => Sorted(Enumerable.Range(0, uaRuns).Select(r => ranks[r][g]));
        double[] ScoreValues(int g) => Sorted(Enumerable.Range(0, uaRuns).Select(r => scores[r + 1][g]));

        var sensitivity = design is null || shift.Any(double.IsNaN) ? null
            : SobolIndices.Estimate(shift, samples, k, _options.Bootstrap, unchecked(_options.Seed + 2));
        return new UncertaintyResult(_varied, samples, runs, uaRuns, used?.Length ?? store.Count,
            Enumerable.Range(0, groups).Select(g => ranked[g] ? scores[0][g] : double.NaN).ToArray(), nominalRank,
            Statistic(v => Quantiles.Type7(v, 0.5), RankValues), Statistic(v => v.Length == 0 ? double.NaN : v.Average(), RankValues),
            Statistic(v => Quantiles.Type7(v, 0.05), RankValues), Statistic(v => Quantiles.Type7(v, 0.95), RankValues),
            Statistic(v => Quantiles.Type7(v, 0.05), ScoreValues), Statistic(v => Quantiles.Type7(v, 0.95), ScoreValues),
            shift, sensitivity);
    }

    /// <summary>
    /// The kept surveys the variants are scored on: all of them (null) while kept surveys × variants stay within
    /// <see cref="AuditOptions.MaxSurveyVariants"/>, else a seeded subsample of about that budget's worth (each survey
    /// chosen by a hash of its position and the seed), so that more variants do not cost more time on large runs.
    /// </summary>
    private int[]? Used(int kept, int variants)
    {
        if ((long)kept * variants <= _options.MaxSurveyVariants) return null;
        var share = (double)_options.MaxSurveyVariants / variants / kept;
        var below = (ulong)(share * 18446744073709551616.0);
        var used = new List<int>();
        for (var s = 0; s < kept; s++)
        {
            var z = unchecked((ulong)s * 0xD1B54A32D192ED03UL + (ulong)_options.Seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL);
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            if ((z ^ (z >> 31)) < below) used.Add(s);
        }
        return [.. used];
    }

    private static double[] Sorted(IEnumerable<double> values) => values.Where(v => !double.IsNaN(v)).Order().ToArray();

    /// <summary>Ranks of the ranked groups by score, highest first; ties share the best rank; NaN for a group not ranked or without a score.</summary>
    internal static double[] Ranks(double[] scores, bool[] ranked)
    {
        var ranks = new double[scores.Length];
        for (var g = 0; g < scores.Length; g++)
        {
            if (!ranked[g] || double.IsNaN(scores[g])) { ranks[g] = double.NaN; continue; }
            var above = 0;
            for (var h = 0; h < scores.Length; h++)
                if (ranked[h] && scores[h] > scores[g]) above++;
            ranks[g] = above + 1;
        }
        return ranks;
    }

    /// <summary>Each variant's design-weighted mean composite of each group, over the kept surveys: [variant][group], NaN for a group without a composite.</summary>
    public double[][] GroupScores(SurveyStore store, int groups, IReadOnlyList<ModelVariant> variants, int[]? surveys = null)
    {
        var count = surveys?.Length ?? store.Count;
        var scorers = variants.Select(v => new VariantScorer(_scheme, v)).ToArray();
        var anyLowest = variants.Any(v => v.DontKnowLowest);
        var chunks = (count + ChunkSurveys - 1) / ChunkSurveys;
        var threads = _options.Threads > 0 ? _options.Threads : Environment.ProcessorCount;
        var totals = new double[variants.Count * groups * 2];
        // Chunks are scored a round at a time, and each round's sums added in chunk order: bounded memory, same result on any number of threads.
        var round = Math.Max(1, threads * 2);
        var partial = new double[round][];
        for (var first = 0; first < chunks; first += round)
        {
            var inRound = Math.Min(round, chunks - first);
            Parallel.For(0, inRound, new ParallelOptions { MaxDegreeOfParallelism = threads }, c =>
                partial[c] = ScoreChunk(store, surveys, (first + c) * ChunkSurveys, Math.Min(count, (first + c + 1) * ChunkSurveys), groups, scorers, anyLowest));
            for (var c = 0; c < inRound; c++)
                for (var x = 0; x < totals.Length; x++) totals[x] += partial[c][x];
        }
        return Enumerable.Range(0, variants.Count).Select(v => Enumerable.Range(0, groups).Select(g =>
        {
            var weight = totals[(v * groups + g) * 2 + 1];
            return weight > 0 ? totals[(v * groups + g) * 2] / weight : double.NaN;
        }).ToArray()).ToArray();
    }

    private double[] ScoreChunk(SurveyStore store, int[]? used, int from, int to, int groups, VariantScorer[] scorers, bool anyLowest)
    {
        int At(int s) => used is null ? from + s : used[from + s];
        var rescorer = new IndicatorRescorer(_scheme);
        var indicators = _scheme.Indicators.Count;
        var surveys = to - from;
        // Each survey's indicator scores (0 where missing) and presence (1 or 0), with dk left out and, when a variant needs it, scored lowest.
        var (missing, missingPresent) = (new double[surveys * indicators], new double[surveys * indicators]);
        var (lowest, lowestPresent) = anyLowest ? (new double[surveys * indicators], new double[surveys * indicators]) : (missing, missingPresent);
        Span<double> scores = stackalloc double[indicators];
        for (var s = 0; s < surveys; s++)
        {
            rescorer.Score(store.Answers(At(s)), false, scores);
            Split(scores, missing.AsSpan(s * indicators, indicators), missingPresent.AsSpan(s * indicators, indicators));
            if (!anyLowest) continue;
            rescorer.Score(store.Answers(At(s)), true, scores);
            Split(scores, lowest.AsSpan(s * indicators, indicators), lowestPresent.AsSpan(s * indicators, indicators));
        }
        var weight = new double[surveys];
        var group = new int[surveys];
        for (var s = 0; s < surveys; s++) (weight[s], group[s]) = (store.Weight(At(s)), store.Group(At(s)));
        var sums = new double[scorers.Length * groups * 2];
        for (var v = 0; v < scorers.Length; v++)
        {
            var scorer = scorers[v];
            var (values, present) = scorer.Variant.DontKnowLowest ? (lowest, lowestPresent) : (missing, missingPresent);
            var at = v * groups * 2;
            for (var s = 0; s < surveys; s++)
            {
                var composite = scorer.Composite(values.AsSpan(s * indicators, indicators), present.AsSpan(s * indicators, indicators));
                if (double.IsNaN(composite)) continue;
                var cell = at + group[s] * 2;
                sums[cell] += weight[s] * composite;
                sums[cell + 1] += weight[s];
            }
        }
        return sums;
    }

    private static void Split(ReadOnlySpan<double> scores, Span<double> values, Span<double> present)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            var missing = double.IsNaN(scores[i]);
            values[i] = missing ? 0 : scores[i];
            present[i] = missing ? 0 : 1;
        }
    }
}
