using System.Text;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Scoring;

namespace Avrr.Analytics.Tests.Scoring;

/// <summary>
/// The decoder's branch-free path for answers written exactly as a code, label or special answer
/// (<see cref="Spellings"/>) gives what the general lookup gives, for every spelling of rss-15 and
/// for near misses: other case, spaces, one byte more or less, accents, long labels, random bytes, and
/// answers at the very end of the buffer (where 16 bytes cannot be read). The bytes after an answer in
/// the buffer are garbage, as the next fields of a row are: the comparison must mask them out.
/// </summary>
public sealed class AnswerSpellingsTests
{
    private static IEnumerable<string> Spellings(Scheme scheme, Scale scale)
    {
        foreach (var choice in scale.Choices)
        {
            yield return choice.Code;
            foreach (var label in choice.Labels.Values) yield return label;
        }
        foreach (var special in scheme.SpecialAnswers)
        {
            yield return special.Code;
            foreach (var label in special.Labels.Values) yield return label;
        }
    }

    private static IEnumerable<string> NearMisses(string spelling)
    {
        yield return spelling;
        yield return spelling.ToUpperInvariant();
        yield return " " + spelling;
        yield return spelling + " ";
        yield return spelling + "x";
        yield return spelling[..^1];
        if (spelling.Length > 1) yield return spelling[1..];
        yield return spelling.Replace('e', 'é');
    }

    [Fact]
    public void Every_spelling_and_near_miss_decodes_as_the_general_lookup_does()
    {
        var scheme = Scheme.Rss15;
        var random = new Random(5);
        var fast = new AnswerDecoder(scheme);
        var general = new AnswerDecoder(scheme);
        var checkedAnswers = 0;
        for (var q = 0; q < scheme.Questions.Count; q++)
        {
            var answers = Spellings(scheme, scheme.Questions[q].Scale).SelectMany(NearMisses)
                .Concat(Enumerable.Range(0, 200).Select(_ => new string(Enumerable.Range(0, random.Next(0, 20)).Select(_ => (char)random.Next(32, 127)).ToArray())))
                .Append("").Append("0").Append("12");
            foreach (var answer in answers)
            {
                var bytes = Encoding.UTF8.GetBytes(answer);
                var expected = general.Decode(q, bytes.AsSpan());
                // In the middle of a buffer, with garbage after it, and at its very end.
                var buffer = new byte[8 + bytes.Length + 32];
                random.NextBytes(buffer);
                bytes.CopyTo(buffer, 8);
                Assert.Equal(expected, fast.Decode(q, buffer, 8, bytes.Length));
                var atEnd = new byte[3 + bytes.Length];
                bytes.CopyTo(atEnd, 3);
                Assert.Equal(expected, fast.Decode(q, atEnd, 3, bytes.Length));
                checkedAnswers++;
            }
        }
        Assert.True(checkedAnswers > 5_000);
    }

    [Fact]
    public void Every_code_of_rss15_has_a_slot_of_its_own()
    {
        // Codes are what exports hold most: each that fits in 16 bytes must take the branch-free path,
        // not share a slot. (Longer ones, such as debt_below_spending, take the general lookup.)
        var scheme = Scheme.Rss15;
        var codes = 0;
        foreach (var scale in scheme.Scales.Where(s => !s.IsCount))
        {
            var spellings = new Spellings(Spellings(scheme, scale).Distinct().Select((s, i) => (Encoding.UTF8.GetBytes(s), (byte)(i % 200))));
            for (var c = 0; c < scale.Choices.Count; c++)
            {
                var code = Encoding.UTF8.GetBytes(scale.Choices[c].Code);
                if (code.Length > Avrr.Analytics.Scoring.Spellings.MaxLength) continue;
                codes++;
                var buffer = new byte[code.Length + 16];
                code.CopyTo(buffer, 0);
                Assert.True(spellings.Find(buffer, 0, code.Length) >= 0, $"{scale.Id}: {scale.Choices[c].Code}");
            }
        }
        Assert.True(codes >= 25);
    }
}
