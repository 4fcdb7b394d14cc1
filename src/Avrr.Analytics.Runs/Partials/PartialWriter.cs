using System.Buffers.Binary;
using System.Security.Cryptography;
using Avrr.Analytics.Estimation;
using Avrr.Analytics.IO.Partials;
using Avrr.Analytics.Runs.Passes;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Results;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs.Partials;

/// <summary>
/// Writes a run's partial (docs/partials.md): the cells and their sums, the design's strata and PSUs, the panel's
/// sums by cell or a summary per returnee, data_quality's counts, the scheme, and partial.json with every
/// file's SHA-256. No returnee id, no score of one survey (but with returnee summaries, which are keyed by a
/// salted hash), no column beyond the grouping and design columns.
/// </summary>
internal sealed class PartialWriter
{
    private readonly string _folder;
    private readonly List<string> _files = [];

    private PartialWriter(string folder) => _folder = folder;

    public sealed record Inputs(
        RunPlan Plan, EstimationSums Sums, RunAccounting Accounting, FieldChecks Checks, AnswerTally? Tally, string SpillFolder);

    /// <summary>Writes the partial into <paramref name="folder"/> (the partial folder being made) and returns its files, partial.json last.</summary>
    public static IReadOnlyList<string> Write(string folder, Inputs inputs)
    {
        var writer = new PartialWriter(folder);
        writer.WriteAll(inputs);
        return writer._files;
    }

    private string PathOf(string file)
    {
        _files.Add(file);
        return Path.Combine(_folder, file);
    }

    private string PathOf(PartialTable table) => PathOf(table.File);

    private void WriteAll(Inputs inputs)
    {
        var (plan, sums) = (inputs.Plan, inputs.Sums);
        var estimation = plan.Estimation;
        var measures = plan.Measures;
        var variables = sums.Cells.Groups.Variables;
        foreach (var reserved in new[] { "cell", "n_rows" })
            if (variables.Contains(reserved)) throw new SettingsException(RunSetting.Levels, reserved, $"a column named {reserved} cannot be written in a partial, whose cells table uses the name");

        using (var cells = new PartialTableWriter(PathOf(PartialTables.Cells(variables)), PartialTables.Cells(variables)))
            for (var cell = 0; cell < sums.Cells.Count; cell++)
            {
                cells.Whole(0, cell);
                var values = sums.Cells.ValuesOf(cell);
                for (var v = 0; v < values.Length; v++) cells.Text(1 + v, values[v]);
                cells.Whole(1 + values.Length, sums.ByCell.Rows(cell)).EndRow();
            }
        using (var tables = new CellSumsTables(PathOf, measures, estimation.Clustered, values: true, pairs: true))
            sums.ByCell.Export(tables);
        WriteDesign(sums.Design, sums, "");

        var panel = plan.Settings.PartialPanel;
        if (panel == PartialPanel.Cells && sums.PanelByCell is { } panelCells)
        {
            using (var rows = new PartialTableWriter(PathOf(PartialTables.PanelCells), PartialTables.PanelCells))
                for (var cell = 0; cell < panelCells.DomainCount; cell++)
                    if (panelCells.Rows(cell) > 0) rows.Whole(0, cell).Whole(1, panelCells.Rows(cell)).EndRow();
            using (var tables = new CellSumsTables(PathOf, measures, estimation.Clustered, values: false, pairs: false, PartialTables.Panel))
                panelCells.Export(tables);
            WriteDesign(panelCells.Design, sums, PartialTables.Panel);
        }
        if (panel == PartialPanel.Returnees)
        {
            WriteReturnees(inputs, measures);
            WriteSurveyKeys(sums.SurveyKeys!);
        }

        if (inputs.Tally is { } tally)
            using (var quality = new PartialTableWriter(PathOf(PartialTables.DataQuality), PartialTables.DataQuality))
                for (var q = 0; q < plan.Scheme.Questions.Count; q++)
                    for (var k = 1; k < tally.Kinds.Count; k++)
                        quality.Text(0, plan.Scheme.Questions[q].Id).Text(1, tally.Kinds[k]).Whole(2, tally.Count(q, k)).EndRow();

        File.WriteAllBytes(PathOf(PartialDescriptor.SchemeFile), plan.Scheme.Source.ToArray());

        var accounting = inputs.Accounting;
        var settings = plan.Settings;
        var descriptor = new PartialDescriptor
        {
            MadeBy = PartialDescriptor.MadeByRun,
            EngineVersion = Output.Manifest.EngineVersion,
            Id = PartialDescriptor.NewId(),
            Period = settings.Period,
            SchemeId = plan.Scheme.Id, SchemeName = plan.Scheme.Name, SchemeOrigin = plan.Scheme.Origin, SchemeSha256 = plan.Scheme.Sha256,
            SchemeEqualWeights = plan.Scheme.HasEqualWeights, SchemeWeights = Output.Manifest.WeightsNote(plan.Scheme),
            Levels = plan.Levels.Select(l => l.Name).ToArray(), QuarterLevelIsDefault = plan.QuarterLevelIsDefault,
            Variables = variables, Measures = measures,
            Weight = estimation.WeightColumn, Weighted = plan.Weighted, Unweighted = settings.Unweighted,
            Cluster = estimation.ClusterColumn, Strata = estimation.StrataColumn,
            Panel = panel, SaltFingerprint = panel == PartialPanel.Returnees ? ReturneeHash.Fingerprint(settings.PartialSalt!) : null,
            MinCell = settings.MinCell, Ci = settings.Ci, Df = settings.Df, Fdr = settings.Fdr, Lang = settings.Language,
            Surveys = sums.ByCell.Surveys, WeightScale = Scale(sums.ByCell),
            PanelSurveys = sums.PanelByCell?.Surveys ?? 0, PanelWeightScale = sums.PanelByCell is { } p ? Scale(p) : 1,
            Returnees = sums.Returnees, PanelReturnees = sums.PanelReturnees,
            RowsRead = accounting.RowsRead, RowsScored = accounting.RowsScored, RowsRejected = accounting.RowsRejected,
            RowsOutsidePeriod = accounting.RowsOutsidePeriod, RejectsByReason = accounting.RejectsByReason,
            FirstSurveyDate = accounting.RowsScored > 0 ? accounting.FirstSurveyDate : null,
            LastSurveyDate = accounting.RowsScored > 0 ? accounting.LastSurveyDate : null,
            Inputs = accounting.Inputs(), FutureDates = inputs.Checks.FutureDates, InvalidDates = inputs.Checks.InvalidDates,
            DataQualitySurveys = inputs.Tally?.Surveys,
            Files = _files.Select(Describe).ToArray(),
        };
        File.WriteAllBytes(Path.Combine(_folder, PartialDescriptor.File), descriptor.ToJson(settings.PartialKey));
        _files.Add(PartialDescriptor.File);
    }

    private static double Scale(DomainEstimator estimator) => estimator.WeightScale == 0 ? 1 : estimator.WeightScale;

    private PartialFile Describe(string file)
    {
        var path = Path.Combine(_folder, file);
        using var stream = File.OpenRead(path);
        return new PartialFile(file, Convert.ToHexStringLower(SHA256.HashData(stream)), new FileInfo(path).Length);
    }

    /// <summary>The strata (with their labels and PSU counts) and, with clusters, the PSUs (with their cluster labels) of a design.</summary>
    private void WriteDesign(SurveyDesign design, EstimationSums sums, string prefix)
    {
        using (var strata = new PartialTableWriter(PathOf(PartialTables.Strata(prefix)), PartialTables.Strata(prefix)))
            for (var h = 0; h < design.StratumCount; h++)
            {
                if (design.PsuCount(h) == 0) continue;
                strata.Whole(0, h).Text(1, design.Stratified ? Label(sums.StrataLabels, h) : null).Whole(2, design.PsuCount(h)).EndRow();
            }
        if (!design.Clustered) return;
        using var psus = new PartialTableWriter(PathOf(PartialTables.Psus(prefix)), PartialTables.Psus(prefix));
        foreach (var (psu, stratum, cluster) in design.Psus()) psus.Whole(0, psu).Whole(1, stratum).Text(2, Label(sums.ClusterLabels, cluster)).EndRow();
    }

    private static string Label(Collections.Utf8Table labels, int id) => System.Text.Encoding.UTF8.GetString(labels.KeyAt(id));

    /// <summary>
    /// One row per returnee, keyed by the salted hash of its id, in the order of those hashes (so that the order
    /// of the rows says nothing of the ids): the summaries go through spill buckets by the hash's first bits, each
    /// sorted when read.
    /// </summary>
    private void WriteReturnees(Inputs inputs, IReadOnlyList<string> measures)
    {
        var sums = inputs.Sums;
        var hash = new ReturneeHash(inputs.Plan.Settings.PartialSalt!);
        var m = measures.Count;
        var size = Summary.MeasuresAt + 16 * m;
        using var buckets = new SpillBuckets(inputs.SpillFolder, "returnees", sums.Returnees);
        var record = new byte[size];
        var clustered = sums.Design.Clustered;
        sums.Panel.Summaries((id, surveys, first, last) =>
        {
            var span = record.AsSpan();
            hash.Of(id, span[..32]);
            BinaryPrimitives.WriteInt32LittleEndian(span[Summary.Surveys..], surveys);
            BinaryPrimitives.WriteInt32LittleEndian(span[Summary.FirstDay..], first.Date.DayNumber);
            BinaryPrimitives.WriteInt64LittleEndian(span[Summary.FirstSequence..], first.Sequence);
            BinaryPrimitives.WriteInt32LittleEndian(span[Summary.LastDay..], last.Date.DayNumber);
            BinaryPrimitives.WriteInt64LittleEndian(span[Summary.LastSequence..], last.Sequence);
            BinaryPrimitives.WriteDoubleLittleEndian(span[Summary.LastWeight..], last.Weight);
            BinaryPrimitives.WriteInt32LittleEndian(span[Summary.LastStratum..], last.Stratum);
            BinaryPrimitives.WriteInt32LittleEndian(span[Summary.LastPsu..], clustered ? sums.Design.PsuOf(last.Stratum, last.Cluster) : -1);
            BinaryPrimitives.WriteInt32LittleEndian(span[Summary.LastCell..], last.Cell);
            for (var k = 0; k < m; k++)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(span[(Summary.MeasuresAt + 8 * k)..], first.Measure(k));
                BinaryPrimitives.WriteDoubleLittleEndian(span[(Summary.MeasuresAt + 8 * (m + k))..], last.Measure(k));
            }
            // The bucket of the hash's first bits (the buckets are a power of two): buckets in order hold the hashes in order.
            buckets.Append((int)(BinaryPrimitives.ReadUInt64BigEndian(span) >> (64 - System.Numerics.BitOperations.Log2((uint)buckets.Count))), span);
        });

        var table = PartialTables.Returnees(measures);
        using var rows = new PartialTableWriter(PathOf(table), table);
        var buffer = Array.Empty<byte>();
        for (var b = 0; b < buckets.Count; b++)
        {
            var length = buckets.Read(b, ref buffer);
            var data = buffer;
            var order = Enumerable.Range(0, length / size).ToArray();
            Array.Sort(order, (x, y) => data.AsSpan(x * size, 32).SequenceCompareTo(data.AsSpan(y * size, 32)));
            foreach (var i in order)
            {
                var r = data.AsSpan(i * size, size);
                var at = i * size + Summary.MeasuresAt;
                double Measure(int k) => BinaryPrimitives.ReadDoubleLittleEndian(data.AsSpan(at + 8 * k));
                rows.Text(0, Convert.ToHexStringLower(r[..32])).Whole(1, BinaryPrimitives.ReadInt32LittleEndian(r[Summary.Surveys..]))
                    .Date(2, DateOnly.FromDayNumber(BinaryPrimitives.ReadInt32LittleEndian(r[Summary.FirstDay..])))
                    .Whole(3, BinaryPrimitives.ReadInt64LittleEndian(r[Summary.FirstSequence..]));
                var c = 4;
                for (var k = 0; k < m; k++) rows.Number(c++, Measure(k));
                var psu = BinaryPrimitives.ReadInt32LittleEndian(r[Summary.LastPsu..]);
                rows.Date(c++, DateOnly.FromDayNumber(BinaryPrimitives.ReadInt32LittleEndian(r[Summary.LastDay..])))
                    .Whole(c++, BinaryPrimitives.ReadInt64LittleEndian(r[Summary.LastSequence..]))
                    .Number(c++, BinaryPrimitives.ReadDoubleLittleEndian(r[Summary.LastWeight..]))
                    .Whole(c++, BinaryPrimitives.ReadInt32LittleEndian(r[Summary.LastStratum..]))
                    .Whole(c++, psu < 0 ? null : psu)
                    .Whole(c++, BinaryPrimitives.ReadInt32LittleEndian(r[Summary.LastCell..]));
                for (var k = 0; k < m; k++) rows.Number(c++, Measure(m + k));
                rows.EndRow();
            }
        }
    }

    /// <summary>Every scored survey's salted key, in the order of the keys (so that the order of the rows says nothing of the surveys).</summary>
    private void WriteSurveyKeys(SpillBuckets keys)
    {
        using var rows = new PartialTableWriter(PathOf(PartialTables.SurveyKeys), PartialTables.SurveyKeys);
        var buffer = Array.Empty<byte>();
        const int size = SurveyKeyHash.Bytes;
        for (var b = 0; b < keys.Count; b++)
        {
            var length = keys.Read(b, ref buffer);
            var data = buffer;
            var order = Enumerable.Range(0, length / size).ToArray();
            Array.Sort(order, (x, y) => data.AsSpan(x * size, size).SequenceCompareTo(data.AsSpan(y * size, size)));
            foreach (var i in order) rows.Text(0, Convert.ToHexStringLower(data.AsSpan(i * size, size))).EndRow();
        }
    }

    /// <summary>The layout of a returnee's summary while it waits in the spill buckets.</summary>
    private static class Summary
    {
        public const int Surveys = 32, FirstDay = 36, FirstSequence = 40, LastDay = 48, LastSequence = 52, LastWeight = 60, LastStratum = 68, LastPsu = 72,
            LastCell = 76, MeasuresAt = 80;
    }
}
