using System.Buffers;

namespace Avrr.Analytics.IO.Writing;

/// <summary>
/// Builds CSV lines as UTF-8 in a growing buffer, with the same rules as <see cref="CsvOutput"/>'s
/// CsvHelper writer (RFC 4180 quoting, formula-looking text escaped with a leading apostrophe), for the
/// one file big enough for the difference to matter: returnee_scores.csv. Numbers are written as they
/// come; text goes through <see cref="Text"/>.
/// </summary>
internal sealed class CsvLineWriter
{
    private static readonly SearchValues<byte> NeedsQuotes = SearchValues.Create(",\"\r\n"u8);

    private byte[] _buffer = new byte[1 << 16];
    private int _length;
    private bool _fieldWritten;

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Clear() => _length = 0;

    /// <summary>A field that needs no quoting or escaping: a number, a date, a fixed word.</summary>
    public void Raw(ReadOnlySpan<byte> value)
    {
        var span = Room(value.Length + 1);
        var p = Separator(span);
        value.CopyTo(span[p..]);
        _length += p + value.Length;
    }

    /// <summary>A text field: quoted when it holds a separator, quote or line break; escaped when it starts like a formula.</summary>
    public void Text(ReadOnlySpan<byte> value)
    {
        var formula = !value.IsEmpty && value[0] is (byte)'=' or (byte)'+' or (byte)'-' or (byte)'@' or (byte)'\t' or (byte)'\r';
        if (!formula && value.IndexOfAny(NeedsQuotes) < 0)
        {
            Raw(value);
            return;
        }
        // Worst case: every byte a quote, doubled, plus the apostrophe and two quotes.
        var span = Room(value.Length * 2 + 4);
        var p = Separator(span);
        span[p++] = (byte)'"';
        if (formula) span[p++] = (byte)'\'';
        foreach (var b in value)
        {
            span[p++] = b;
            if (b == (byte)'"') span[p++] = b;
        }
        span[p++] = (byte)'"';
        _length += p;
    }

    public void EndLine()
    {
        var span = Room(2);
        span[0] = (byte)'\r';
        span[1] = (byte)'\n';
        _length += 2;
        _fieldWritten = false;
    }

    private int Separator(Span<byte> span)
    {
        if (!_fieldWritten) { _fieldWritten = true; return 0; }
        span[0] = (byte)',';
        return 1;
    }

    private Span<byte> Room(int bytes)
    {
        if (_length + bytes > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes));
        return _buffer.AsSpan(_length);
    }
}
