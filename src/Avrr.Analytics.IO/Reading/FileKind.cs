namespace Avrr.Analytics.IO.Reading;

/// <summary>What a path names, links followed: only a regular file is read as an input.</summary>
public enum FileKind
{
    Regular,
    Folder,
    /// <summary>A device (<c>/dev/urandom</c>), a named pipe (FIFO) or a socket: endless or blocking, never read.</summary>
    Other,
    /// <summary>A symbolic link that leads back to itself, or through more links than the system follows (ELOOP): nothing to read.</summary>
    LinkLoop,
}
