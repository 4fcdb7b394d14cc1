using System.Security.Cryptography;
using System.Text;
using Avrr.Analytics.Runs.Planning;

namespace Avrr.Analytics.Runs.Partials;

/// <summary>
/// The signature of a partial (docs/partials.md, "Signatures"): HMAC-SHA256 (RFC 2104) of the descriptor's "partial"
/// object, as written, with the organisation's key, which the environment variable
/// <see cref="SettingNames.PartialKeyVariable"/> gives and nothing stores. That object lists every table's SHA-256
/// and size, so the signature covers every byte of the partial. The SHA-256 kept beside the data (partial_sha256)
/// proves nothing against someone who edits a partial and hashes it again; without the key nobody can sign it again.
/// partial.json keeps the signature and a one-way fingerprint of the key beside the object, so that the merge can say
/// "signed with another key" apart from "changed after it was signed".
/// </summary>
public static class PartialSignature
{
    public const string Algorithm = "HMAC-SHA256";
    public const int MinKeyLength = 32;

    /// <summary>The problem with a key, or null when it can be used.</summary>
    public static string? Problem(string? key) =>
        string.IsNullOrEmpty(key) ? $"signatures need the organisation's key in the environment variable {SettingNames.PartialKeyVariable}, which signs partials and checks them (it is never stored)"
        : key.Length < MinKeyLength ? $"the key in {SettingNames.PartialKeyVariable} has {key.Length} characters; use at least {MinKeyLength} random ones (openssl rand -base64 32 makes one)"
        : null;

    /// <summary>The signature of a descriptor's "partial" object, in lower-case hex.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), body));

    /// <summary>Whether a signature is the one of <paramref name="body"/> with <paramref name="key"/> (compared in constant time).</summary>
    public static bool Verify(ReadOnlySpan<byte> body, string key, string signature)
    {
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), body);
        var given = new byte[32];
        return signature.Length == 64 && Convert.FromHexString(signature, given, out _, out var written) == System.Buffers.OperationStatus.Done && written == 32
            && CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>A one-way fingerprint of the key (16 hex digits), so that a partial signed with another key is named as such.</summary>
    public static string Fingerprint(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("avrr partial key\n" + key)))[..16];
}
