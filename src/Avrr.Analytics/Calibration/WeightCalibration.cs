using System.Globalization;

namespace Avrr.Analytics.Calibration;

/// <summary>
/// Calibrates base weights to known population totals (Deville and Särndal 1992, "Calibration estimators in
/// survey sampling", JASA 87: 376–382), as R <c>survey</c>'s <c>postStratify</c> and <c>calibrate</c> do:
/// find λ such that Σ_i w_i F(x_i'λ) x_i = the margins' totals, x_i the indicators of survey i's level in each
/// margin, and give survey i the weight w_i g_i with g_i = F(x_i'λ):
/// <list type="bullet">
/// <item>post-stratification (one margin): g = N_level / Σ_level w, in closed form;</item>
/// <item>raking: F(u) = exp(u), the limit of iterative proportional fitting;</item>
/// <item>linear (GREG): F(u) = 1 + u; with bounds L, U the truncated linear method, F(u) = min(max(1 + u, L), U).</item>
/// </list>
/// λ is found by Newton's method with the Moore–Penrose inverse, step for step R's <c>grake</c> (its rescaling
/// of weights far below the totals included), until every total is met within 1e-12 of (1 + the total).
/// With categorical margins, g depends only on a survey's combination of levels (its
/// <see cref="CalibrationCells"/> cell), so the work is per cell, not per survey.
/// </summary>
public static class WeightCalibration
{
    /// <summary>How far the calibrated totals may be from the margins' when the iterations stop: R's epsilon, |misfit| / (1 + |total|).</summary>
    public const double Epsilon = 1e-12;

    /// <summary>How far apart two margins' population totals may be, relative to the larger (rounding, not a disagreement).</summary>
    public const double TotalsTolerance = 1e-9;

    /// <summary>The Newton steps a calibration may take by default (R's <c>maxit</c> is 50).</summary>
    public const int DefaultMaxIterations = 50;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Solves a calibration, or throws a <see cref="CalibrationException"/> naming the margin and level that stop it.</summary>
    /// <param name="margins">The margins; one for post-stratification.</param>
    /// <param name="cells">The scored surveys by their combination of the margins' variables, with their base weights.</param>
    /// <param name="method">How g is made from λ.</param>
    /// <param name="lower">The smallest weight ratio (negative infinity for none).</param>
    /// <param name="upper">The largest weight ratio (positive infinity for none).</param>
    /// <param name="maxIterations">The Newton steps allowed before the calibration is refused.</param>
    public static CalibratedWeights Solve(IReadOnlyList<Margin> margins, CalibrationCells cells, CalibrationMethod method,
        double lower = double.NegativeInfinity, double upper = double.PositiveInfinity, int maxIterations = DefaultMaxIterations)
    {
        if (margins.Count == 0) throw new ArgumentException("Give at least one margin.", nameof(margins));
        if (method == CalibrationMethod.Poststratify && margins.Count != 1)
            throw new ArgumentException("Post-stratification takes one margin.", nameof(margins));
        if (!(lower < upper)) throw new ArgumentOutOfRangeException(nameof(lower), "The lower bound must be below the upper bound.");

        var columns = ColumnsOf(margins, cells, out var columnCount);
        RefuseLevelsWithoutSurveys(margins, cells, columns);
        RefuseDisagreeingTotals(margins);

        var population = new double[columnCount];
        var offset = 0;
        foreach (var margin in margins)
        {
            for (var l = 0; l < margin.Levels.Count; l++) population[offset + l] = margin.Levels[l].Total;
            offset += margin.Levels.Count;
        }

        double[] g;
        var iterations = 0;
        if (method == CalibrationMethod.Poststratify)
        {
            // R's postStratify: each survey's weight times N_level / (the level's weighted sample total).
            var sample = new double[columnCount];
            for (var c = 0; c < cells.Count; c++) sample[columns[c][0]] += cells.BaseWeight(c);
            g = new double[cells.Count];
            for (var c = 0; c < cells.Count; c++) g[c] = population[columns[c][0]] / sample[columns[c][0]];
        }
        else g = Newton(margins, cells, columns, columnCount, population, method == CalibrationMethod.Rake, lower, upper, maxIterations, out iterations);

        for (var c = 0; c < cells.Count; c++)
            if (!(g[c] > 0) || !double.IsFinite(g[c]))
            {
                var level = Margin.Text(cells.Variables, cells.ValuesOf(c));
                var ratio = g[c].ToString("G6", Invariant);
                throw new CalibrationException(CalibrationRefusal.NegativeWeight, margins[0].Name, level,
                    $"the calibration gives the surveys of {level} a weight ratio of {ratio}, so weights of zero or below: set bounds on the ratio (--calibrate-bounds) or rake",
                    $"le calage donne aux enquêtes de {level} un rapport de poids de {ratio}, donc des poids nuls ou négatifs : bornez le rapport (--calibrate-bounds) ou utilisez rake");
            }
        return new CalibratedWeights(margins, cells, method, g, columns, columnCount, iterations, (lower, upper));
    }

    /// <summary>Each cell's column in every margin (the column of its level), refusing a cell whose value a margin does not list.</summary>
    private static int[][] ColumnsOf(IReadOnlyList<Margin> margins, CalibrationCells cells, out int columnCount)
    {
        var columns = new int[cells.Count][];
        for (var c = 0; c < cells.Count; c++) columns[c] = new int[margins.Count];
        var offset = 0;
        for (var m = 0; m < margins.Count; m++)
        {
            var margin = margins[m];
            var positions = margin.Variables.Select(v => IndexOf(cells.Variables, v)).ToArray();
            var levels = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var l = 0; l < margin.Levels.Count; l++)
                if (!levels.TryAdd(string.Join('\u001f', margin.Levels[l].Values), l))
                    throw new ArgumentException($"{margin.Name} lists {margin.LevelText(l)} twice.", nameof(margins));
            for (var c = 0; c < cells.Count; c++)
            {
                var values = positions.Select(p => cells.ValuesOf(c)[p]).ToArray();
                if (!levels.TryGetValue(string.Join('\u001f', values), out var level))
                {
                    var text = Margin.Text(margin.Variables, values);
                    var surveys = Surveys(cells, positions, values);
                    throw new CalibrationException(CalibrationRefusal.UnknownLevel, margin.Name, text,
                        $"{surveys} scored surveys have {text}, which the margin {margin.Name} does not list: give its population total (or recode the value)",
                        $"{surveys} enquêtes notées ont {text}, que la marge {margin.Name} ne donne pas : donnez son total de population (ou recodez la valeur)");
                }
                columns[c][m] = offset + level;
            }
            offset += margin.Levels.Count;
        }
        columnCount = offset;
        return columns;
    }

    /// <summary>The surveys of every cell whose values at <paramref name="positions"/> are <paramref name="values"/>.</summary>
    private static long Surveys(CalibrationCells cells, int[] positions, string[] values)
    {
        long n = 0;
        for (var c = 0; c < cells.Count; c++)
            if (positions.Select(p => cells.ValuesOf(c)[p]).SequenceEqual(values)) n += cells.Surveys(c);
        return n;
    }

    private static int IndexOf(IReadOnlyList<string> variables, string variable)
    {
        for (var i = 0; i < variables.Count; i++) if (variables[i] == variable) return i;
        throw new ArgumentException($"The cells have no variable '{variable}'.", nameof(variable));
    }

    private static void RefuseLevelsWithoutSurveys(IReadOnlyList<Margin> margins, CalibrationCells cells, int[][] columns)
    {
        var offset = 0;
        for (var m = 0; m < margins.Count; m++)
        {
            var weight = new double[margins[m].Levels.Count];
            var seen = new bool[weight.Length];
            for (var c = 0; c < cells.Count; c++)
            {
                seen[columns[c][m] - offset] = true;
                weight[columns[c][m] - offset] += cells.BaseWeight(c);
            }
            for (var l = 0; l < weight.Length; l++)
                if (!seen[l] || !(weight[l] > 0))
                {
                    var text = margins[m].LevelText(l);
                    throw new CalibrationException(CalibrationRefusal.LevelWithoutSurvey, margins[m].Name, text,
                        $"the margin {margins[m].Name} gives {text} a total, but no scored survey has it: no weight can stand for that population (check its spelling against the data, or merge it into a level with surveys)",
                        $"la marge {margins[m].Name} donne un total à {text}, mais aucune enquête notée ne l'a : aucun poids ne peut représenter cette population (vérifiez son orthographe dans les données, ou regroupez-le avec un niveau qui a des enquêtes)");
                }
            offset += margins[m].Levels.Count;
        }
    }

    private static void RefuseDisagreeingTotals(IReadOnlyList<Margin> margins)
    {
        var first = margins[0];
        foreach (var margin in margins.Skip(1))
        {
            double a = first.Total, b = margin.Total;
            if (Math.Abs(a - b) <= TotalsTolerance * Math.Max(Math.Abs(a), Math.Abs(b))) continue;
            string ta = a.ToString("R", Invariant), tb = b.ToString("R", Invariant);
            throw new CalibrationException(CalibrationRefusal.TotalsDisagree, margin.Name, "total",
                $"the margins disagree on the population: {first.Name} adds up to {ta}, {margin.Name} to {tb}; margins of one caseload add up to the same total",
                $"les marges ne s'accordent pas sur la population : {first.Name} fait {ta} au total, {margin.Name} {tb} ; les marges d'un même effectif ont le même total");
        }
    }

    /// <summary>R's <c>grake</c>: Newton steps on λ with the pseudo-inverse, halving a step that gives non-finite ratios.</summary>
    private static double[] Newton(IReadOnlyList<Margin> margins, CalibrationCells cells, int[][] columns, int p, double[] population,
        bool raking, double lower, double upper, int maxIterations, out int iterations)
    {
        var n = cells.Count;
        var ww = new double[n];
        for (var c = 0; c < n; c++) ww[c] = cells.BaseWeight(c);
        var sampleTotal = new double[p];
        for (var c = 0; c < n; c++) foreach (var k in columns[c]) sampleTotal[k] += ww[c];
        // R rescales weights far below the totals (every total above 20 times its sample's) before the steps; the bounds then apply to the rescaled weights.
        double scale = 1;
        if (Enumerable.Range(0, p).Min(k => population[k] / sampleTotal[k]) > 20)
        {
            scale = Enumerable.Range(0, p).Average(k => population[k] / sampleTotal[k]);
            for (var c = 0; c < n; c++) ww[c] *= scale;
        }
        var eta = new double[p];
        var xeta = new double[n];
        var g = new double[n];
        var deriv = new double[n];
        void Update()
        {
            for (var c = 0; c < n; c++)
            {
                double u = 0;
                foreach (var k in columns[c]) u += eta[k];
                xeta[c] = u;
                var f = raking ? Math.Exp(u) : 1 + u;
                g[c] = Math.Min(Math.Max(f, lower), upper);
                deriv[c] = u < upper - 1 && u > lower - 1 ? (raking ? Math.Exp(u) : 1) : 0;
            }
        }
        double[] Misfit()
        {
            var misfit = (double[])population.Clone();
            for (var c = 0; c < n; c++) foreach (var k in columns[c]) misfit[k] -= ww[c] * g[c];
            return misfit;
        }
        Update();
        iterations = 1;
        while (true)
        {
            var t = new double[p, p];
            for (var c = 0; c < n; c++)
            {
                var d = ww[c] * deriv[c];
                if (d == 0) continue;
                foreach (var i in columns[c]) foreach (var j in columns[c]) t[i, j] += d;
            }
            var step = SymmetricPseudoInverse.Times(SymmetricPseudoInverse.Of(t), Misfit());
            for (var k = 0; k < p; k++) eta[k] += step[k];
            Update();
            while (iterations < maxIterations && g.Concat(deriv).Any(v => !double.IsFinite(v)))
            {
                iterations++;
                for (var k = 0; k < p; k++)
                {
                    step[k] /= 2;
                    eta[k] -= step[k];
                }
                Update();
            }
            var misfit = Misfit();
            var worst = 0;
            for (var k = 1; k < p; k++) if (Relative(misfit, population, k) > Relative(misfit, population, worst)) worst = k;
            if (Relative(misfit, population, worst) < Epsilon) break;
            iterations++;
            if (iterations > maxIterations)
            {
                var (margin, level) = LevelOfColumn(margins, worst);
                var text = margins[margin].LevelText(level);
                var reached = (population[worst] - misfit[worst]).ToString("G10", Invariant);
                var total = population[worst].ToString("R", Invariant);
                var bounds = double.IsFinite(lower) || double.IsFinite(upper) ? " or the bounds are too tight" : "";
                var boundsFr = double.IsFinite(lower) || double.IsFinite(upper) ? " ou les bornes sont trop serrées" : "";
                throw new CalibrationException(CalibrationRefusal.NotConverged, margins[margin].Name, text,
                    $"the calibration did not converge in {maxIterations} iterations: {text} of {margins[margin].Name} reaches {reached} of its total {total}; the margins may disagree with each other or with the surveys' combinations{bounds}",
                    $"le calage n'a pas convergé en {maxIterations} itérations : {text} de {margins[margin].Name} atteint {reached} de son total {total} ; les marges se contredisent peut-être entre elles ou avec les combinaisons des enquêtes{boundsFr}");
            }
        }
        for (var c = 0; c < n; c++) g[c] *= scale;
        return g;
    }

    private static double Relative(double[] misfit, double[] population, int k) => Math.Abs(misfit[k]) / (1 + Math.Abs(population[k]));

    private static (int Margin, int Level) LevelOfColumn(IReadOnlyList<Margin> margins, int column)
    {
        for (var m = 0; m < margins.Count; m++)
        {
            if (column < margins[m].Levels.Count) return (m, column);
            column -= margins[m].Levels.Count;
        }
        throw new ArgumentOutOfRangeException(nameof(column));
    }
}
