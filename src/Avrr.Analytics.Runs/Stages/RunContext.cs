using System.Diagnostics;
using Avrr.Analytics.Runs.Output;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Results;

namespace Avrr.Analytics.Runs.Stages;

/// <summary>
/// What the stages of one run share: the plan, the partial result folder they write into, the files
/// written so far (in the order the manifest lists them), and the results that stages publish for the
/// stages after them (the accounting, the estimates). Made by <see cref="EvaluationRun"/>; stages finish
/// one after another on the run's thread, so nothing here needs a lock.
/// </summary>
public sealed class RunContext
{
    private readonly OutputFolder _output;
    private readonly List<string> _files = [];

    internal RunContext(RunPlan plan, OutputFolder output, IRunObserver? observer, DateTimeOffset started, Stopwatch clock)
    {
        Plan = plan;
        _output = output;
        Observer = observer;
        Started = started;
        Clock = clock;
    }

    public RunPlan Plan { get; }
    public IRunObserver? Observer { get; }
    public DateTimeOffset Started { get; }
    public Stopwatch Clock { get; }

    /// <summary>The destination the result will be moved to.</summary>
    public string Destination => _output.Destination;

    /// <summary>The partial result folder itself, which becomes the destination when the run commits.</summary>
    public string Folder => _output.PathOf("");

    /// <summary>A scratch folder inside the partial result for spill files; removed before the result is moved into place.</summary>
    public string SpillFolder => _output.PathOf(".spill");

    /// <summary>The path to write a result file to (a relative path with '/' for sub-folders, which are made).</summary>
    public string PathOf(string file)
    {
        var path = _output.PathOf(file.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>Records a file written into the result, for the manifest's list.</summary>
    public void Wrote(string file) => _files.Add(file);

    /// <summary>The files written so far, in order.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>The calibration of the weights (docs/methodology.md, "Calibration"): solved by the calibration pass; null without --calibrate.</summary>
    public Analytics.Calibration.CalibratedWeights? Calibration { get; internal set; }

    /// <summary>The row accounting: published by the accounting stage at its finish.</summary>
    public RunAccounting? Accounting { get; internal set; }

    /// <summary>What the checks noticed: published by the checks stage when the last batch has passed.</summary>
    public FieldChecks? Checks { get; internal set; }

    /// <summary>The estimates (aggregates and panel change): published by the estimation stage at its finish.</summary>
    public RunEstimates? Estimates { get; internal set; }

    /// <summary>The audit of the index (docs/audit.md): published by the audit stage at its finish; null with --no-audit.</summary>
    public Analytics.Audit.AuditResult? Audit { get; internal set; }

    /// <summary>The cells' sums, for a partial (docs/partials.md): published by the estimation stage when the run writes one.</summary>
    internal EstimationSums? EstimationSums { get; set; }

    /// <summary>How each question was answered: published by the data_quality stage at its finish.</summary>
    public Surveys.AnswerTally? AnswerTally { get; internal set; }

    /// <summary>What the insights rested on: published by the insights stage at its finish (null with the insights off).</summary>
    public InsightsSummary? Insights { get; internal set; }
}
