using System.Security.Cryptography;
using System.Text;
using Avrr.Analytics.Runs.Planning;

namespace Avrr.Analytics.Runs.Partials;

/// <summary>
/// The key of a returnee in a partial with returnee summaries (docs/partials.md, "Returnees in two partials"):
/// SHA-256 of the salt's UTF-8 bytes followed by the returnee_id's, in lower-case hex. The salt is a secret of
/// the organisation, given by <see cref="SettingNames.PartialSaltVariable"/> and never stored: without it, the
/// hash of a known id cannot be computed, so a partial does not say whether a given person is in it. The same
/// construction in SQL (DuckDB's <c>sha256(salt || returnee_id)</c>, Spark's <c>sha2(concat(salt, returnee_id), 256)</c>)
/// gives the same keys, so partials of the run and of the SQL recipe pair.
/// </summary>
internal sealed class ReturneeHash
{
    public const int MinSaltLength = 16;

    private readonly byte[] _salt;
    private byte[] _buffer = new byte[256];

    public ReturneeHash(string salt)
    {
        _salt = Encoding.UTF8.GetBytes(salt);
    }

    /// <summary>The problem with a salt, or null when it can be used.</summary>
    public static string? Problem(string? salt) =>
        string.IsNullOrEmpty(salt) ? $"a partial with returnee summaries needs a secret salt in the environment variable {SettingNames.PartialSaltVariable} (the same for every partial to be merged; it is never stored)"
        : salt.Length < MinSaltLength ? $"the salt in {SettingNames.PartialSaltVariable} has {salt.Length} characters; use at least {MinSaltLength}, so that it cannot be guessed"
        : salt.AsSpan().IndexOfAny(SqlBreakers) is var at and >= 0 ? $"the salt in {SettingNames.PartialSaltVariable} holds {(char.IsControl(salt[at]) ? "a control character" : $"'{salt[at]}'")}, " +
            "which spark-sql's --hivevar would carry into the recipe's SQL as it is, where it ends or escapes the text of the salt; use letters, digits and + / = - _ (openssl rand -base64 32 makes such a salt)"
        : null;

    /// <summary>What a salt may not hold: Spark substitutes it as text into <c>'${avrr_salt}'</c> (docs/partials.md).</summary>
    private static readonly System.Buffers.SearchValues<char> SqlBreakers = System.Buffers.SearchValues.Create(
        "'\\$" + new string(Enumerable.Range(0, 32).Select(c => (char)c).Append('\u007F').ToArray()));

    /// <summary>A one-way fingerprint of the salt, so that the merge can refuse partials hashed with different salts without knowing either.</summary>
    public static string Fingerprint(string salt) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("avrr partial salt\n" + salt)))[..16];

    /// <summary>The 32 bytes of a returnee's key.</summary>
    public void Of(ReadOnlySpan<byte> returneeId, Span<byte> hash)
    {
        var length = _salt.Length + returneeId.Length;
        if (_buffer.Length < length) _buffer = new byte[length * 2];
        _salt.CopyTo(_buffer, 0);
        returneeId.CopyTo(_buffer.AsSpan(_salt.Length));
        SHA256.HashData(_buffer.AsSpan(0, length), hash);
    }
}
