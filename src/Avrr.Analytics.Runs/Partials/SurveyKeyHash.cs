using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Avrr.Analytics.Runs.Partials;

/// <summary>
/// The key of a scored survey in a partial with returnee summaries (docs/partials.md, "Repeated surveys"): the first
/// 16 bytes of SHA-256 of the salt, a unit separator (0x1F), the returnee_id, a unit separator, then <c>R</c> and the
/// round, or <c>D</c> and the date (yyyy-MM-dd) when the round is empty: the survey as the duplicate rule of a run
/// names it (docs/inputs.md, "Duplicate rule"), salted as the returnee's key is (<see cref="ReturneeHash"/>). The SQL
/// recipe computes the same text's hash, so a repeated submission in a partial of the engine and one of the recipe
/// meet too.
/// </summary>
internal sealed class SurveyKeyHash
{
    public const int Bytes = 16;

    private readonly byte[] _salt;
    private byte[] _buffer = new byte[256];
    private readonly byte[] _day = new byte[10];

    public SurveyKeyHash(string salt) => _salt = Encoding.UTF8.GetBytes(salt);

    public void Of(ReadOnlySpan<byte> returneeId, ReadOnlySpan<byte> round, DateOnly date, Span<byte> key)
    {
        var dated = round.IsEmpty;
        if (dated)
        {
            date.TryFormat(_day, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            round = _day;
        }
        var length = _salt.Length + returneeId.Length + round.Length + 3;
        if (_buffer.Length < length) _buffer = new byte[length * 2];
        var at = 0;
        _salt.CopyTo(_buffer, at);
        at += _salt.Length;
        _buffer[at++] = 0x1F;
        returneeId.CopyTo(_buffer.AsSpan(at));
        at += returneeId.Length;
        _buffer[at++] = 0x1F;
        _buffer[at++] = dated ? (byte)'D' : (byte)'R';
        round.CopyTo(_buffer.AsSpan(at));
        at += round.Length;
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(_buffer.AsSpan(0, at), hash);
        hash[..Bytes].CopyTo(key);
    }
}
