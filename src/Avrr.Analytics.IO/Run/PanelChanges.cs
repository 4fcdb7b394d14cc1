using System.Buffers.Binary;
using Avrr.Analytics.Estimation;
using Avrr.Analytics.Schemes;

namespace Avrr.Analytics.IO.Run;

/// <summary>
/// The change of each measure between a returnee's first and last survey (ordered by survey_date, then
/// by input order), estimated per group like any measure (scoring.md §3, panel change): the returnee
/// counts in the groups of their last survey, weighted by its weight, with the stratum and cluster of
/// that survey; the "sample" of the paired design is the returnees with two or more surveys, so the
/// standard error is that of a mean of paired differences. Surveys of panel returnees are spilled by
/// returnee (<see cref="SpillBuckets"/>) while scoring, then paired one bucket at a time.
/// </summary>
internal sealed class PanelChanges : IDisposable
{
    private readonly SpillBuckets _buckets;
    private readonly int _measures;
    private readonly int _levels;
    private readonly byte[] _record;

    public PanelChanges(string spillFolder, int measures, int levels)
    {
        _buckets = new SpillBuckets(spillFolder, "panel");
        _measures = measures;
        _levels = levels;
        _record = new byte[2 + 30000 + 4 + 8 + 8 + 4 + 4 + 8 * measures + 4 * levels];
    }

    public long Surveys { get; private set; }

    // Record: u16 id length, id, i32 day, i64 sequence, f64 weight, i32 stratum, i32 cluster, f64 × measures, i32 × levels (domains).
    public void Add(ReadOnlySpan<byte> returneeId, DateOnly date, long sequence, double weight, int stratum, int cluster,
        ReadOnlySpan<double> measures, ReadOnlySpan<int> domains)
    {
        returneeId = returneeId[..Math.Min(returneeId.Length, 30000)];
        var span = _record.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)returneeId.Length);
        returneeId.CopyTo(span[2..]);
        var p = 2 + returneeId.Length;
        BinaryPrimitives.WriteInt32LittleEndian(span[p..], date.DayNumber); p += 4;
        BinaryPrimitives.WriteInt64LittleEndian(span[p..], sequence); p += 8;
        BinaryPrimitives.WriteDoubleLittleEndian(span[p..], weight); p += 8;
        BinaryPrimitives.WriteInt32LittleEndian(span[p..], stratum); p += 4;
        BinaryPrimitives.WriteInt32LittleEndian(span[p..], cluster); p += 4;
        foreach (var m in measures) { BinaryPrimitives.WriteDoubleLittleEndian(span[p..], m); p += 8; }
        foreach (var d in domains) { BinaryPrimitives.WriteInt32LittleEndian(span[p..], d); p += 4; }
        _buckets.Append(SpillBuckets.BucketOf(returneeId), span[..p]);
        Surveys++;
    }

    private readonly record struct Survey(int IdStart, int IdLength, int Day, long Sequence, int Offset);

    /// <summary>Pairs the first and last survey of every returnee and estimates the changes by group.</summary>
    public (DomainEstimator Estimator, long Returnees) Estimate(bool clustered, bool stratified, BandCuts bands)
    {
        var design = new SurveyDesign(clustered, stratified);
        var estimator = new DomainEstimator(design, _measures, bands);
        var change = new double[_measures];
        var domains = new int[_levels];
        long returnees = 0;
        for (var b = 0; b < SpillBuckets.Count; b++)
        {
            var data = _buckets.Read(b);
            var surveys = new List<Survey>();
            for (var p = 0; p < data.Length;)
            {
                var idLength = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(p));
                var q = p + 2 + idLength;
                surveys.Add(new Survey(p + 2, idLength, BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(q)),
                    BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(q + 4)), q + 12));
                p = q + 12 + 16 + 8 * _measures + 4 * _levels;
            }
            surveys.Sort((x, y) =>
            {
                var c = data.AsSpan(x.IdStart, x.IdLength).SequenceCompareTo(data.AsSpan(y.IdStart, y.IdLength));
                if (c != 0) return c;
                c = x.Day.CompareTo(y.Day);
                return c != 0 ? c : x.Sequence.CompareTo(y.Sequence);
            });
            for (var start = 0; start < surveys.Count;)
            {
                var end = start + 1;
                var id = data.AsSpan(surveys[start].IdStart, surveys[start].IdLength);
                while (end < surveys.Count && data.AsSpan(surveys[end].IdStart, surveys[end].IdLength).SequenceEqual(id)) end++;
                if (end - start >= 2)
                {
                    returnees++;
                    var first = surveys[start].Offset;
                    var last = surveys[end - 1].Offset;
                    var weight = BinaryPrimitives.ReadDoubleLittleEndian(data.AsSpan(last));
                    var stratum = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(last + 8));
                    var cluster = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(last + 12));
                    for (var m = 0; m < _measures; m++)
                        change[m] = BinaryPrimitives.ReadDoubleLittleEndian(data.AsSpan(last + 16 + 8 * m))
                                    - BinaryPrimitives.ReadDoubleLittleEndian(data.AsSpan(first + 16 + 8 * m));
                    var psu = design.AddSurvey(stratum, cluster);
                    var at = last + 16 + 8 * _measures;
                    for (var l = 0; l < _levels; l++) domains[l] = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(at + 4 * l));
                    estimator.Add(domains, stratum, psu, weight, change);
                }
                start = end;
            }
        }
        return (estimator, returnees);
    }

    public void Dispose() => _buckets.Dispose();
}
