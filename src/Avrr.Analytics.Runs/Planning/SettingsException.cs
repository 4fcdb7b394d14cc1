namespace Avrr.Analytics.Runs.Planning;

/// <summary>
/// A setting that cannot be used (an unknown level column, a bad min-cell, …): a usage error, exit code 2.
/// It names the <see cref="Setting"/> and the value given, and says what is wrong in <see cref="Problem"/>,
/// without naming a flag: the command line words it as one, an evaluation file as its key. Its
/// <see cref="Exception.Message"/> uses the key (<c>minCell 0: must be at least 1</c>).
/// </summary>
public sealed class SettingsException(RunSetting setting, string? value, string problem)
    : Exception(value is null ? $"{SettingNames.Key(setting)}: {problem}" : $"{SettingNames.Key(setting)} {value}: {problem}")
{
    public RunSetting Setting { get; } = setting;
    /// <summary>The value as given, or null when the problem is not one value (no input at all, say).</summary>
    public string? Value { get; } = value;
    public string Problem { get; } = problem;
}
