using System.Buffers.Binary;
using Avrr.Analytics.Surveys;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Estimation;

/// <summary>
/// The change of each measure between a returnee's first and last survey (ordered by survey_date, then
/// by input order), estimated per group like any measure (docs/methodology.md, "Panel change"): the
/// returnee counts in the groups of their last survey, weighted by its weight, with the stratum and
/// cluster of that survey; the "sample" of the paired design is the returnees with two or more surveys,
/// so the standard error is that of a mean of paired differences. Surveys of panel returnees are kept in
/// buckets by returnee (<see cref="IReturneeBuckets"/>) while they are scored, then paired a bucket at a time.
/// </summary>
public sealed class PanelPairing
{
    private readonly IReturneeBuckets _buckets;
    private readonly int _measures;
    private readonly byte[] _record;

    public PanelPairing(IReturneeBuckets buckets, int measures)
    {
        _buckets = buckets;
        _measures = measures;
        _record = new byte[Record.MeasuresAt + 8 * measures + SurveyKeys.MaxBytes];
    }

    /// <summary>The surveys added so far.</summary>
    public long Surveys { get; private set; }

    /// <summary>After <see cref="Estimate"/>: the returnees among the surveys added, with one scored survey or more.</summary>
    public long Returnees { get; private set; }

    /// <summary>
    /// The record of one survey, its layout defined here once: u64 id fingerprint, i32 day, i64 sequence,
    /// f64 weight, i32 stratum, i32 cluster, i32 cell, u16 id length, f64 × measures, then the id bytes.
    /// The cell is the survey's combination of grouping values.
    /// </summary>
    private static class Record
    {
        public const int IdHash = 0, Day = 8, Sequence = 12, Weight = 20, Stratum = 28, Cluster = 32, Cell = 36, IdLength = 40, MeasuresAt = 42;
    }

    /// <summary>Adds a scored survey; its id is whole (<see cref="SurveyKeys.MaxBytes"/> at most), so returnees are paired exactly.</summary>
    public void Add(ReadOnlySpan<byte> returneeId, DateOnly date, long sequence, double weight, int stratum, int cluster,
        ReadOnlySpan<double> measures, int cell)
    {
        if (returneeId.Length > SurveyKeys.MaxBytes)
            throw new ArgumentException($"A returnee id of {returneeId.Length} bytes: a scored survey's id has at most {SurveyKeys.MaxBytes} (SurveyKeys).", nameof(returneeId));
        var span = _record.AsSpan();
        var fingerprint = Fingerprint.Of(returneeId);
        BinaryPrimitives.WriteUInt64LittleEndian(span[Record.IdHash..], fingerprint);
        BinaryPrimitives.WriteInt32LittleEndian(span[Record.Day..], date.DayNumber);
        BinaryPrimitives.WriteInt64LittleEndian(span[Record.Sequence..], sequence);
        BinaryPrimitives.WriteDoubleLittleEndian(span[Record.Weight..], weight);
        BinaryPrimitives.WriteInt32LittleEndian(span[Record.Stratum..], stratum);
        BinaryPrimitives.WriteInt32LittleEndian(span[Record.Cluster..], cluster);
        BinaryPrimitives.WriteInt32LittleEndian(span[Record.Cell..], cell);
        BinaryPrimitives.WriteUInt16LittleEndian(span[Record.IdLength..], (ushort)returneeId.Length);
        var p = Record.MeasuresAt;
        foreach (var m in measures) { BinaryPrimitives.WriteDoubleLittleEndian(span[p..], m); p += 8; }
        returneeId.CopyTo(span[p..]);
        _buckets.Append(_buckets.BucketOf(fingerprint), span[..(p + returneeId.Length)]);
        Surveys++;
    }

    private double MeasureOf(ReadOnlySpan<byte> record, int measure) => BinaryPrimitives.ReadDoubleLittleEndian(record[(Record.MeasuresAt + 8 * measure)..]);

    private readonly record struct Survey(ulong IdHash, int Day, long Sequence, int Offset, int IdStart, int IdLength);

    /// <summary>A returnee's change between their first and last survey, with the last survey's design and cell.</summary>
    private readonly record struct Pair(double Weight, int Stratum, int Cluster, int Cell);

    /// <summary>
    /// Pairs the first and last survey of every returnee and estimates the changes by cell (the last
    /// survey's), to be regrouped into the levels' groups like the scores. Buckets are paired a few at
    /// a time on every core, and added to the estimator in bucket order, so the result does not depend
    /// on the threads. The paired design has its own degrees of freedom (PSUs − strata of the panel returnees'
    /// last surveys), which the t intervals use.
    /// </summary>
    public (DomainEstimator Cells, long Returnees) Estimate(bool clustered, bool stratified, BandCuts bands,
        IntervalMethod intervals = IntervalMethod.StudentT, DegreesOfFreedomRule degreesOfFreedom = DegreesOfFreedomRule.Domain)
    {
        var design = new SurveyDesign(clustered, stratified);
        var estimator = new DomainEstimator(design, _measures, bands, distributions: false, intervals, degreesOfFreedom: degreesOfFreedom);
        long returnees = 0;
        const int Together = 4;
        // A workspace per bucket read together, reused for the next ones and dropped at the end: no
        // array per returnee or per bucket.
        var spaces = Enumerable.Range(0, Together).Select(_ => new Workspace()).ToArray();
        for (var first = 0; first < _buckets.Count; first += Together)
        {
            System.Threading.Tasks.Parallel.For(0, Together, i =>
            {
                if (first + i < _buckets.Count) PairsOf(first + i, spaces[i]);
                else { spaces[i].PairCount = 0; spaces[i].Singles = 0; }
            });
            foreach (var space in spaces)
            {
                Returnees += space.Singles;
                for (var p = 0; p < space.PairCount; p++)
                {
                    var pair = space.Pairs[p];
                    returnees++;
                    estimator.Add(pair.Cell, pair.Stratum, design.AddSurvey(pair.Stratum, pair.Cluster), pair.Weight,
                        space.Changes.AsSpan(p * _measures, _measures));
                }
            }
        }
        Returnees += returnees;
        return (estimator, returnees);
    }

    private sealed class Workspace
    {
        public byte[] Data = [];
        public Survey[] Surveys = [];
        public Pair[] Pairs = [];
        /// <summary>The changes of pair i at [i × measures, (i + 1) × measures).</summary>
        public double[] Changes = [];
        public int PairCount;
        /// <summary>Returnees of the bucket with a single scored survey (their other surveys were rejected).</summary>
        public int Singles;
    }

    /// <summary>The surveys of a bucket, sorted by returnee fingerprint, date and sequence, in <paramref name="space"/>.</summary>
    private Span<Survey> SortedSurveys(int bucket, Workspace space)
    {
        var length = _buckets.Read(bucket, ref space.Data);
        var data = space.Data;
        var most = length / (Record.MeasuresAt + 8 * _measures + 1) + 1;
        if (space.Surveys.Length < most)
        {
            space.Surveys = new Survey[most * 5 / 4];
            space.Pairs = new Pair[most * 5 / 8 + 1];
            space.Changes = new double[space.Pairs.Length * _measures];
        }
        var count = 0;
        for (var p = 0; p < length;)
        {
            var span = data.AsSpan(p);
            var idLength = BinaryPrimitives.ReadUInt16LittleEndian(span[Record.IdLength..]);
            var idStart = p + Record.MeasuresAt + 8 * _measures;
            space.Surveys[count++] = new Survey(BinaryPrimitives.ReadUInt64LittleEndian(span[Record.IdHash..]), BinaryPrimitives.ReadInt32LittleEndian(span[Record.Day..]),
                BinaryPrimitives.ReadInt64LittleEndian(span[Record.Sequence..]), p, idStart, idLength);
            p = idStart + idLength;
        }
        var sorted = space.Surveys.AsSpan(0, count);
        sorted.Sort(static (x, y) =>
        {
            var c = x.IdHash.CompareTo(y.IdHash);
            if (c != 0) return c;
            c = x.Day.CompareTo(y.Day);
            return c != 0 ? c : x.Sequence.CompareTo(y.Sequence);
        });
        return sorted;
    }

    /// <summary>Walks the returnees of a sorted bucket, each run of surveys in date and sequence order.</summary>
    private static void ForEachReturnee(Span<Survey> sorted, byte[] data, ReturneeRuns.SpanAction<Survey> body) =>
        ReturneeRuns.ForEach(sorted, static (in Survey s) => s.IdHash, (in Survey s) => data.AsSpan(s.IdStart, s.IdLength),
            (x, y) =>
            {
                var c = data.AsSpan(x.IdStart, x.IdLength).SequenceCompareTo(data.AsSpan(y.IdStart, y.IdLength));
                if (c != 0) return c;
                c = x.Day.CompareTo(y.Day);
                return c != 0 ? c : x.Sequence.CompareTo(y.Sequence);
            },
            body);

    /// <summary>Pairs the first and last survey of each returnee of a bucket into <paramref name="space"/>.</summary>
    private void PairsOf(int bucket, Workspace space)
    {
        var sorted = SortedSurveys(bucket, space);
        var data = space.Data;
        space.PairCount = 0;
        space.Singles = 0;
        ForEachReturnee(sorted, data, returnee =>
        {
            if (returnee.Length < 2) { space.Singles++; return; }
            var first = data.AsSpan(returnee[0].Offset);
            var last = data.AsSpan(returnee[^1].Offset);
            var p = space.PairCount++;
            var change = space.Changes.AsSpan(p * _measures, _measures);
            for (var m = 0; m < _measures; m++) change[m] = MeasureOf(last, m) - MeasureOf(first, m);
            space.Pairs[p] = new Pair(BinaryPrimitives.ReadDoubleLittleEndian(last[Record.Weight..]), BinaryPrimitives.ReadInt32LittleEndian(last[Record.Stratum..]),
                BinaryPrimitives.ReadInt32LittleEndian(last[Record.Cluster..]), BinaryPrimitives.ReadInt32LittleEndian(last[Record.Cell..]));
        });
    }

    /// <summary>One survey of a returnee as the pairing keeps it: its date, sequence, weight, stratum, cluster, cell and measures.</summary>
    public readonly ref struct PanelSurvey
    {
        private readonly ReadOnlySpan<byte> _record;

        internal PanelSurvey(ReadOnlySpan<byte> record) => _record = record;

        public DateOnly Date => DateOnly.FromDayNumber(BinaryPrimitives.ReadInt32LittleEndian(_record[Record.Day..]));
        public long Sequence => BinaryPrimitives.ReadInt64LittleEndian(_record[Record.Sequence..]);
        public double Weight => BinaryPrimitives.ReadDoubleLittleEndian(_record[Record.Weight..]);
        public int Stratum => BinaryPrimitives.ReadInt32LittleEndian(_record[Record.Stratum..]);
        public int Cluster => BinaryPrimitives.ReadInt32LittleEndian(_record[Record.Cluster..]);
        public int Cell => BinaryPrimitives.ReadInt32LittleEndian(_record[Record.Cell..]);
        public double Measure(int measure) => BinaryPrimitives.ReadDoubleLittleEndian(_record[(Record.MeasuresAt + 8 * measure)..]);
    }

    /// <summary>A returnee's id, its number of surveys, and its first and last survey (the same one when it has one).</summary>
    public delegate void ReturneeSummary(ReadOnlySpan<byte> returneeId, int surveys, PanelSurvey first, PanelSurvey last);

    /// <summary>
    /// Every returnee of the surveys added, with their first and last survey (by survey_date, then sequence), a
    /// bucket at a time in bucket order: what a partial keeps of each returnee so that panel change can be
    /// paired across partials (docs/partials.md, "Returnees in two partials").
    /// </summary>
    public void Summaries(ReturneeSummary each)
    {
        var space = new Workspace();
        for (var bucket = 0; bucket < _buckets.Count; bucket++)
        {
            var sorted = SortedSurveys(bucket, space);
            var data = space.Data;
            ForEachReturnee(sorted, data, returnee =>
            {
                var id = data.AsSpan(returnee[0].IdStart, returnee[0].IdLength);
                each(id, returnee.Length, new PanelSurvey(data.AsSpan(returnee[0].Offset)), new PanelSurvey(data.AsSpan(returnee[^1].Offset)));
            });
        }
    }
}
