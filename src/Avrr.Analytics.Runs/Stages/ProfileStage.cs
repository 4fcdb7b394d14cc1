using Avrr.Analytics.Insights.Profiles;

namespace Avrr.Analytics.Runs.Stages;

/// <summary>
/// The profile of each scored survey (docs/insights.md, "Returnee profiles"): the workers give each row the
/// nearest centroid of the profiles trained before pass 2, in a <see cref="ProfileColumn"/> beside the batch,
/// which the returnee_scores writers read. First in the run's list, so that its step runs before theirs.
/// Writes no file: the profiles' tables are the insights stage's.
/// </summary>
internal sealed class ProfileStage(ProfileFeatures features, ProfileModel? model) : RunStage
{
    public override string Name => "profiles";

    public override IWorkerStep NewWorkerStep() => new Assigning(this, features, model);

    /// <summary>The profiles of a batch's rows (after the workers' steps).</summary>
    public sbyte[] ProfilesOf(ScoredBatch batch) => batch.Prepared<ProfileColumn>(this).Profiles;

    private sealed class Assigning(ProfileStage stage, ProfileFeatures features, ProfileModel? model) : IWorkerStep
    {
        private readonly float[] _point = new float[features.Count];

        public void Run(ScoredBatch scored)
        {
            var batch = scored.Batch;
            var column = scored.Prepared<ProfileColumn>(stage);
            column.Resize(batch.Capacity);
            var profiles = column.Profiles;
            for (var row = 0; row < batch.Count; row++)
                profiles[row] = (sbyte)(batch.IsScored(row) && model is not null && features.TryPoint(batch.RowScores(row)[..batch.IndicatorCount], _point)
                    ? model.Assign(_point) : -1);
        }
    }
}
