namespace Avrr.Analytics.Insights.Learning;

/// <summary>A fitted regression model: predictions for rows of features laid out as in training.</summary>
public interface IRegressor
{
    float[] Predict(IReadOnlyList<float[]> features);
}
