using System.Runtime.InteropServices;
using System.Text;
using Avrr.Analytics.Collections;
using BenchmarkDotNet.Attributes;

namespace Avrr.Analytics.Benchmarks;

/// <summary>
/// The engine's one open-addressing table (<see cref="OpenTable{TKey, TValue}"/>) against
/// <see cref="Dictionary{TKey, TValue}"/> used the fastest way it can be (CollectionsMarshal refs, an
/// alternate span lookup), on the three kinds of lookup the hot paths make, 1M lookups each:
/// numbering the distinct values of a score (a few hundred doubles), the weights of a value in a
/// domain (int → struct), and UTF-8 answers to their number (spans of a scale's spellings).
/// </summary>
[MemoryDiagnoser]
public class TableBenchmarks
{
    private const int Lookups = 1_000_000;
    private long[] _scoreBits = [];
    private int[] _valueIds = [];
    private byte[] _answers = [];
    private (int Start, int Length)[] _answerAt = [];
    private string[] _spellings = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261201);
        // Dimension scores of rss-15 take a few hundred values: means of means of quarters and thirds.
        var distinct = Enumerable.Range(0, 300).Select(i => BitConverter.DoubleToInt64Bits(Math.Round(i / 299.0, 6))).ToArray();
        _scoreBits = Enumerable.Range(0, Lookups).Select(_ => distinct[random.Next(distinct.Length)]).ToArray();
        _valueIds = Enumerable.Range(0, Lookups).Select(_ => random.Next(300)).ToArray();
        _spellings = ["very_poor", "poor", "fair", "good", "very_good", "Très mauvais", "Mauvais", "Moyen", "Bon", "Très bon", "dk", "refused", "na"];
        var text = new List<byte>();
        var at = new List<(int, int)>();
        for (var i = 0; i < Lookups; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(_spellings[random.Next(_spellings.Length)]);
            at.Add((text.Count, bytes.Length));
            text.AddRange(bytes);
        }
        _answers = [.. text];
        _answerAt = [.. at];
    }

    [Benchmark(Description = "number score values: Numbering (OpenTable)")]
    public int NumberingOpenTable()
    {
        var numbering = new Numbering(1024);
        var sum = 0;
        foreach (var bits in _scoreBits) sum += numbering.NumberOf(bits);
        return sum;
    }

    [Benchmark(Description = "number score values: Dictionary + CollectionsMarshal")]
    public int NumberingDictionary()
    {
        var numbers = new Dictionary<long, int>(1024);
        var sum = 0;
        foreach (var bits in _scoreBits)
        {
            ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(numbers, bits, out var exists);
            if (!exists) number = numbers.Count - 1;
            sum += number;
        }
        return sum;
    }

    private struct Weights
    {
        public double Total;
        public double Last;
        public long LastSurvey;
    }

    [Benchmark(Description = "weights by value id: OpenTable")]
    public double WeightsOpenTable()
    {
        var table = new OpenTable<NumberKey, Weights>(16, loadPercent: 75);
        long survey = 0;
        foreach (var id in _valueIds)
        {
            ref var w = ref table.GetValueRefOrAddDefault(new NumberKey(id), out _);
            w.Total += 1.5;
            w.Last = 1.5;
            w.LastSurvey = survey++;
        }
        return table.Count;
    }

    [Benchmark(Description = "weights by value id: Dictionary + CollectionsMarshal")]
    public double WeightsDictionary()
    {
        var table = new Dictionary<int, Weights>(16);
        long survey = 0;
        foreach (var id in _valueIds)
        {
            ref var w = ref CollectionsMarshal.GetValueRefOrAddDefault(table, id, out _);
            w.Total += 1.5;
            w.Last = 1.5;
            w.LastSurvey = survey++;
        }
        return table.Count;
    }

    [Benchmark(Description = "UTF-8 answers to numbers: Utf8Table (OpenTable)")]
    public int AnswersUtf8Table()
    {
        var table = new Utf8Table();
        for (var i = 0; i < _spellings.Length; i++) table.TryAdd(Encoding.UTF8.GetBytes(_spellings[i]), i);
        var sum = 0;
        foreach (var (start, length) in _answerAt)
            if (table.TryGet(_answers.AsSpan(start, length), out var n)) sum += n;
        return sum;
    }

    [Benchmark(Description = "UTF-8 answers to numbers: Dictionary<string> + span lookup")]
    public int AnswersDictionary()
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _spellings.Length; i++) table[_spellings[i]] = i;
        var lookup = table.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> chars = stackalloc char[64];
        var sum = 0;
        foreach (var (start, length) in _answerAt)
        {
            var count = Encoding.UTF8.GetChars(_answers.AsSpan(start, length), chars);
            if (lookup.TryGetValue(chars[..count], out var n)) sum += n;
        }
        return sum;
    }
}
