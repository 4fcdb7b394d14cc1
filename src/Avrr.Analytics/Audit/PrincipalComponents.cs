using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Avrr.Analytics.Audit;

/// <summary>
/// Principal components of a correlation matrix (docs/audit.md, "Principal components"): R's
/// <c>prcomp(na.omit(x), scale. = TRUE)</c> on the complete cases, by the symmetric eigendecomposition of
/// MathNet.Numerics. Eigenvalues are <c>prcomp</c>'s <c>sdev²</c>, largest first; loadings its
/// <c>rotation</c> (unit-length eigenvectors, not scaled by the standard deviations), with the sign fixed:
/// a component whose loadings sum to less than 0 is multiplied by −1 (an eigenvector's sign is arbitrary).
/// </summary>
public sealed class PrincipalComponents
{
    /// <summary>Eigenvalues, largest first.</summary>
    public double[] Eigenvalues { get; }
    /// <summary>Loadings[indicator, component].</summary>
    public double[,] Loadings { get; }

    private PrincipalComponents(double[] eigenvalues, double[,] loadings)
    {
        Eigenvalues = eigenvalues;
        Loadings = loadings;
    }

    public int Count => Eigenvalues.Length;

    /// <summary>The share of the total variance (the number of indicators) each component explains.</summary>
    public double Explained(int component) => Eigenvalues[component] / Eigenvalues.Sum();

    public static PrincipalComponents Of(double[,] correlation)
    {
        var k = correlation.GetLength(0);
        var evd = Matrix<double>.Build.DenseOfArray(correlation).Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, k).OrderByDescending(c => evd.EigenValues[c].Real).ToArray();
        var eigenvalues = order.Select(c => evd.EigenValues[c].Real).ToArray();
        var loadings = new double[k, k];
        for (var p = 0; p < k; p++)
        {
            var column = order[p];
            double sum = 0;
            for (var i = 0; i < k; i++) sum += evd.EigenVectors[i, column];
            var sign = sum < 0 ? -1.0 : 1.0;
            for (var i = 0; i < k; i++) loadings[i, p] = sign * evd.EigenVectors[i, column];
        }
        return new PrincipalComponents(eigenvalues, loadings);
    }
}
