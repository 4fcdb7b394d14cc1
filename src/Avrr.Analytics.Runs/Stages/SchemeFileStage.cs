namespace Avrr.Analytics.Runs.Stages;

/// <summary>
/// scheme.json: the bytes of the scheme the run scored with (the built-in file for rss-15), so that the
/// result says by itself how it was scored: the report draws the tree from it, its SHA-256 is the
/// manifest's, and <c>avrr run --scheme results/scheme.json</c> repeats the run.
/// </summary>
internal sealed class SchemeFileStage(RunContext run) : RunStage
{
    public const string File = "scheme.json";

    public override string Name => "scheme.json";

    public override void Finish()
    {
        System.IO.File.WriteAllBytes(run.PathOf(File), run.Plan.Scheme.Source.ToArray());
        run.Wrote(File);
    }
}
