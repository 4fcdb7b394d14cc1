using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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

    /// <summary>Doubles per vector: 512-bit vectors where the processor has them (half the work of 256-bit ones for 15 scores).</summary>
    private static readonly int Width = Vector512.IsHardwareAccelerated ? Vector512<double>.Count : Vector<double>.Count;

    private readonly int[] _variables;
    private readonly int _stride;                 // K rounded up to whole vectors
    private readonly double[] _x;
    private readonly double[] _sum, _weightedSum, _cross, _weightedCross;   // cross: K rows of _stride, full

    public CompleteCaseSums(int[] variables)
    {
        _variables = variables;
        var k = variables.Length;
        _stride = (k + Width - 1) / Width * Width;
        _x = new double[_stride];
        _sum = new double[k];
        _weightedSum = new double[k];
        _cross = new double[k * _stride];
        _weightedCross = new double[k * _stride];
    }

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

    /// <summary>Adds a survey's scores (all the run's variables, NaN where missing) when every score of the scope is present; says whether it did.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool Add(ReadOnlySpan<double> scores, double weight)
    {
        var k = _variables.Length;
        var x = _x;
        for (var i = 0; i < k; i++)
        {
            var v = scores[_variables[i]];
            if (double.IsNaN(v)) return false;
            x[i] = v - Shift;
        }
        N++;
        WeightSum += weight;
        // Row i of the cross-products gets x_i · x, a vector at a time (the padding of x is 0).
        ref var cross = ref MemoryMarshal.GetArrayDataReference(_cross);
        ref var weightedCross = ref MemoryMarshal.GetArrayDataReference(_weightedCross);
        ref var xs = ref MemoryMarshal.GetArrayDataReference(x);
        var width = Width;
        for (var i = 0; i < k; i++)
        {
            var xi = x[i];
            var wxi = weight * xi;
            _sum[i] += xi;
            _weightedSum[i] += wxi;
            var row = (nuint)(i * _stride);
            // Only the vectors from the one holding the diagonal on: the upper triangle is all Covariance reads.
            var from = (nuint)(i / width * width);
            if (Vector512.IsHardwareAccelerated)
            {
                var (vi, wvi) = (Vector512.Create(xi), Vector512.Create(wxi));
                for (var j = from; j < (nuint)_stride; j += (nuint)width)
                {
                    var xj = Vector512.LoadUnsafe(ref xs, j);
                    (Vector512.LoadUnsafe(ref cross, row + j) + vi * xj).StoreUnsafe(ref cross, row + j);
                    (Vector512.LoadUnsafe(ref weightedCross, row + j) + wvi * xj).StoreUnsafe(ref weightedCross, row + j);
                }
            }
            else
            {
                var (vi, wvi) = (new Vector<double>(xi), new Vector<double>(wxi));
                for (var j = from; j < (nuint)_stride; j += (nuint)width)
                {
                    var xj = Vector.LoadUnsafe(ref xs, j);
                    (Vector.LoadUnsafe(ref cross, row + j) + vi * xj).StoreUnsafe(ref cross, row + j);
                    (Vector.LoadUnsafe(ref weightedCross, row + j) + wvi * xj).StoreUnsafe(ref weightedCross, row + j);
                }
            }
        }
        return true;
    }

    /// <summary>
    /// Adds the sums of a scope that holds every variable of this one (its surveys are complete cases of
    /// this scope too): a survey complete in every indicator is added to the scope of all of them only,
    /// and each dimension's sums get that block of them at the end.
    /// </summary>
    public void AddBlock(CompleteCaseSums wider)
    {
        var at = _variables.Select(v => Array.IndexOf(wider._variables, v)).ToArray();
        if (at.Any(a => a < 0)) throw new ArgumentException("The wider scope must hold every variable of this one.");
        N += wider.N;
        WeightSum += wider.WeightSum;
        for (var i = 0; i < at.Length; i++)
        {
            _sum[i] += wider._sum[at[i]];
            _weightedSum[i] += wider._weightedSum[at[i]];
            for (var j = i; j < at.Length; j++)
            {
                var (a, b) = (Math.Min(at[i], at[j]), Math.Max(at[i], at[j]));
                _cross[i * _stride + j] += wider._cross[a * wider._stride + b];
                _weightedCross[i * _stride + j] += wider._weightedCross[a * wider._stride + b];
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
                c[i, j] = c[j, i] = (cross[i * _stride + j] - sum[i] * sum[j] / total) / denominator;
        return c;
    }
}
