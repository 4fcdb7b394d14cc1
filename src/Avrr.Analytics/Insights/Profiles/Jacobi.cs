namespace Avrr.Analytics.Insights.Profiles;

/// <summary>The eigenvectors of a small symmetric matrix by cyclic Jacobi rotations (Golub and Van Loan, §8.5), for the gap statistic's principal axes.</summary>
internal static class Jacobi
{
    /// <summary>The eigenvectors of <paramref name="symmetric"/> (left unchanged), one per column of the result.</summary>
    public static double[,] Eigenvectors(double[,] symmetric)
    {
        var n = symmetric.GetLength(0);
        var a = (double[,])symmetric.Clone();
        var v = new double[n, n];
        for (var i = 0; i < n; i++) v[i, i] = 1;
        for (var sweep = 0; sweep < 100; sweep++)
        {
            double off = 0, diagonal = 0;
            for (var p = 0; p < n; p++)
                for (var q = 0; q < n; q++)
                    if (p != q) off += a[p, q] * a[p, q]; else diagonal += a[p, q] * a[p, q];
            if (off <= 1e-24 * Math.Max(diagonal, double.Epsilon)) break;
            for (var p = 0; p < n - 1; p++)
                for (var q = p + 1; q < n; q++)
                {
                    if (a[p, q] == 0) continue;
                    var theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    var c = 1 / Math.Sqrt(t * t + 1);
                    var s = t * c;
                    for (var k = 0; k < n; k++)
                    {
                        var (akp, akq) = (a[k, p], a[k, q]);
                        (a[k, p], a[k, q]) = (c * akp - s * akq, s * akp + c * akq);
                    }
                    for (var k = 0; k < n; k++)
                    {
                        var (apk, aqk) = (a[p, k], a[q, k]);
                        (a[p, k], a[q, k]) = (c * apk - s * aqk, s * apk + c * aqk);
                    }
                    for (var k = 0; k < n; k++)
                    {
                        var (vkp, vkq) = (v[k, p], v[k, q]);
                        (v[k, p], v[k, q]) = (c * vkp - s * vkq, s * vkp + c * vkq);
                    }
                }
        }
        return v;
    }
}
