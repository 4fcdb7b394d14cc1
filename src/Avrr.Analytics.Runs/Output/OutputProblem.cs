using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Avrr.Analytics.Runs.Output;

public enum OutputProblem
{
    /// <summary>The destination must never be replaced (it holds other files, an input, the current folder, …): a usage error.</summary>
    Refused,
    /// <summary>Another run holds the folder's lock.</summary>
    Busy,
    /// <summary>The folder or its parent cannot be written (read-only, no permission, disk full).</summary>
    Unwritable,
}
