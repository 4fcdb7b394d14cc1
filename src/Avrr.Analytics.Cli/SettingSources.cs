using Avrr.Analytics.Runs.Planning;

namespace Avrr.Analytics.Cli;

/// <summary>
/// Where each setting of a run came from (a flag, or a key of the evaluation file), so that a problem with
/// a setting is worded the way the user gave it: <c>--min-cell 0: must be at least 1</c> for a flag,
/// <c>"minCell": 0 in q3.json: must be at least 1</c> for the file.
/// </summary>
internal sealed class SettingSources(string? configPath, IReadOnlyDictionary<string, int>? lines = null)
{
    private readonly HashSet<RunSetting> _fromFile = [];

    /// <summary>Takes the flag's value when given, else the file's (noting that it came from the file).</summary>
    public T? Pick<T>(RunSetting setting, T? flag, T? file)
    {
        if (flag is not null) return flag;
        if (file is not null) _fromFile.Add(setting);
        return file;
    }

    public void FromFile(RunSetting setting) => _fromFile.Add(setting);

    public string Word(SettingsException e)
    {
        if (!_fromFile.Contains(e.Setting) || configPath is null)
            return $"{SettingNames.Flag(e.Setting)}{(e.Value is null ? "" : $" {e.Value}")}: {e.Problem}";
        var key = SettingNames.Key(e.Setting);
        var line = lines is not null && lines.TryGetValue(key, out var l) ? $", line {l}" : "";
        return $"\"{key}\"{(e.Value is null ? "" : $": {e.Value}")} in {configPath}{line}: {e.Problem}";
    }
}
