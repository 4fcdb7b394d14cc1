using System.Runtime.InteropServices;

namespace Avrr.Analytics.Runs.Output;

/// <summary>
/// Paths as the file system resolves them: symbolic links followed, "." and ".." gone, no trailing
/// separator. Two paths name the same file or folder exactly when their real paths are equal, which is
/// what the output folder's safety rules and the duplicate-input check compare.
/// </summary>
public static class RealPaths
{
    /// <summary>
    /// The real path of <paramref name="path"/>, which need not exist: the deepest existing folder above
    /// it is resolved, and the rest appended as written.
    /// </summary>
    public static string Of(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var missing = new Stack<string>();
        var existing = full;
        while (!Path.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            missing.Push(Path.GetFileName(existing));
            existing = parent;
        }
        var real = Resolve(existing);
        while (missing.Count > 0) real = Path.Combine(real, missing.Pop());
        return real;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies somewhere inside it (both real paths).</summary>
    public static bool IsSameOrInside(string path, string folder) =>
        string.Equals(path, folder, StringComparison.Ordinal)
        || path.StartsWith(Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Resolve(string existing)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            var resolved = realpath(existing, IntPtr.Zero);
            if (resolved != IntPtr.Zero)
            {
                try { return Marshal.PtrToStringUTF8(resolved)!; }
                finally { free(resolved); }
            }
        }
        // Elsewhere (or when realpath fails): the final target of a link at the path itself.
        var info = new DirectoryInfo(existing);
        return info.LinkTarget is null ? existing : Path.TrimEndingDirectorySeparator(info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? existing);
    }

    /// <summary>
    /// Whether a folder is a mount point (a container volume, say): a folder that can only be emptied,
    /// never renamed. Read from /proc/self/mountinfo on Linux; false where that is not available.
    /// </summary>
    public static bool IsMountPoint(string realPath)
    {
        const string table = "/proc/self/mountinfo";
        if (!OperatingSystem.IsLinux() || !File.Exists(table)) return false;
        foreach (var line in File.ReadLines(table))
        {
            // Field 5 is the mount point, with spaces and other bytes written as octal escapes (\040).
            var fields = line.Split(' ');
            if (fields.Length > 4 && string.Equals(Unescape(fields[4]), realPath, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static string Unescape(string field)
    {
        if (!field.Contains('\\')) return field;
        var bytes = new List<byte>();
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && field.AsSpan(i + 1, 3).IndexOfAnyExceptInRange('0', '7') < 0)
            {
                bytes.Add(Convert.ToByte(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(field[i].ToString()));
        }
        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc")]
    private static extern void free(IntPtr pointer);
}
