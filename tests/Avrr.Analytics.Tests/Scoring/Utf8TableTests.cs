using System.Text;
using Avrr.Analytics.Collections;
using Avrr.Analytics.Scoring;

namespace Avrr.Analytics.Tests.Scoring;

/// <summary>
/// The table finds exactly the keys added, whatever their length: keys that share their first and last
/// bytes and differ only in the middle (the packed words of a key longer than 16 bytes are equal), keys
/// that are prefixes of others, the empty key, and enough keys to grow the table many times. Checked
/// against a dictionary of strings.
/// </summary>
public sealed class Utf8TableTests
{
    private static IEnumerable<string> Keys()
    {
        yield return "";
        for (var length = 1; length <= 40; length++)
        {
            yield return new string('a', length);
            // Same first and last 8 bytes as the run of 'a's, one different byte in the middle.
            for (var at = 0; at < length; at++) yield return new string('a', at) + "b" + new string('a', length - at - 1);
        }
        foreach (var label in new[] { "très satisfait", "Très satisfait", "debt_below_spending", "debt_above_spending", "Saint-Louis", "Saint-Louis ", "é", "e" })
            yield return label;
        for (var i = 0; i < 5_000; i++) yield return $"R{i:D6}";
    }

    [Fact]
    public void Finds_every_key_added_and_no_other()
    {
        var table = new Utf8Table();
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = Keys().ToList();
        // Every other key is added; the rest must not be found.
        for (var i = 0; i < keys.Count; i += 2)
        {
            Assert.True(table.TryAdd(Encoding.UTF8.GetBytes(keys[i]), i));
            expected[keys[i]] = i;
        }
        Assert.Equal(expected.Count, table.Count);
        foreach (var key in keys)
        {
            var found = table.TryGet(Encoding.UTF8.GetBytes(key), out var value);
            Assert.Equal(expected.ContainsKey(key), found);
            if (found) Assert.Equal(expected[key], value);
        }
        for (var i = 0; i < keys.Count; i += 2) Assert.Equal(keys[i], Encoding.UTF8.GetString(table.KeyAt(i / 2)));
    }

    [Fact]
    public void Adding_a_key_twice_keeps_the_first_value()
    {
        var table = new Utf8Table();
        Assert.True(table.TryAdd("oui"u8, 1));
        Assert.False(table.TryAdd("oui"u8, 2));
        Assert.True(table.TryGet("oui"u8, out var value));
        Assert.Equal(1, value);
        Assert.Equal(1, table.Count);
    }
}
