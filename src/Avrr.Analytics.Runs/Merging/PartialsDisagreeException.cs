namespace Avrr.Analytics.Runs.Merging;

/// <summary>
/// Partials that do not belong together: another scheme, other levels, measures, design columns or panel mode
/// (docs/partials.md, "What must agree"). The message names what differs and in which partials. Exit code 2, like a
/// usage error; nothing is written.
/// </summary>
public sealed class PartialsDisagreeException(string message) : Exception(message);
