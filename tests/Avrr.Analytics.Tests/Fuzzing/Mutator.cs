using System.Text;

namespace Avrr.Analytics.Tests.Fuzzing;

/// <summary>
/// Seeded mutations of a file's bytes, of the kinds that break readers: bytes flipped, inserted or
/// deleted; the bytes a format gives meaning to (quotes, separators, line breaks, NUL, a byte order
/// mark, invalid UTF-8, XML and JSON punctuation) put at random places; ranges repeated, cut or spliced
/// from another sample; a file cut short; one huge field. The same seed gives the same mutations, so a
/// failure is reproduced by its seed and iteration.
/// </summary>
internal sealed class Mutator(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly byte[][] Meaningful =
    [
        "\""u8.ToArray(), ","u8.ToArray(), ";"u8.ToArray(), "\t"u8.ToArray(), "\r"u8.ToArray(), "\n"u8.ToArray(), "\r\n"u8.ToArray(),
        [0], [0xFF], [0xFE], [0xC3], [0xEF, 0xBB, 0xBF], [0x80], "\"\""u8.ToArray(), ",,,,"u8.ToArray(),
        "<"u8.ToArray(), ">"u8.ToArray(), "</"u8.ToArray(), "&amp;"u8.ToArray(), "&#0;"u8.ToArray(), "<![CDATA["u8.ToArray(),
        "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), ":"u8.ToArray(), "null"u8.ToArray(),
        "1e400"u8.ToArray(), "-1"u8.ToArray(), "2147483648"u8.ToArray(), "NaN"u8.ToArray(), "9999-12-31"u8.ToArray(), "\\u0000"u8.ToArray(),
    ];

    public int Next(int max) => _random.Next(max);

    /// <summary>One to four mutations of <paramref name="data"/>; <paramref name="other"/> is spliced from.</summary>
    public byte[] Mutate(byte[] data, byte[] other)
    {
        var bytes = new List<byte>(data);
        var count = 1 + _random.Next(4);
        for (var i = 0; i < count; i++) MutateOnce(bytes, other);
        return bytes.ToArray();
    }

    private void MutateOnce(List<byte> bytes, byte[] other)
    {
        var at = bytes.Count == 0 ? 0 : _random.Next(bytes.Count);
        switch (_random.Next(11))
        {
            case 0 when bytes.Count > 0:
                bytes[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1:
                bytes.Insert(at, (byte)_random.Next(256));
                break;
            case 2 or 3:
                bytes.InsertRange(at, Meaningful[_random.Next(Meaningful.Length)]);
                break;
            case 4 when bytes.Count > 0:
                bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + _random.Next(64)));
                break;
            case 5 when bytes.Count > 0:
            {
                var length = Math.Min(bytes.Count - at, 1 + _random.Next(256));
                bytes.InsertRange(_random.Next(bytes.Count), bytes.GetRange(at, length));
                break;
            }
            case 6 when other.Length > 0:
            {
                var from = _random.Next(other.Length);
                bytes.InsertRange(at, other.AsSpan(from, Math.Min(other.Length - from, 1 + _random.Next(512))).ToArray());
                break;
            }
            case 7 when bytes.Count > 0:
                bytes.RemoveRange(at, bytes.Count - at);       // cut short
                break;
            case 8:
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(new string((char)('a' + _random.Next(26)), 1 + _random.Next(70_000))));
                break;
            case 9 when bytes.Count > 0:
                bytes[at] = Meaningful[_random.Next(Meaningful.Length)][0];
                break;
            default:
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(((char)_random.Next(0x20, 0x2FFF)).ToString()));
                break;
        }
    }
}
