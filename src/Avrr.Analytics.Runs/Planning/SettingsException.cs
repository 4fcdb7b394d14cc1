using Avrr.Analytics.Wording;

namespace Avrr.Analytics.Runs.Planning;

/// <summary>
/// A setting that cannot be used (an unknown level column, a bad min-cell, …): a usage error, exit code 2.
/// It names the <see cref="Setting"/> and the value given, and says what is wrong in <see cref="Problem"/>,
/// without naming a flag: the command line words it as one, an evaluation file as its key. Its
/// <see cref="Exception.Message"/> uses the key (<c>minCell 0: must be at least 1</c>).
/// </summary>
public sealed class SettingsException(RunSetting setting, string? value, Said problem)
    : Exception(value is null ? $"{SettingNames.Key(setting)}: {problem.English}" : $"{SettingNames.Key(setting)} {value}: {problem.English}")
{
    /// <summary>A problem in English only (a text of the system, or one not yet in the catalogue).</summary>
    public SettingsException(RunSetting setting, string? value, string problem) : this(setting, value, Said.Verbatim(problem)) { }

    public RunSetting Setting { get; } = setting;
    /// <summary>The value as given, or null when the problem is not one value (no input at all, say).</summary>
    public string? Value { get; } = value;
    public string Problem => Said.English;
    /// <summary>The problem in both languages.</summary>
    public Said Said { get; } = problem;
}
