namespace Avrr.Analytics.Runs.Output;

/// <summary>Reads a <see cref="DiskError"/> from an exception of a write.</summary>
internal static class DiskErrors
{
    public static DiskError Of(Exception e)
    {
        if (e is AggregateException { InnerExceptions.Count: 1 } aggregate) return Of(aggregate.InnerException!);
        if (e is not IOException) return DiskError.None;
        var code = e.HResult;
        if (OperatingSystem.IsWindows())
        {
            if ((code & 0xFFFF0000) != 0x80070000) return DiskError.None;
            return (code & 0xFFFF) switch
            {
                112 or 39 => DiskError.Full,        // ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL
                19 => DiskError.ReadOnly,           // ERROR_WRITE_PROTECT
                _ => DiskError.None,
            };
        }
        var quota = OperatingSystem.IsLinux() ? 122 : 69;   // EDQUOT
        return code switch
        {
            28 or 27 => DiskError.Full,             // ENOSPC, EFBIG (a file larger than the file system allows)
            _ when code == quota => DiskError.Full,
            30 => DiskError.ReadOnly,               // EROFS
            _ => DiskError.None,
        };
    }
}
