using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Avrr.Analytics.IO.Reading;

/// <summary>
/// What the file system says about a file at one moment, links followed: whether it is a regular file,
/// which file it is (device and inode: two paths, through a symbolic or a hard link, name the same file
/// exactly when these are equal), its size, and when its content (modification time) or its record
/// (change time, which no program can set back) last changed. A run takes one of each input when it
/// opens it, and compares it with new ones after each pass (docs/inputs.md, "Formats").
/// <para>
/// On Linux it comes from <c>statx</c>, whose layout is the same on every architecture. Elsewhere only
/// the size and the modification time are known, and a file's identity is its resolved path.
/// </para>
/// </summary>
public readonly record struct FileStamp(FileKind Kind, ulong Device, ulong Inode, long Size, long ModifiedTicks, long ChangedTicks)
{
    /// <summary>Whether the device and inode are known, so that <see cref="SameFile"/> can compare them.</summary>
    public bool HasIdentity => Device != 0 || Inode != 0;

    public bool SameFile(FileStamp other) => HasIdentity && other.HasIdentity && Device == other.Device && Inode == other.Inode;

    /// <summary>
    /// The stamp of the file at <paramref name="path"/> (links followed), or null when nothing is there.
    /// </summary>
    public static FileStamp? Of(string path)
    {
        if (OperatingSystem.IsLinux()) return OfLinux(path);
        if (Directory.Exists(path)) return new FileStamp(FileKind.Folder, 0, 0, 0, 0, 0);
        var info = new FileInfo(path);
        if (!info.Exists && info.LinkTarget is null) return null;
        FileInfo target;
        try { target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info; }
        catch (IOException) { return new FileStamp(FileKind.LinkLoop, 0, 0, 0, 0, 0); }
        if (!target.Exists) return null;
        return new FileStamp(FileKind.Regular, 0, 0, target.Length, target.LastWriteTimeUtc.Ticks, target.LastWriteTimeUtc.Ticks);
    }

    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7FF;
    private const int TypeMask = 0xF000, RegularType = 0x8000, FolderType = 0x4000;

    private static FileStamp? OfLinux(string path)
    {
        // struct statx (linux/stat.h): 256 bytes, the same on every architecture.
        Span<byte> buffer = stackalloc byte[256];
        if (statx(AtFdCwd, path, 0, StatxBasicStats, ref MemoryMarshal.GetReference(buffer)) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            // ENOENT, ENOTDIR: nothing there. ELOOP: links that lead back to themselves. Anything else (a permission
            // denied on the way) is for the open to report.
            if (errno is 2 or 20) return null;
            if (errno == 40) return new FileStamp(FileKind.LinkLoop, 0, 0, 0, 0, 0);
            return new FileStamp(FileKind.Regular, 0, 0, 0, 0, 0);
        }
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer[28..]) & TypeMask;
        var kind = mode switch { RegularType => FileKind.Regular, FolderType => FileKind.Folder, _ => FileKind.Other };
        var inode = BinaryPrimitives.ReadUInt64LittleEndian(buffer[32..]);
        var size = BinaryPrimitives.ReadInt64LittleEndian(buffer[40..]);
        var changed = Ticks(buffer[96..]);
        var modified = Ticks(buffer[112..]);
        var device = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(buffer[136..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(buffer[140..]);
        return new FileStamp(kind, device, inode, size, modified, changed);
    }

    /// <summary>A statx timestamp (i64 seconds, u32 nanoseconds) as 100-nanosecond ticks since 1970.</summary>
    private static long Ticks(ReadOnlySpan<byte> timestamp) =>
        BinaryPrimitives.ReadInt64LittleEndian(timestamp) * TimeSpan.TicksPerSecond + BinaryPrimitives.ReadUInt32LittleEndian(timestamp[8..]) / 100;

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, ref byte buffer);
}
