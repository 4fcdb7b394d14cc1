using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace Avrr.Analytics.Insights.Learning;

/// <summary>
/// <see cref="IMachineLearning"/> with ML.NET 5: FastTree boosted trees and
/// L-BFGS logistic regression. Each call makes its own <c>MLContext</c> with the call's seed and trains on
/// one thread: ML.NET's results are then the same bytes on every run and machine (the L-BFGS result changes
/// with the thread count, k-means and FastTree do not; one thread everywhere keeps it simple).
/// FastTree's native library ships for x64 Linux and macOS and for Windows only: elsewhere
/// <see cref="BoostedTrees"/> throws <see cref="DllNotFoundException"/>, which the caller reports.
/// </summary>
public sealed class MlNetLearning : IMachineLearning
{
    public static MlNetLearning Instance { get; } = new();

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
        public float Label { get; set; }
        public bool Positive { get; set; }
    }

    private sealed class Prediction
    {
        public float Score { get; set; }
    }

    private static IDataView Load(MLContext ml, IReadOnlyList<float[]> features, Func<int, Row> row)
    {
        var width = features.Count == 0 ? 1 : features[0].Length;
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return ml.Data.LoadFromEnumerable(Enumerable.Range(0, features.Count).Select(row), schema);
    }

    public IRegressor BoostedTrees(IReadOnlyList<float[]> features, IReadOnlyList<float> labels, int seed)
    {
        var ml = new MLContext(seed);
        var data = Load(ml, features, i => new Row { Features = features[i], Label = labels[i] });
        var model = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            NumberOfTrees = 100,
            NumberOfLeaves = 16,
            MinimumExampleCountPerLeaf = 20,
            LearningRate = 0.1,
            NumberOfThreads = 1,
            Seed = seed,
        }).Fit(data);
        return new TreeModel(ml, model);
    }

    private sealed class TreeModel(MLContext ml, ITransformer model) : IRegressor
    {
        public float[] Predict(IReadOnlyList<float[]> features)
        {
            var data = Load(ml, features, i => new Row { Features = features[i] });
            return model.Transform(data).GetColumn<float>(nameof(Prediction.Score)).ToArray();
        }
    }

    public LogisticModel LogisticRegression(IReadOnlyList<float[]> features, IReadOnlyList<bool> labels, int seed)
    {
        var ml = new MLContext(seed);
        var data = Load(ml, features, i => new Row { Features = features[i], Positive = labels[i] });
        var model = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(Row.Positive),
            FeatureColumnName = nameof(Row.Features),
            NumberOfThreads = 1,
        }).Fit(data);
        var linear = model.Model.SubModel;
        return new LogisticModel(linear.Weights.Select(w => (double)w).ToArray(), linear.Bias);
    }
}
