namespace Avrr.Analytics.Audit;

/// <summary>
/// Sums and cross-products of a set of scores over the surveys where every one of them is present (the
/// complete cases), unweighted and design-weighted: what Cronbach's alpha and the principal components
/// need (psych::alpha and prcomp run on <c>na.omit</c> of the scope's columns). Scores are shifted by
/// ½ before they are multiplied, which keeps the cancellation in Σxy − ΣxΣy/n small for scores in 0..1.
/// <para>
/// Filled one batch at a time in row order and added to the run's total in input order, so the sums are
/// the same whatever thread filled a batch.
/// </para>
/// </summary>
internal sealed class CompleteCaseSums
{
    private const double Shift = 0.5;

    private readonly int[] _variables;
    private readonly double[] _x;
    private readonly double[] _sum, _weightedSum, _cross, _weightedCross;   // cross: K × K, full

    public CompleteCaseSums(int[] variables)
    {
        _variables = variables;
        var k = variables.Length;
        _x = new double[k];
        _sum = new double[k];
        _weightedSum = new double[k];
        _cross = new double[k * k];
        _weightedCross = new double[k * k];
    }

    public IReadOnlyList<int> Variables => _variables;
    public long N { get; private set; }
    public double WeightSum { get; private set; }

    public void Clear()
    {
        N = 0;
        WeightSum = 0;
        Array.Clear(_sum);
        Array.Clear(_weightedSum);
        Array.Clear(_cross);
        Array.Clear(_weightedCross);
    }

    /// <summary>Adds a survey's scores (all the run's variables, NaN where missing) when every score of the scope is present.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<double> scores, double weight)
    {
        var k = _variables.Length;
        var x = _x;
        for (var i = 0; i < k; i++)
        {
            var v = scores[_variables[i]];
            if (double.IsNaN(v)) return;
            x[i] = v - Shift;
        }
        N++;
        WeightSum += weight;
        for (var i = 0; i < k; i++)
        {
            var xi = x[i];
            var wxi = weight * xi;
            _sum[i] += xi;
            _weightedSum[i] += wxi;
            var row = i * k;
            for (var j = i; j < k; j++)
            {
                _cross[row + j] += xi * x[j];
                _weightedCross[row + j] += wxi * x[j];
            }
        }
    }

    /// <summary>Adds another set of sums of the same scope (a batch's, in input order).</summary>
    public void Add(CompleteCaseSums other)
    {
        N += other.N;
        WeightSum += other.WeightSum;
        for (var i = 0; i < _sum.Length; i++) { _sum[i] += other._sum[i]; _weightedSum[i] += other._weightedSum[i]; }
        for (var c = 0; c < _cross.Length; c++) { _cross[c] += other._cross[c]; _weightedCross[c] += other._weightedCross[c]; }
    }

    /// <summary>
    /// The covariance matrix of the complete cases: unweighted with denominator n − 1 (R's <c>cov</c>);
    /// weighted Σw(x − x̄)(y − ȳ) / Σw (the scale of <c>cov.wt</c> differs by a constant factor, which
    /// neither alpha nor a correlation sees). Null with fewer than two complete cases.
    /// </summary>
    public double[,]? Covariance(bool weighted)
    {
        if (N < 2) return null;
        var k = _variables.Length;
        var (sum, cross, total) = weighted ? (_weightedSum, _weightedCross, WeightSum) : (_sum, _cross, (double)N);
        var denominator = weighted ? WeightSum : N - 1;
        var c = new double[k, k];
        for (var i = 0; i < k; i++)
            for (var j = i; j < k; j++)
                c[i, j] = c[j, i] = (cross[i * k + j] - sum[i] * sum[j] / total) / denominator;
        return c;
    }
}
