using System.Text;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Scoring;
using BenchmarkDotNet.Attributes;

namespace Avrr.Analytics.Benchmarks;

/// <summary>
/// The scoring kernel: one survey's decoded answers → indicator, dimension and composite scores; and
/// decoding + scoring from the UTF-8 text of the answers. Per survey (OperationsPerInvoke), with the
/// bytes allocated per survey.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private const int Surveys = 4096;
    private SurveyScorer _scorer = null!;
    private AnswerDecoder _decoder = null!;
    private byte[] _answers = null!;
    private byte[] _text = null!;          // every answer's UTF-8 text, one after another, as a batch holds them
    private int[] _start = null!;
    private readonly double[] _indicators = new double[15];
    private readonly double[] _dimensions = new double[3];
    private readonly byte[] _decoded = new byte[29];

    [GlobalSetup]
    public void Setup()
    {
        var scheme = Scheme.Rss15;
        _scorer = new SurveyScorer(scheme);
        _decoder = new AnswerDecoder(scheme);
        var random = new Random(1);
        var questions = scheme.Questions;
        _answers = new byte[Surveys * questions.Count];
        var text = new List<byte>();
        _start = new int[Surveys * questions.Count + 1];
        for (var s = 0; s < Surveys; s++)
            for (var q = 0; q < questions.Count; q++)
            {
                var choices = questions[q].Scale.Choices;
                var missing = random.NextDouble() < 0.03;
                var choice = random.Next(choices.Count);
                _answers[s * questions.Count + q] = missing ? AnswerDecoder.Missing : (byte)choice;
                _start[s * questions.Count + q] = text.Count;
                text.AddRange(Encoding.UTF8.GetBytes(missing ? "dk" : choices[choice].Code));
            }
        _start[^1] = text.Count;
        _text = [.. text, .. new byte[16]];
    }

    [Benchmark(OperationsPerInvoke = Surveys, Description = "score one survey (decoded answers)")]
    public double Score()
    {
        double sum = 0;
        for (var s = 0; s < Surveys; s++)
            sum += _scorer.Score(_answers.AsSpan(s * 29, 29), _indicators, _dimensions).Composite;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Surveys, Description = "decode + score one survey (UTF-8 answers)")]
    public double DecodeAndScore()
    {
        double sum = 0;
        for (var s = 0; s < Surveys; s++)
        {
            for (var q = 0; q < 29; q++)
            {
                var i = s * 29 + q;
                _decoded[q] = _decoder.Decode(q, _text, _start[i], _start[i + 1] - _start[i]);
            }
            sum += _scorer.Score(_decoded, _indicators, _dimensions).Composite;
        }
        return sum;
    }
}
