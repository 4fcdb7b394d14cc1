namespace Avrr.Analytics.Audit;

/// <summary>
/// The surveys the audit keeps for what does not stream (docs/audit.md, "Memory"): per survey its decoded
/// answers (one byte per question, dk kept apart: <see cref="Scoring.AnswerDecoder.DontKnow"/>), its design weight, its
/// group of the analysed level, and the value numbers of its many-valued scores (dimensions, composite:
/// <see cref="ValueCoder"/>): for rss-15, 29 + 8 + 4 + 4 × 4 = 57 bytes. In blocks, so that growing never
/// copies what is kept.
/// </summary>
public sealed class SurveyStore
{
    private const int BlockSurveys = 1 << 16;

    private readonly int _questions;
    private readonly int _codes;
    private readonly List<byte[]> _answers = [];
    private readonly List<double[]> _weights = [];
    private readonly List<int[]> _groups = [];
    private readonly List<int[]> _values = [];

    public SurveyStore(int questions, int codes)
    {
        _questions = questions;
        _codes = codes;
    }

    public int Count { get; private set; }

    /// <summary>Bytes held per survey.</summary>
    public int BytesPerSurvey => _questions + sizeof(double) + sizeof(int) * (1 + _codes);

    public void Add(ReadOnlySpan<byte> answers, double weight, int group, ReadOnlySpan<int> codes)
    {
        var (block, at) = (Count / BlockSurveys, Count % BlockSurveys);
        if (block == _answers.Count)
        {
            _answers.Add(new byte[BlockSurveys * _questions]);
            _weights.Add(new double[BlockSurveys]);
            _groups.Add(new int[BlockSurveys]);
            _values.Add(new int[BlockSurveys * _codes]);
        }
        answers.CopyTo(_answers[block].AsSpan(at * _questions, _questions));
        codes.CopyTo(_values[block].AsSpan(at * _codes, _codes));
        _weights[block][at] = weight;
        _groups[block][at] = group;
        Count++;
    }

    public ReadOnlySpan<byte> Answers(int survey) => _answers[survey / BlockSurveys].AsSpan(survey % BlockSurveys * _questions, _questions);
    public double Weight(int survey) => _weights[survey / BlockSurveys][survey % BlockSurveys];
    public int Group(int survey) => _groups[survey / BlockSurveys][survey % BlockSurveys];
    /// <summary>The survey's value number of many-valued score <paramref name="code"/> (−1 when missing).</summary>
    public int Code(int survey, int code) => _values[survey / BlockSurveys][survey % BlockSurveys * _codes + code];
}
