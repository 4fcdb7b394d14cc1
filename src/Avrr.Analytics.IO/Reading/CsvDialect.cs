using Avrr.Analytics.Wording;
using System.Security.Cryptography;
using System.Text;

namespace Avrr.Analytics.IO.Reading;

/// <summary>
/// How a CSV file is written: its encoding and its separator. UTF-8 with or without a byte order mark
/// is the norm; a file that is not valid UTF-8 is Excel's Windows-1252 save of a French export and is
/// read as such, never mis-read silently; UTF-16 with a byte order mark (Excel's "Unicode text") is read
/// too. <see cref="Sniff"/> decides from the start of the file; <see cref="Probe"/> reads all of it
/// (which also gives its SHA-256) and has the last word: a run probes its inputs while it looks for
/// duplicate surveys, and reads again a file whose bad byte came late.
/// </summary>
public sealed record CsvDialect(Encoding Encoding, string EncodingName, char Separator, string Sha256)
{
    private const int HeadSize = 64 * 1024;

    /// <summary>The dialect from the first 64 KiB only (no SHA-256 yet): what a file looks like before it is read in full.</summary>
    public static CsvDialect Sniff(string path)
    {
        byte[] head;
        using (var stream = OpenRead(path))
        {
            head = new byte[HeadSize];
            head = head[..stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        }
        if (head.Length == 0) throw new InputRefusedException(path, Said.Of(t => t.Refusals.Empty));
        var utf16 = head.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        // A head that is not valid UTF-8 decides nothing here: the full probe says Windows-1252 or refuses.
        if (!utf16 && !System.Text.Unicode.Utf8.IsValid(head.AsSpan(0, head.Length - IncompleteTail(head)))) return Probe(path);
        return Decide(path, head, validUtf8: true, nonAsciiBeforeInvalid: false, firstInvalid: -1, sha256: "", nuls: -1, total: -1);
    }
    private const int ChunkSize = 1 << 20;

    static CsvDialect() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    public string Describe() => Describe(Catalogue.English);

    /// <summary>The dialect for people, in a language: <c>CSV, ';' separated, UTF-8</c>, <c>CSV, séparateur ';', UTF-8</c>.</summary>
    public string Describe(Catalogue words) =>
        words.Format(words.Refusals.Csv, SeparatorName(Separator, words), words.Refusals.EncodingName(EncodingName));

    public static string SeparatorName(char separator) => SeparatorName(separator, Catalogue.English);

    public static string SeparatorName(char separator, Catalogue words) => separator switch
    {
        '\t' => words.Refusals.Tab,
        _ => $"'{separator}'",
    };

    public static CsvDialect Probe(string path, CancellationToken cancel = default)
    {
        using var stream = OpenRead(path);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkSize + 4];
        var carried = 0;             // bytes of an incomplete UTF-8 sequence carried to the next chunk
        var validUtf8 = true;
        var nonAsciiBeforeInvalid = false;   // valid UTF-8 letters (é) met before the first invalid byte
        long firstInvalid = -1;
        long total = 0, nuls = 0;
        byte[]? head = null;
        int read;
        while ((read = stream.Read(buffer, carried, ChunkSize)) > 0)
        {
            cancel.ThrowIfCancellationRequested();
            sha.AppendData(buffer, carried, read);
            nuls += buffer.AsSpan(carried, read).Count((byte)0);
            if (total == 0) head = buffer.AsSpan(0, Math.Min(read, HeadSize)).ToArray();
            total += read;
            if (!validUtf8) continue;
            var available = carried + read;
            var complete = available - IncompleteTail(buffer.AsSpan(0, available));
            var chunk = buffer.AsSpan(0, complete);
            validUtf8 = System.Text.Unicode.Utf8.IsValid(chunk);
            var start = total - read - carried;
            if (validUtf8) nonAsciiBeforeInvalid |= !System.Text.Ascii.IsValid(chunk);
            else
            {
                var at = FirstInvalid(chunk);
                nonAsciiBeforeInvalid |= !System.Text.Ascii.IsValid(chunk[..at]);
                firstInvalid = start + at;
            }
            carried = available - complete;
            buffer.AsSpan(complete, carried).CopyTo(buffer);
        }
        if (carried > 0 && validUtf8) { validUtf8 = false; firstInvalid = total - carried; }   // the file ends inside a character
        if (total == 0 || head is null) throw new InputRefusedException(path, Said.Of(t => t.Refusals.Empty));
        return Decide(path, head, validUtf8, nonAsciiBeforeInvalid, firstInvalid, Convert.ToHexStringLower(sha.GetHashAndReset()), nuls, total);
    }

    /// <summary>
    /// A file with more NUL bytes than one in this many is not text: random or compressed bytes have one
    /// in 256, while a text export damaged here and there has a few in millions (docs/inputs.md, "Formats").
    /// </summary>
    public const int BytesPerNulOfText = 1000;

    /// <param name="nuls">The NUL bytes of the whole file, or -1 when only its start has been read.</param>
    private static CsvDialect Decide(string path, byte[] head, bool validUtf8, bool nonAsciiBeforeInvalid, long firstInvalid, string sha256, long nuls, long total)
    {
        Encoding encoding;
        string name;
        if (head.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            encoding = head[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            name = RefusalText.English.Utf16Bom;
        }
        else
        {
            // A NUL in a field of a text file rejects that row (docs/inputs.md, "Rejected rows"). Only a file that
            // is not text is refused: NUL bytes in its first line, where a header is plain text (UTF-16 without
            // a byte order mark puts one after every letter), or many of them anywhere.
            var firstLine = head.AsSpan(0, head.AsSpan().IndexOf((byte)'\n') is var end and >= 0 ? end : head.Length);
            if (firstLine.IndexOf((byte)0) >= 0)
                throw new InputRefusedException(path,
                    Said.Of(t => t.Refusals.NulFirstLine));
            if (nuls > 0 && nuls * BytesPerNulOfText > total)
                throw new InputRefusedException(path, Said.Of(t => t.Refusals.NulBytes, nuls, total));
            if (validUtf8)
            {
                encoding = new UTF8Encoding(false);
                name = head.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? RefusalText.English.Utf8Bom : RefusalText.English.Utf8;
            }
            else
            {
                // A file that is UTF-8 up to a bad byte is damaged or mixes two encodings: reading it as
                // Windows-1252 would garble its accented letters, so it is refused rather than mis-read.
                if (head.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || nonAsciiBeforeInvalid)
                    throw new InputRefusedException(path,
                        Said.Of(t => t.Refusals.BrokenUtf8, firstInvalid + 1));
                encoding = Windows1252;
                name = RefusalText.English.Windows1252;
            }
        }
        var text = encoding.GetString(head).TrimStart('\uFEFF');
        if (text.Trim().Length == 0) throw new InputRefusedException(path, Said.Of(t => t.Refusals.BlankHeader));
        return new CsvDialect(encoding, name, DetectSeparator(text), sha256);
    }

    /// <summary>The separator is the most frequent of , ; and tab in the header line (outside quotes); a comma when none appears.</summary>
    internal static char DetectSeparator(string text)
    {
        int comma = 0, semicolon = 0, tab = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\n' or '\r') break;
            else if (!quoted && c == ',') comma++;
            else if (!quoted && c == ';') semicolon++;
            else if (!quoted && c == '\t') tab++;
        }
        if (semicolon > comma && semicolon >= tab) return ';';
        if (tab > comma && tab > semicolon) return '\t';
        return ',';
    }

    /// <summary>The offset of the first byte of <paramref name="data"/> that is not valid UTF-8.</summary>
    private static int FirstInvalid(ReadOnlySpan<byte> data)
    {
        var at = 0;
        while (at < data.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(data[at..], out _, out var used) != System.Buffers.OperationStatus.Done) return at;
            at += used;
        }
        return at;
    }

    /// <summary>The number of bytes at the end of <paramref name="data"/> that start a UTF-8 character not finished there.</summary>
    private static int IncompleteTail(ReadOnlySpan<byte> data)
    {
        for (var back = 1; back <= Math.Min(3, data.Length); back++)
        {
            var b = data[^back];
            if ((b & 0xC0) == 0x80) continue;        // a continuation byte: look further back
            var length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return length > back ? back : 0;
        }
        return 0;
    }

    internal static FileStream OpenRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputRefusedException(path, $"the file cannot be read: {e.Message}");
        }
    }
}
