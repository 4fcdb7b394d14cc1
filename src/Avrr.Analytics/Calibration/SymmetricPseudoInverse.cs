using MathNet.Numerics.LinearAlgebra;

namespace Avrr.Analytics.Calibration;

/// <summary>
/// The Moore–Penrose inverse of a symmetric positive semi-definite matrix from its eigen-decomposition,
/// eigenvalues below 256 ε × the largest counted as 0: R's <c>MASS::ginv(tol = 256 * .Machine$double.eps)</c>,
/// which <c>survey</c>'s calibration uses. The margins' indicators are collinear (every margin's levels add up
/// to the whole population), so the systems of a calibration are singular by construction; their solutions
/// are unique where they matter (the weights, the fitted values of the residuals).
/// </summary>
internal static class SymmetricPseudoInverse
{
    /// <summary>R's <c>256 * .Machine$double.eps</c>.</summary>
    private const double Tolerance = 256 * 2.220446049250313e-16;

    public static double[,] Of(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var m = Matrix<double>.Build.DenseOfArray(matrix);
        var evd = m.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(v => v.Real).ToArray();
        var largest = values.Length == 0 ? 0 : values.Max(Math.Abs);
        var vectors = evd.EigenVectors;
        var inverse = new double[n, n];
        for (var k = 0; k < n; k++)
        {
            if (!(values[k] > Tolerance * largest)) continue;
            var scale = 1 / values[k];
            for (var i = 0; i < n; i++)
            {
                var vik = vectors[i, k] * scale;
                if (vik == 0) continue;
                for (var j = 0; j < n; j++) inverse[i, j] += vik * vectors[j, k];
            }
        }
        return inverse;
    }

    /// <summary>y = A x.</summary>
    public static double[] Times(double[,] a, ReadOnlySpan<double> x)
    {
        var n = a.GetLength(0);
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            double s = 0;
            for (var j = 0; j < n; j++) s += a[i, j] * x[j];
            y[i] = s;
        }
        return y;
    }
}
