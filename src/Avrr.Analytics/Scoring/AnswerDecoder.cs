using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text;
using Avrr.Analytics.Collections;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Scoring;

/// <summary>
/// Turns the text of an answer into the index of its choice on the question's scale, or
/// <see cref="Missing"/> (empty, or a special answer such as refused), <see cref="DontKnow"/> (the special
/// answer dk, missing too, but kept apart for the audit's question "what if dk scored as the lowest
/// answer?", docs/audit.md), or <see cref="Invalid"/>.
/// An answer may be a code or a label in any of the scheme's languages, compared as
/// <see cref="AnswerText"/> says; a count scale takes a whole number n ≥ 0 (min(n, max) is its choice).
/// <para>
/// The first lookup is on the exact bytes; a spelling found only after normalising is remembered, so
/// an export that writes "Très Satisfait" pays for normalising once, not once a row. That memory makes
/// a decoder not thread-safe: give each thread its own.
/// </para>
/// </summary>
public sealed class AnswerDecoder
{
    /// <summary>The answer is missing: an empty cell or a special answer (refused, na, or their labels) other than dk.</summary>
    public const byte Missing = 254;
    /// <summary>The answer is "don't know" (the special answer with code dk, or its labels): missing for scoring, like <see cref="Missing"/>.</summary>
    public const byte DontKnow = 253;
    /// <summary>The code of the special answer that is decoded as <see cref="DontKnow"/>.</summary>
    public const string DontKnowCode = "dk";

    /// <summary>Whether a decoded answer has no score (missing or dk).</summary>
    public static bool IsMissing(byte answer) => answer >= DontKnow;
    /// <summary>The answer is none of the scale's codes, labels or special answers.</summary>
    public const byte Invalid = 255;

    private const int MaxLearnedSpellings = 256;

    private readonly Scheme _scheme;
    private readonly ScaleTables[] _scales;
    private readonly int[] _questionScale;

    /// <summary>A decoder; <paramref name="messages"/> gives the language of <see cref="Accepted"/>.</summary>
    public AnswerDecoder(Scheme scheme, Surveys.RejectMessages? messages = null)
    {
        _scheme = scheme;
        messages ??= Surveys.RejectMessages.English;
        var scaleIndex = scheme.Scales.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        _scales = scheme.Scales.Select(s => new ScaleTables(scheme, s, messages)).ToArray();
        _questionScale = scheme.Questions.Select(q => scaleIndex[q.Scale]).ToArray();
    }

    public Scheme Scheme => _scheme;

    /// <summary>Decodes the UTF-8 text of the answer to question <paramref name="question"/> (its index in scheme order).</summary>
    public byte Decode(int question, ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) return Missing;
        var tables = _scales[_questionScale[question]];
        return tables.Exact.TryGet(utf8, out var value) ? (byte)value : DecodeSlow(tables, utf8);
    }

    public byte Decode(int question, string text) => Decode(question, Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Decodes the answer at <paramref name="start"/> of <paramref name="text"/> (a batch's text buffer), as
    /// <see cref="Decode(int, ReadOnlySpan{byte})"/> does. An answer written exactly as one of the scale's
    /// codes, labels or special answers, of up to 16 bytes, is found without a branch that depends on the
    /// answer: 16 bytes are read at once and masked to its length, and compared with the one spelling a
    /// hash of those bytes points to (<see cref="Spellings"/>). Answers of varying length made
    /// the general lookup mispredict about once per answer. Anything else takes the general lookup.
    /// </summary>
    internal byte Decode(int question, byte[] text, int start, int length)
    {
        if (length is > 0 and <= Spellings.MaxLength && start + Spellings.MaxLength <= text.Length)
        {
            var value = _scales[_questionScale[question]].Fast.Find(text, start, length);
            if (value >= 0) return (byte)value;
        }
        return Decode(question, text.AsSpan(start, length));
    }

    /// <summary>What the question accepts, for the message of an invalid answer.</summary>
    public string Accepted(int question) => _scales[_questionScale[question]].AcceptedText;

    private static byte DecodeSlow(ScaleTables tables, ReadOnlySpan<byte> utf8)
    {
        var key = AnswerText.Normalize(Encoding.UTF8.GetString(utf8));
        byte value;
        if (key.Length == 0) value = Missing;
        else if (!tables.Normalized.TryGetValue(key, out value))
        {
            if (tables.Scale.CountMax is not int max || !TryParseCount(key, out var count)) return Invalid;
            value = (byte)Math.Min(count, max);
        }
        if (tables.Exact.Count < tables.InitialCount + MaxLearnedSpellings) tables.Exact.TryAdd(utf8, value);
        return value;
    }

    /// <summary>A whole number of at least 0, written with digits and an optional all-zero decimal part ("2", "2.0", "2,00").</summary>
    internal static bool TryParseCount(string text, out int count)
    {
        count = 0;
        var separator = text.IndexOfAny(['.', ',']);
        var digits = separator < 0 ? text : text[..separator];
        if (separator >= 0 && (separator == text.Length - 1 || text[(separator + 1)..].Any(c => c != '0'))) return false;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) return false;
        // Any count above the scale's max scores as the max; cap before it can overflow.
        count = digits.TrimStart('0').Length > 6 ? 1_000_000 : int.Parse(digits, CultureInfo.InvariantCulture);
        return true;
    }

    private sealed class ScaleTables
    {
        public Scale Scale { get; }
        public Utf8Table Exact { get; } = new();
        public Spellings Fast { get; }
        public Dictionary<string, byte> Normalized { get; } = new(StringComparer.Ordinal);
        public int InitialCount { get; }
        public string AcceptedText { get; }

        public ScaleTables(Scheme scheme, Scale scale, Surveys.RejectMessages messages)
        {
            var specials = scheme.SpecialAnswers;
            Scale = scale;
            for (var i = 0; i < scale.Choices.Count; i++)
            {
                var choice = scale.Choices[i];
                Add(choice.Code, (byte)i);
                foreach (var label in choice.Labels.Values) Add(label, (byte)i);
            }
            foreach (var special in specials)
            {
                var value = string.Equals(special.Code, DontKnowCode, StringComparison.OrdinalIgnoreCase) ? DontKnow : Missing;
                Add(special.Code, value);
                foreach (var label in special.Labels.Values) Add(label, value);
            }
            InitialCount = Exact.Count;
            Fast = new Spellings(Enumerable.Range(0, Exact.Count).Select(i =>
            {
                Exact.TryGet(Exact.KeyAt(i), out var value);
                return (Exact.KeyAt(i).ToArray(), (byte)value);
            }));
            // English lists the codes; another language lists each answer by its label there, with its code.
            var english = messages.Language == "en";
            string Choice(string code, IReadOnlyDictionary<string, string> labels) =>
                !english && labels.TryGetValue(messages.Language, out var label) ? $"{label} ({code})" : code;
            var codes = scale.IsCount
                ? Surveys.RejectMessages.Format(messages.AcceptedCount, scale.CountMax!.Value)
                : Surveys.RejectMessages.Format(messages.AcceptedChoices, string.Join(", ", scale.Choices.Select(c => Choice(c.Code, c.Labels))));
            AcceptedText = codes + "; " + Surveys.RejectMessages.Format(messages.AcceptedMissing, string.Join(", ", specials.Select(s => Choice(s.Code, s.Labels))));
        }

        private void Add(string text, byte value)
        {
            Exact.TryAdd(Encoding.UTF8.GetBytes(text), value);
            Normalized.TryAdd(AnswerText.Normalize(text), value);
        }
    }
}
