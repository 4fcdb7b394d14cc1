using System.Buffers.Binary;

namespace Avrr.Analytics.IO.Writing;

/// <summary>
/// Makes a finished .xlsx (a zip file) the same bytes on every run: the DOS date and time of every entry,
/// in its local header and in the central directory, is set to 1980-01-01 00:00, in place, without
/// compressing anything again. System.IO.Compression writes no other clock into the file (no extended
/// timestamp fields), and the workbook is written without document properties (which hold a 'created' time).
/// </summary>
internal static class ZipTimestamps
{
    private const ushort DosTime = 0, DosDate = (0 << 9) | (1 << 5) | 1;

    public static void Pin(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var length = stream.Length;
        // The end of central directory record is in the last 22 + 65,535 bytes (its comment may be that long).
        var tail = (int)Math.Min(length, 22 + 65535);
        var buffer = new byte[tail];
        stream.Position = length - tail;
        stream.ReadExactly(buffer);
        var end = -1;
        for (var i = tail - 22; i >= 0; i--)
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i)) == 0x06054b50) { end = i; break; }
        if (end < 0) throw new InvalidDataException($"{path} is not a zip file (no end of central directory)");
        int entries = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(end + 10));
        long directorySize = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(end + 12));
        long directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(end + 16));
        if (entries == 0xFFFF || directoryOffset == 0xFFFFFFFF) throw new NotSupportedException($"{path} is a zip64 file, whose timestamps are not pinned");
        var directory = new byte[directorySize];
        stream.Position = directoryOffset;
        stream.ReadExactly(directory);
        var stamp = new byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(stamp, DosTime);
        BinaryPrimitives.WriteUInt16LittleEndian(stamp.AsSpan(2), DosDate);
        var p = 0;
        for (var e = 0; e < entries; e++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(p)) != 0x02014b50) throw new InvalidDataException($"{path}: a broken central directory entry");
            stamp.CopyTo(directory, p + 12);
            long local = BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(p + 42));
            stream.Position = local + 10;
            stream.Write(stamp);
            int name = BinaryPrimitives.ReadUInt16LittleEndian(directory.AsSpan(p + 28)), extra = BinaryPrimitives.ReadUInt16LittleEndian(directory.AsSpan(p + 30)),
                comment = BinaryPrimitives.ReadUInt16LittleEndian(directory.AsSpan(p + 32));
            p += 46 + name + extra + comment;
        }
        stream.Position = directoryOffset;
        stream.Write(directory);
    }
}
