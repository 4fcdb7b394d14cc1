namespace Avrr.Analytics.Insights.Learning;

/// <summary>
/// The machine learning the insights need, behind one small seam (docs/insights.md): the statistics around
/// it (the profiles' k-means and their number, permutation importance, cross-validation, calibration) are the library's own, and only
/// the fitting of a model is delegated. Every method is deterministic for its seed, whatever the machine's
/// number of cores. <see cref="MlNetLearning"/> is the implementation, with ML.NET.
/// </summary>
public interface IMachineLearning
{
    /// <summary>Gradient-boosted regression trees of the labels on the features.</summary>
    IRegressor BoostedTrees(IReadOnlyList<float[]> features, IReadOnlyList<float> labels, int seed);

    /// <summary>Logistic regression (L-BFGS, ML.NET's default L1 and L2 regularisation) of the labels on the features.</summary>
    LogisticModel LogisticRegression(IReadOnlyList<float[]> features, IReadOnlyList<bool> labels, int seed);
}
