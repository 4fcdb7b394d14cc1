namespace Avrr.Analytics.Calibration;

/// <summary>
/// A solved calibration: the weight ratio g of each calibration cell (calibrated weight = base weight × g), and
/// what the residuals of the calibrated design need (docs/methodology.md, "Calibration"): each cell's
/// columns among the margins' level indicators. Made by <see cref="WeightCalibration.Solve"/>.
/// </summary>
public sealed class CalibratedWeights
{
    private readonly double[] _g;
    private readonly int[][] _columns;

    internal CalibratedWeights(IReadOnlyList<Margin> margins, CalibrationCells cells, CalibrationMethod method, double[] g, int[][] columns,
        int columnCount, int iterations, (double Lower, double Upper) bounds)
    {
        Margins = margins;
        Cells = cells;
        Method = method;
        _g = g;
        _columns = columns;
        ColumnCount = columnCount;
        Iterations = iterations;
        Bounds = bounds;
    }

    public IReadOnlyList<Margin> Margins { get; }
    public CalibrationCells Cells { get; }
    public CalibrationMethod Method { get; }
    /// <summary>The Newton steps taken (0 for post-stratification, which has a closed form).</summary>
    public int Iterations { get; }
    /// <summary>The bounds of the weight ratio (infinite when not given).</summary>
    public (double Lower, double Upper) Bounds { get; }

    /// <summary>The weight ratio of a cell: its surveys' calibrated weights are their base weights times it.</summary>
    public double G(int cell) => _g[cell];

    /// <summary>The indicator columns of a cell: its level's column in each margin.</summary>
    public ReadOnlySpan<int> Columns(int cell) => _columns[cell];

    /// <summary>The number of indicator columns: the levels of every margin.</summary>
    public int ColumnCount { get; }

    /// <summary>The column of a margin's level.</summary>
    public int ColumnOf(int margin, int level)
    {
        var offset = 0;
        for (var m = 0; m < margin; m++) offset += Margins[m].Levels.Count;
        return offset + level;
    }

    /// <summary>Every level of every margin with its totals before and after and its range of weight ratios.</summary>
    public IReadOnlyList<CalibratedLevel> Levels()
    {
        var levels = new List<CalibratedLevel>();
        for (var m = 0; m < Margins.Count; m++)
        {
            var margin = Margins[m];
            for (var l = 0; l < margin.Levels.Count; l++)
            {
                var column = ColumnOf(m, l);
                long surveys = 0;
                double before = 0, after = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
                for (var c = 0; c < Cells.Count; c++)
                {
                    if (_columns[c][m] != column) continue;
                    surveys += Cells.Surveys(c);
                    before += Cells.BaseWeight(c);
                    after += Cells.BaseWeight(c) * _g[c];
                    min = Math.Min(min, _g[c]);
                    max = Math.Max(max, _g[c]);
                }
                levels.Add(new CalibratedLevel(margin, l, surveys, margin.Levels[l].Total, before, after, min, max));
            }
        }
        return levels;
    }

    /// <summary>Kish's design effect of the base weights, n Σw² / (Σw)² (1 for equal weights).</summary>
    public double DesignEffectBefore => DesignEffect(1);

    /// <summary>Kish's design effect of the calibrated weights.</summary>
    public double DesignEffectAfter => DesignEffect(0);

    private double DesignEffect(int before)
    {
        double n = 0, sum = 0, squares = 0;
        for (var c = 0; c < Cells.Count; c++)
        {
            var g = before == 1 ? 1 : _g[c];
            n += Cells.Surveys(c);
            sum += g * Cells.BaseWeight(c);
            squares += g * g * Cells.BaseWeightSquare(c);
        }
        return n * squares / (sum * sum);
    }

    /// <summary>The Moore–Penrose inverse of a symmetric matrix over the columns (for the residuals of the calibrated design).</summary>
    internal double[,] PseudoInverse(double[,] matrix) => SymmetricPseudoInverse.Of(matrix);

    /// <summary>A x.</summary>
    internal double[] SymmetricTimes(double[,] a, ReadOnlySpan<double> x) => SymmetricPseudoInverse.Times(a, x);
}
