namespace Avrr.Analytics.Runs.Output;

/// <summary>
/// What an error while writing the result says about the user's disk, not about the engine: it is full
/// (or the user's quota is), or it is mounted read-only. Told apart by the system's error number, which
/// .NET keeps in the exception's HResult (errno on Linux and macOS, a Win32 code under 0x8007 on Windows).
/// </summary>
internal enum DiskError
{
    None,
    Full,
    ReadOnly,
}
