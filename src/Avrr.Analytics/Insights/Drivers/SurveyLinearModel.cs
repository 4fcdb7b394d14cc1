using Avrr.Analytics.Estimation;
using Avrr.Analytics.Grouping;
using Avrr.Analytics.Inference;

namespace Avrr.Analytics.Insights.Drivers;

/// <summary>
/// Survey-weighted linear models of several outcomes on the same categorical terms, as R's
/// <c>svyglm(outcome ~ term1 + term2 + …, design)</c> fits them (gaussian family, identity link,
/// treatment coding; docs/insights.md, "The linear model"), with state per cell (combination of levels)
/// and per PSU only, never per survey:
/// <list type="number">
/// <item><see cref="Add"/>: each survey to the cell of its levels and its stratum (weighted sums per cell,
/// stratum and outcome; <see cref="AddSums"/> adds sums made elsewhere), then <see cref="Solve"/>:
/// β = (X'WX)⁻¹X'Wy per outcome, the surveys with a missing outcome left out;</item>
/// <item>with clusters only, a second pass, PSU by PSU (<see cref="AddResidual"/>): the PSU totals
/// t_j = Σ w_i x_i e_i of the residuals; <see cref="EndPsus"/> closes a group of complete PSUs (a spill
/// bucket, say). Without clusters each survey is its own PSU, and its total w_i x_i (y_i − x_i'β) is
/// known from the cell's sums of w², w²y and w²y², so no second pass is needed.</item>
/// </list>
/// Then <see cref="Fit"/>: the sandwich V = A⁻¹BA⁻¹ with A = X'WX and B = Σ_h m_h/(m_h − 1) Σ_j (t_j − t̄_h)(t_j − t̄_h)',
/// m_h the PSUs of stratum h in the whole design (a PSU without a used survey has t_j = 0), a stratum with a
/// single PSU contributing t t' (R's <c>survey.lonely.psu = "adjust"</c>); t = β/se and p from Student's t with
/// the residual degrees of freedom (PSUs − strata with a used survey) + 1 − p, and intervals with its
/// quantile, as <c>summary()</c> and <c>confint()</c> of a <c>svyglm</c> do.
/// <para>
/// A column that the earlier columns already explain (a level no used survey has, or an exact linear
/// combination) is aliased, like R's NA coefficient: it is left out of the fit, and its statistics are NaN.
/// </para>
/// </summary>
public sealed class SurveyLinearModel
{
    /// <summary>
    /// A column is aliased when the part of it that the earlier columns do not explain has a weighted sum of
    /// squares below this share of its own: exact collinearity leaves rounding (about 1e-16), real columns far more.
    /// </summary>
    private const double AliasTolerance = 1e-10;

    /// <summary>Sums over the surveys of one cell, stratum and outcome: surveys, Σw, Σwy, Σw², Σw²y, Σw²y².</summary>
    public readonly record struct CellSums(double Rows, double W, double Wy, double W2, double W2y, double W2yy);

    private readonly TreatmentCoding _coding;
    private readonly int _outcomes;
    private readonly int _p;
    private readonly CombinationIndex _cells = new();
    private readonly Dictionary<(int Stratum, int Cell), int> _slots = [];
    private readonly List<(int Stratum, int Cell)> _slotKeys = [];
    private readonly List<CellSums> _sums = [];
    private readonly int[] _ones;
    private Solution[]? _solutions;
    private bool _fitted;
    // With clusters: the totals of the PSUs of the current group, and per stratum the sums of the closed PSUs.
    private readonly Dictionary<(int Stratum, long Psu), int> _openPsus = [];
    private readonly List<double[]> _psuTotals = [];
    private readonly List<bool[]> _psuUsed = [];
    private readonly Dictionary<int, StratumSums> _strata = [];

    public SurveyLinearModel(TreatmentCoding coding, int outcomes)
    {
        _coding = coding;
        _outcomes = outcomes;
        _p = coding.ColumnCount;
        _ones = new int[coding.Terms.Count + 1];
    }

    public TreatmentCoding Coding => _coding;

    /// <summary>The number of the cell of a combination of levels (one level number per term).</summary>
    public int CellOf(ReadOnlySpan<int> levels) => _cells.IdOf(levels);

    private int SlotOf(int stratum, int cell)
    {
        if (_slots.TryGetValue((stratum, cell), out var slot)) return slot;
        slot = _slotKeys.Count;
        _slots.Add((stratum, cell), slot);
        _slotKeys.Add((stratum, cell));
        for (var o = 0; o < _outcomes; o++) _sums.Add(default);
        return slot;
    }

    /// <summary>A survey of a stratum (0 without strata) with the cell of its levels; a NaN outcome leaves it out of that outcome's model.</summary>
    public void Add(int stratum, int cell, double weight, ReadOnlySpan<double> outcomes)
    {
        var at = SlotOf(stratum, cell) * _outcomes;
        var w2 = weight * weight;
        for (var o = 0; o < _outcomes; o++)
        {
            var y = outcomes[o];
            if (double.IsNaN(y)) continue;
            var s = _sums[at + o];
            _sums[at + o] = new CellSums(s.Rows + 1, s.W + weight, s.Wy + weight * y, s.W2 + w2, s.W2y + w2 * y, s.W2yy + w2 * y * y);
        }
    }

    /// <summary>Sums of surveys of one stratum, cell and outcome made elsewhere (merged from finer cells, say).</summary>
    public void AddSums(int stratum, int cell, int outcome, CellSums sums)
    {
        var at = SlotOf(stratum, cell) * _outcomes + outcome;
        var s = _sums[at];
        _sums[at] = new CellSums(s.Rows + sums.Rows, s.W + sums.W, s.Wy + sums.Wy, s.W2 + sums.W2, s.W2y + sums.W2y, s.W2yy + sums.W2yy);
    }

    /// <summary>After the surveys are added: the coefficients of every outcome (which the residuals need).</summary>
    public void Solve()
    {
        _solutions = new Solution[_outcomes];
        for (var o = 0; o < _outcomes; o++)
        {
            var a = new double[_p, _p];
            var b = new double[_p];
            for (var slot = 0; slot < _slotKeys.Count; slot++)
            {
                var s = _sums[slot * _outcomes + o];
                if (s.Rows == 0) continue;
                var count = _coding.OnesOf(_cells[_slotKeys[slot].Cell], _ones);
                for (var i = 0; i < count; i++)
                {
                    b[_ones[i]] += s.Wy;
                    for (var j = 0; j < count; j++) a[_ones[i], _ones[j]] += s.W;
                }
            }
            _solutions[o] = Solution.Of(a, b);
        }
    }

    /// <summary>
    /// With clusters, after <see cref="Solve"/>: a survey again, with its stratum and PSU (any number that names
    /// the PSU within its stratum). Every survey of a PSU must come before the <see cref="EndPsus"/> that closes it.
    /// </summary>
    public void AddResidual(int stratum, long psu, int cell, double weight, ReadOnlySpan<double> outcomes)
    {
        var solutions = _solutions ?? throw new InvalidOperationException("Solve the model before adding residuals.");
        if (!_openPsus.TryGetValue((stratum, psu), out var slot))
        {
            slot = _openPsus.Count;
            _openPsus.Add((stratum, psu), slot);
            if (slot == _psuTotals.Count)
            {
                _psuTotals.Add(new double[_outcomes * _p]);
                _psuUsed.Add(new bool[_outcomes]);
            }
        }
        var totals = _psuTotals[slot];
        var used = _psuUsed[slot];
        var count = _coding.OnesOf(_cells[cell], _ones);
        for (var o = 0; o < _outcomes; o++)
        {
            var y = outcomes[o];
            if (double.IsNaN(y)) continue;
            var u = weight * (y - Fitted(solutions[o], count));
            for (var i = 0; i < count; i++) totals[o * _p + _ones[i]] += u;
            used[o] = true;
        }
    }

    /// <summary>x'β for the columns in <see cref="_ones"/>.</summary>
    private double Fitted(Solution solution, int count)
    {
        var fitted = 0.0;
        for (var i = 0; i < count; i++) fitted += solution.Beta[_ones[i]];
        return fitted;
    }

    private StratumSums Stratum(int stratum)
    {
        if (!_strata.TryGetValue(stratum, out var sums)) _strata.Add(stratum, sums = new StratumSums(_outcomes, _p));
        return sums;
    }

    /// <summary>Closes the PSUs added since the last call: their totals go into their strata's sums.</summary>
    public void EndPsus()
    {
        foreach (var ((stratum, _), slot) in _openPsus)
        {
            var sums = Stratum(stratum);
            var totals = _psuTotals[slot];
            for (var o = 0; o < _outcomes; o++)
            {
                if (!_psuUsed[slot][o]) continue;
                sums.UsedPsus[o]++;
                var t = totals.AsSpan(o * _p, _p);
                var sum = sums.Sum[o];
                var square = sums.Square[o];
                for (var i = 0; i < _p; i++)
                {
                    sum[i] += t[i];
                    for (var j = 0; j < _p; j++) square[i * _p + j] += t[i] * t[j];
                }
            }
            Array.Clear(totals);
            Array.Clear(_psuUsed[slot]);
        }
        _openPsus.Clear();
    }

    /// <summary>
    /// Without clusters, every survey is a PSU whose total is w x (y − μ), μ = x'β of its cell: per cell, the sum
    /// of those totals is Σwy − μΣw and the sum of their squares Σw²y² − 2μΣw²y + μ²Σw² (times x and x x').
    /// </summary>
    private void OwnPsus()
    {
        var solutions = _solutions!;
        for (var slot = 0; slot < _slotKeys.Count; slot++)
        {
            var (stratum, cell) = _slotKeys[slot];
            var sums = Stratum(stratum);
            var count = _coding.OnesOf(_cells[cell], _ones);
            for (var o = 0; o < _outcomes; o++)
            {
                var s = _sums[slot * _outcomes + o];
                if (s.Rows == 0) continue;
                var mu = Fitted(solutions[o], count);
                var total = s.Wy - mu * s.W;
                var square = s.W2yy - 2 * mu * s.W2y + mu * mu * s.W2;
                sums.UsedPsus[o] += (int)s.Rows;
                for (var i = 0; i < count; i++)
                {
                    sums.Sum[o][_ones[i]] += total;
                    for (var j = 0; j < count; j++) sums.Square[o][_ones[i] * _p + _ones[j]] += square;
                }
            }
        }
    }

    /// <summary>The surveys of an outcome's model at a level of a term (level 0 is the reference; term -1 counts them all).</summary>
    public long Rows(int outcome, int term, int level)
    {
        double rows = 0;
        for (var slot = 0; slot < _slotKeys.Count; slot++)
            if (term < 0 || _cells[_slotKeys[slot].Cell][term] == level) rows += _sums[slot * _outcomes + outcome].Rows;
        return (long)rows;
    }

    /// <summary>
    /// The fitted models. <paramref name="design"/> is the design of every survey (those left out of the
    /// models too), which gives each stratum's PSU count m_h, and says whether there are clusters (whose
    /// residuals must have been added) or each survey is its own PSU.
    /// </summary>
    public IReadOnlyList<LinearFit> Fit(SurveyDesign design, double confidence = 0.95)
    {
        var solutions = _solutions ?? throw new InvalidOperationException("Solve the model first.");
        if (_fitted) throw new InvalidOperationException("The model is fitted once.");
        _fitted = true;
        if (design.Clustered) EndPsus();
        else OwnPsus();
        var fits = new List<LinearFit>();
        for (var o = 0; o < _outcomes; o++)
        {
            var solution = solutions[o];
            var kept = solution.Kept;
            var k = kept.Length;
            var meat = new double[k, k];
            int usedPsus = 0, usedStrata = 0;
            foreach (var (stratum, sums) in _strata)
            {
                if (sums.UsedPsus[o] == 0) continue;
                usedPsus += sums.UsedPsus[o];
                usedStrata++;
                var m = design.PsuCount(stratum);
                var sum = sums.Sum[o];
                var square = sums.Square[o];
                for (var i = 0; i < k; i++)
                for (var j = 0; j < k; j++)
                {
                    var s = square[kept[i] * _p + kept[j]];
                    meat[i, j] += m > 1 ? m / (m - 1.0) * (s - sum[kept[i]] * sum[kept[j]] / m) : s;
                }
            }
            var df = usedPsus - usedStrata + 1 - k;
            var v = solution.Sandwich(meat);
            var q = df > 0 ? Tails.TQuantile(confidence, df) : double.NaN;
            var coefficients = new List<LinearCoefficient>();
            var index = 0;
            for (var c = 0; c < _p; c++)
            {
                var term = _coding.ColumnTerm[c];
                var level = _coding.ColumnLevel[c];
                var name = term < 0 ? TreatmentCoding.Intercept : _coding.Terms[term].Name;
                var levelName = term < 0 ? "" : _coding.Terms[term].Levels[level];
                var reference = term < 0 ? "" : _coding.Terms[term].Reference;
                var rows = Rows(o, term, level);
                if (index < k && kept[index] == c)
                {
                    var estimate = solution.Beta[c];
                    var se = Math.Sqrt(v[index, index]);
                    var t = estimate / se;
                    coefficients.Add(new LinearCoefficient(name, levelName, reference, rows, estimate, se, t,
                        df > 0 ? Tails.TwoSidedT(t, df) : double.NaN, estimate - q * se, estimate + q * se, false));
                    index++;
                }
                else coefficients.Add(new LinearCoefficient(name, levelName, reference, rows, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, true));
            }
            var tests = new List<TermTest>();
            for (var term = 0; term < _coding.Terms.Count; term++)
            {
                var positions = Enumerable.Range(0, k).Where(i => _coding.ColumnTerm[kept[i]] == term).ToArray();
                if (positions.Length == 0) continue;
                var wald = Solution.Wald(positions.Select(i => solution.Beta[kept[i]]).ToArray(), v, positions);
                var f = wald / positions.Length;
                tests.Add(new TermTest(_coding.Terms[term].Name, positions.Length, df, f, df > 0 ? Tails.UpperF(f, positions.Length, df) : double.NaN));
            }
            fits.Add(new LinearFit(o, Rows(o, -1, -1), df, coefficients, tests));
        }
        return fits;
    }

    private sealed class StratumSums(int outcomes, int p)
    {
        public readonly int[] UsedPsus = new int[outcomes];
        public readonly double[][] Sum = Enumerable.Range(0, outcomes).Select(_ => new double[p]).ToArray();
        public readonly double[][] Square = Enumerable.Range(0, outcomes).Select(_ => new double[p * p]).ToArray();
    }

    /// <summary>The weighted least squares solution of one outcome over its non-aliased columns.</summary>
    private sealed class Solution
    {
        public required int[] Kept { get; init; }
        /// <summary>β by column (0 for aliased columns, so that fitted values can sum over every column).</summary>
        public required double[] Beta { get; init; }
        /// <summary>(X'WX)⁻¹ over the kept columns.</summary>
        public required double[,] Bread { get; init; }

        public static Solution Of(double[,] a, double[] b)
        {
            var p = b.Length;
            // Columns are taken in order, each one kept when its part unexplained by the columns kept before it
            // (the pivot of an incremental Cholesky factorisation of X'WX) is not negligible.
            var kept = new List<int>();
            var l = new double[p, p];
            var row = new double[p];
            for (var c = 0; c < p; c++)
            {
                if (!(a[c, c] > 0)) continue;
                for (var i = 0; i < kept.Count; i++)
                {
                    var s = a[kept[i], c];
                    for (var j = 0; j < i; j++) s -= l[i, j] * row[j];
                    row[i] = s / l[i, i];
                }
                var pivot = a[c, c];
                for (var i = 0; i < kept.Count; i++) pivot -= row[i] * row[i];
                if (pivot <= AliasTolerance * a[c, c]) continue;
                var n = kept.Count;
                for (var i = 0; i < n; i++) l[n, i] = row[i];
                l[n, n] = Math.Sqrt(pivot);
                kept.Add(c);
            }
            var k = kept.Count;
            var ak = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(k, k, (i, j) => a[kept[i], kept[j]]);
            var bk = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(k, i => b[kept[i]]);
            var cholesky = ak.Cholesky();
            var beta = cholesky.Solve(bk);
            var inverse = cholesky.Solve(MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(k));
            var full = new double[p];
            for (var i = 0; i < k; i++) full[kept[i]] = beta[i];
            return new Solution { Kept = kept.ToArray(), Beta = full, Bread = inverse.ToArray() };
        }

        /// <summary>A⁻¹ B A⁻¹ over the kept columns.</summary>
        public double[,] Sandwich(double[,] meat)
        {
            var bread = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(Bread);
            var b = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(meat);
            return (bread * b * bread).ToArray();
        }

        /// <summary>β'V⁻¹β over some kept positions.</summary>
        public static double Wald(double[] beta, double[,] v, int[] positions)
        {
            var block = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(positions.Length, positions.Length, (i, j) => v[positions[i], positions[j]]);
            var b = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(beta);
            return b.DotProduct(block.Solve(b));
        }
    }
}
