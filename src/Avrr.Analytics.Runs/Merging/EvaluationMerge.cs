using System.Diagnostics;
using Avrr.Analytics.Grouping;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Output;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Results;
using Avrr.Analytics.Runs.Stages;

namespace Avrr.Analytics.Runs.Merging;

/// <summary>
/// <c>avrr merge PARTIAL... --out DIR</c> (docs/partials.md): the tables of one run over the surveys of every
/// partial, from their cells' sums alone.
/// <code>
/// check     every partial's descriptor and files (SHA-256), then that they agree; the result folder checked and locked
/// merge     each partial in order: cells by their values, strata and PSUs by their labels, sums into one estimator
/// estimate  the run's own code from there on: aggregates, comparisons, panel change (EstimatesOfCells), suppressed with --min-cell
/// write     the run's table writers, scheme.json, manifest.json with the partials, report.html and results.xlsx; moved into place
/// </code>
/// The merged result has no returnee_scores, no rejects.csv and no insights (docs/partials.md): they need each returnee's
/// own surveys, which stay with the partials' own results; its manifest and report say so.
/// </summary>
public static class EvaluationMerge
{
    public static MergeResult Execute(MergeSettings settings, IRunObserver? observer = null, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var started = DateTimeOffset.UtcNow;
        if (settings.Partials.Count == 0) throw new PartialsDisagreeException("give at least one partial to merge");
        if (settings.Formats == 0) throw new SettingsException(RunSetting.Formats, null, "name csv, parquet or both");
        if (settings.MinCell is < 1) throw new SettingsException(RunSetting.MinCell, settings.MinCell.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be at least 1");
        if (settings.RequireSignature && Partials.PartialSignature.Problem(settings.PartialKey) is { } keyProblem)
            throw new SettingsException(RunSetting.PartialKey, null, keyProblem);
        observer?.Stage("checking partials");
        using var output = OutputFolder.Open(settings.OutputFolder, observer is null ? null : observer.Note);
        // Each partial as it is opened: who made it (a signature), then that it is not one given before; then that they belong together.
        var opened = new List<PartialFolder>();
        foreach (var path in settings.Partials)
        {
            var partial = PartialFolder.Open(path);
            if (settings.RequireSignature) CheckSignature(partial, settings.PartialKey!);
            PartialIdentity.Check(opened, partial, settings.DisjointInputs);
            opened.Add(partial);
        }
        var partials = opened.ToArray();
        PartialAgreement.Check(partials);
        var plan = Plan(settings, partials);
        foreach (var partial in partials) PartialConsistency.Check(partial, plan);
        var language = settings.Language ?? Common(partials, d => d.Lang, "--lang", v => v);
        foreach (var partial in settings.Partials)
            if (RealPaths.IsSameOrInside(output.Destination, RealPaths.Of(partial)))
                throw OutputFolderException.Refused(settings.OutputFolder, $"it is inside the partial {partial}, which would then hold a file its partial.json does not list; write the merged result elsewhere");
        output.Prepare(settings.Partials);
        try
        {
            var merge = Produce(settings, partials, plan, language, output, observer, clock, started, cancel);
            output.Commit();
            return merge;
        }
        catch (Exception e) when (e is IOException or AggregateException)
        {
            // A full disk or a read-only file system, as a run words it (docs/commands.md, "Exit codes").
            if (output.WriteFailure(e, partials.Sum(p => p.Descriptor.Files.Sum(f => f.Bytes))) is { } failure) throw failure;
            throw;
        }
    }

    /// <summary>The cells merged and every file written, into the result's temporary folder.</summary>
    private static MergeResult Produce(MergeSettings settings, PartialFolder[] partials, EstimationPlan plan, string language, OutputFolder output,
        IRunObserver? observer, Stopwatch clock, DateTimeOffset started, CancellationToken cancel)
    {
        observer?.Stage("merging");
        var first = partials[0].Descriptor;
        // A survey that two partials both hold (a repeated submission split across exports) is found before any sum is added.
        if (first.Panel == PartialPanel.Returnees) RepeatedSurveys.Check(partials, output.PathOf(".spill"));
        using var merged = new MergedCells(plan, first.Panel, partials.All(p => p.Descriptor.DataQualitySurveys is not null), output.PathOf(".spill"),
            partials.Sum(p => p.Descriptor.Returnees));
        for (var i = 0; i < partials.Length; i++)
        {
            cancel.ThrowIfCancellationRequested();
            merged.Add(partials[i], i);
        }
        merged.Complete();
        var estimates = EstimatesOfCells.Make(plan, merged.Cells, merged.ByCell, merged.PanelByCell, merged.PanelReturnees, merged.Returnees);

        observer?.Stage("writing");
        var files = new List<string>();
        string PathOf(string file)
        {
            files.Add(file);
            return output.PathOf(file);
        }
        // The tables of a run, in the order a run writes them, each in every format asked for.
        var formats = new[] { OutputFormats.Csv, OutputFormats.Parquet }.Where(f => settings.Formats.HasFlag(f)).ToArray();
        string Extension(OutputFormats format) => format == OutputFormats.Csv ? ".csv" : ".parquet";
        foreach (var format in formats)
            EstimateTables.Aggregates.Write(PathOf(EstimateTablesStage.Aggregates + Extension(format)), format, estimates.Variables, estimates.Aggregates);
        if (estimates.PanelReturnees > 0)
            foreach (var format in formats)
                EstimateTables.Panel.Write(PathOf(EstimateTablesStage.PanelChange + Extension(format)), format, estimates.Variables, estimates.PanelChange);
        foreach (var format in formats)
            ComparisonTable.Write(PathOf(ComparisonsStage.Comparisons + Extension(format)), format, estimates.Variables, estimates.Comparisons);
        if (merged.Tally is { } tally)
            foreach (var format in formats)
                DataQualityTable.Write(PathOf(DataQualityStage.Table + Extension(format)), format, tally, plan.MinCell);
        File.WriteAllBytes(PathOf(SchemeFileStage.File), plan.Scheme.Source.ToArray());
        if (settings.Report)
        {
            files.Add(Reports.EvaluationReport.File);
            files.Add(Reports.Workbook.ResultsWorkbook.File);
        }
        files.Add(EvaluationRun.ManifestFile);
        merged.Dispose();
        if (Directory.Exists(output.PathOf(".spill"))) Directory.Delete(output.PathOf(".spill"), recursive: true);

        var result = Result(output.Destination, files, partials, estimates, clock.Elapsed);
        MergeManifest.Write(output.PathOf(EvaluationRun.ManifestFile), settings, plan, partials, result, language, started);
        if (settings.Report) ReportStage.Write(output.PathOf(""), language, output.PathOf);
        cancel.ThrowIfCancellationRequested();
        return new MergeResult(result, language, plan.MinCell) { UnweightedOnPurpose = UnweightedOnPurpose(partials) };
    }

    /// <summary>
    /// Refuses a partial that is not signed with the organisation's key, or whose "partial" object (which lists every
    /// table's SHA-256) is not the one signed (docs/partials.md, "Signatures").
    /// </summary>
    private static void CheckSignature(PartialFolder partial, string key)
    {
        var d = partial.Descriptor;
        if (d.Signature is null)
            throw new PartialRefusedException(partial.Path, "it is not signed, and --require-signature asks for partials signed with the organisation's key " +
                $"({Partials.PartialSignature.Algorithm}, {SettingNames.PartialKeyVariable} set where the partial is made)");
        if (d.SignatureKey != Partials.PartialSignature.Fingerprint(key))
            throw new PartialRefusedException(partial.Path, $"it is signed with another key (fingerprint {d.SignatureKey}) than the one in {SettingNames.PartialKeyVariable} " +
                $"(fingerprint {Partials.PartialSignature.Fingerprint(key)})");
        if (!Partials.PartialSignature.Verify(d.SignedBody, key, d.Signature))
            throw new PartialRefusedException(partial.Path, "its signature is not that of its partial.json: it was changed after it was signed, or signed by someone without the key");
    }

    /// <summary>The estimation plan of the partials (which agree on it), with the merge's own threshold and intervals.</summary>
    private static EstimationPlan Plan(MergeSettings settings, PartialFolder[] partials)
    {
        var first = partials[0];
        var d = first.Descriptor;
        var scheme = first.Scheme;
        string[] expected = ["composite", .. scheme.Dimensions.Select(x => x.Id)];
        if (!d.Measures.Take(expected.Length).SequenceEqual(expected) || d.Measures.Skip(expected.Length).Any(m => !m.StartsWith("indicator_", StringComparison.Ordinal)))
            throw new PartialRefusedException(first.Path, $"its measures ({string.Join(", ", d.Measures)}) are not those of its scheme {scheme.Id}");
        IReadOnlyList<Level> levels;
        try { levels = d.Levels.Select(Level.Parse).ToArray(); }
        catch (FormatException e) { throw new PartialRefusedException(first.Path, $"its levels cannot be read ({e.Message})"); }
        if (levels.Count == 0 || levels[0].Variables.Count != 0)
            throw new PartialRefusedException(first.Path, "its levels do not start with all, the whole sample");
        if (!new GroupTable(levels).Variables.SequenceEqual(d.Variables))
            throw new PartialRefusedException(first.Path, $"its grouping columns ({string.Join(", ", d.Variables)}) are not those of its levels");
        return new EstimationPlan
        {
            Scheme = scheme, Levels = levels, QuarterLevelIsDefault = d.QuarterLevelIsDefault, Measures = d.Measures,
            WeightColumn = d.Weight, ClusterColumn = d.Cluster, StrataColumn = d.Strata,
            MinCell = settings.MinCell ?? Common(partials, p => p.MinCell, "--min-cell", v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Ci = settings.Ci ?? Common(partials, p => p.Ci, "--ci", v => v == Estimation.IntervalMethod.Normal ? "normal" : "t"),
            Df = settings.Df ?? Common(partials, p => p.Df, "--df", SettingWords.Df),
            Fdr = settings.Fdr ?? Common(partials, p => p.Fdr, "--fdr", SettingWords.Fdr),
        };
    }

    private static T Common<T>(IReadOnlyList<PartialFolder> partials, Func<Partials.PartialDescriptor, T> value, string flag, Func<T, string> words)
    {
        if (PartialAgreement.TryCommon(partials, value, out var common)) return common;
        throw new PartialsDisagreeException(
            $"the partials were made with different {flag} ({string.Join(", ", partials.Select(p => $"{words(value(p.Descriptor))} in {p.Path}"))}); give {flag} to say which the merged tables use");
    }

    private static RunResult Result(string destination, IReadOnlyList<string> files, PartialFolder[] partials, RunEstimates estimates, TimeSpan elapsed)
    {
        var descriptors = partials.Select(p => p.Descriptor).ToArray();
        var rejects = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (reason, count) in descriptors.SelectMany(d => d.RejectsByReason)) rejects[reason] = rejects.GetValueOrDefault(reason) + count;
        var dates = descriptors.Where(d => d.FirstSurveyDate is not null).ToArray();
        var checks = new FieldChecks
        {
            Today = DateOnly.FromDateTime(DateTime.Now),
            FutureDates = descriptors.Sum(d => d.FutureDates),
            InvalidDates = descriptors.Sum(d => d.InvalidDates),
        };
        return new RunResult(destination, files, descriptors.SelectMany(d => d.Inputs).ToArray(),
            descriptors.Sum(d => d.RowsRead), descriptors.Sum(d => d.RowsScored), descriptors.Sum(d => d.RowsRejected), rejects,
            estimates.Levels, estimates.Aggregates, estimates.PanelReturnees, estimates.Returnees,
            dates.Length == 0 ? default : dates.Min(d => d.FirstSurveyDate!.Value), dates.Length == 0 ? default : dates.Max(d => d.LastSurveyDate!.Value),
            elapsed, descriptors.Sum(d => d.RowsOutsidePeriod), checks)
        {
            Weighted = descriptors.All(d => d.Weighted is not false),
        };
    }

    /// <summary>Whether the merged estimates are unweighted on purpose: every partial's run was (--unweighted, "weight": null).</summary>
    internal static bool UnweightedOnPurpose(IReadOnlyList<PartialFolder> partials) => partials.All(p => p.Descriptor.Unweighted);
}
