using MathNet.Numerics.Distributions;

namespace Avrr.Analytics.Inference;

/// <summary>
/// Confidence sets for ranks (docs/audit.md, "Ranks with sampling error"): the construction of Mogstad, Romano, Shaikh
/// and Wilhelm (2024, "Inference for ranks with applications to mobility across neighbourhoods and academic
/// achievement across countries", <i>Review of Economic Studies</i> 91(1), §3), from estimates θ̂ and their standard
/// errors, the estimates taken as independent and normal (a diagonal covariance: exact when the ranked groups are the
/// design's strata, an assumption otherwise). Rank 1 is the highest θ: r_j = 1 + #{k : θ_k &gt; θ_j}.
/// <para>
/// Simultaneous two-sided intervals for the differences θ_k − θ_j, with s_kj = √(σ_k² + σ_j²) and a critical value c:
/// k is surely above j when θ̂_k − θ̂_j − c s_kj &gt; 0 and surely below when θ̂_k − θ̂_j + c s_kj &lt; 0, and the set of
/// j's rank runs from 1 + #(surely above) to p − #(surely below).
/// </para>
/// <list type="bullet">
/// <item><b>marginal</b> (one group's rank, 95%): c_j is the 95% quantile of max_{k≠j} |Z_k − Z_j| / s_kj, Z ~ N(0, diag σ²),
/// computed exactly: given Z_j = σ_j z the differences are independent, so P(max ≤ c) = ∫ φ(z) Π_k [Φ((σ_j z + c s_kj)/σ_k)
/// − Φ((σ_j z − c s_kj)/σ_k)] dz (Simpson's rule on [−8, 8], then bisection on c);</item>
/// <item><b>joint</b> (every group's rank at once, 95%): c is the 95% quantile of the maximum over every pair, estimated
/// from seeded draws of Z (no closed form with unequal σ).</item>
/// </list>
/// The single-step version of the paper, without its step-down refinement: the sets are valid and a little wider than
/// the refined ones could be.
/// </summary>
public static class RankConfidence
{
    /// <summary>Draws of Z for the joint critical value: its Monte Carlo error is about 0.01 on c.</summary>
    public const int DefaultDraws = 20_000;

    /// <summary>What the sets are for one group: its rank by the estimates and the bounds of its marginal and joint sets.</summary>
    public sealed record Set(int Rank, int MarginalLower, int MarginalUpper, int JointLower, int JointUpper);

    /// <summary>The sets of every group, and the joint critical value and each group's marginal one.</summary>
    public static (Set[] Sets, double JointCritical, double[] MarginalCritical) Of(IReadOnlyList<double> estimates, IReadOnlyList<double> standardErrors,
        double level = 0.95, int draws = DefaultDraws, int seed = 1)
    {
        var p = estimates.Count;
        if (standardErrors.Count != p) throw new ArgumentException("One standard error per estimate.");
        if (estimates.Any(e => !double.IsFinite(e)) || standardErrors.Any(s => !double.IsFinite(s) || s <= 0))
            throw new ArgumentException("Every estimate must be finite and every standard error finite and positive.");
        var marginal = Enumerable.Range(0, p).Select(j => MarginalCritical(standardErrors, j, level)).ToArray();
        var joint = JointCritical(standardErrors, level, draws, seed);
        var sets = new Set[p];
        for (var j = 0; j < p; j++)
        {
            var rank = 1 + Enumerable.Range(0, p).Count(k => estimates[k] > estimates[j]);
            var (ml, mu) = Bounds(estimates, standardErrors, j, marginal[j]);
            var (jl, ju) = Bounds(estimates, standardErrors, j, joint);
            sets[j] = new Set(rank, ml, mu, jl, ju);
        }
        return (sets, joint, marginal);
    }

    /// <summary>The bounds of j's rank given the critical value c of the simultaneous intervals for θ_k − θ_j.</summary>
    public static (int Lower, int Upper) Bounds(IReadOnlyList<double> estimates, IReadOnlyList<double> standardErrors, int j, double c)
    {
        var p = estimates.Count;
        int above = 0, below = 0;
        for (var k = 0; k < p; k++)
        {
            if (k == j) continue;
            var s = Math.Sqrt(standardErrors[k] * standardErrors[k] + standardErrors[j] * standardErrors[j]);
            var difference = estimates[k] - estimates[j];
            if (difference - c * s > 0) above++;
            else if (difference + c * s < 0) below++;
        }
        return (1 + above, p - below);
    }

    /// <summary>The exact critical value of group j's marginal set (see the class).</summary>
    public static double MarginalCritical(IReadOnlyList<double> standardErrors, int j, double level)
    {
        if (standardErrors.Count < 2) return 0;
        double Coverage(double c)
        {
            const int intervals = 1600;
            const double from = -8, to = 8;
            var h = (to - from) / intervals;
            double sum = 0;
            for (var i = 0; i <= intervals; i++)
            {
                var z = from + i * h;
                var product = Normal.PDF(0, 1, z);
                for (var k = 0; k < standardErrors.Count && product > 0; k++)
                {
                    if (k == j) continue;
                    var s = Math.Sqrt(standardErrors[k] * standardErrors[k] + standardErrors[j] * standardErrors[j]);
                    product *= Normal.CDF(0, 1, (standardErrors[j] * z + c * s) / standardErrors[k]) - Normal.CDF(0, 1, (standardErrors[j] * z - c * s) / standardErrors[k]);
                }
                sum += product * (i == 0 || i == intervals ? 1 : i % 2 == 1 ? 4 : 2);
            }
            return sum * h / 3;
        }
        double low = 0, high = 10;
        for (var i = 0; i < 60; i++)
        {
            var mid = (low + high) / 2;
            if (Coverage(mid) < level) low = mid; else high = mid;
        }
        return (low + high) / 2;
    }

    /// <summary>The joint critical value: the <paramref name="level"/> quantile (R's type 7, as R's <c>quantile</c>) of max over pairs |Z_k − Z_j| / s_kj over seeded draws.</summary>
    public static double JointCritical(IReadOnlyList<double> standardErrors, double level, int draws, int seed)
    {
        var p = standardErrors.Count;
        if (p < 2) return 0;
        var random = new Random(seed);
        var inverse = new double[p * p];
        for (var j = 0; j < p; j++)
            for (var k = 0; k < p; k++)
                inverse[j * p + k] = 1 / Math.Sqrt(standardErrors[j] * standardErrors[j] + standardErrors[k] * standardErrors[k]);
        var maxima = new double[draws];
        var z = new double[p];
        for (var d = 0; d < draws; d++)
        {
            for (var j = 0; j < p; j++) z[j] = standardErrors[j] * Normal.Sample(random, 0, 1);
            double max = 0;
            for (var j = 0; j < p; j++)
                for (var k = j + 1; k < p; k++)
                    max = Math.Max(max, Math.Abs(z[k] - z[j]) * inverse[j * p + k]);
            maxima[d] = max;
        }
        Array.Sort(maxima);
        var h = (draws - 1) * level;
        var at = (int)Math.Floor(h);
        return at >= draws - 1 ? maxima[^1] : maxima[at] + (h - at) * (maxima[at + 1] - maxima[at]);
    }
}
