using Avrr.Analytics.Runs.Planning;

namespace Avrr.Analytics.Cli;

/// <summary>
/// Where each setting of a run came from (a flag, or a key of the evaluation file), so that a problem with
/// a setting is worded the way the user gave it: <c>--min-cell 0: must be at least 1</c> for a flag,
/// <c>"minCell": 0 in q3.json: must be at least 1</c> for the file.
/// </summary>
internal sealed class SettingSources(string? configPath, IReadOnlyDictionary<string, int>? lines = null, IReadOnlyList<Said>? fileProblems = null)
{
    private readonly HashSet<RunSetting> _fromFile = [];
    // The evaluation file's problems (wrong kinds of values, unknown keys) and the settings' bad values, listed at once.
    private readonly List<Said> _problems = [.. fileProblems ?? []];
    private readonly List<SettingsException> _settings = [];

    /// <summary>Reads a setting; a bad value is noted (all are listed at once by <see cref="ThrowProblems"/>) and <paramref name="fallback"/> used meanwhile.</summary>
    public T Try<T>(Func<T> read, T fallback)
    {
        try { return read(); }
        catch (SettingsException e)
        {
            _settings.Add(e);
            _problems.Add(Word(e));
            return fallback;
        }
    }

    /// <summary>Every problem noted, at once: one as it is, several as a list under the file (or the command line) that has them.</summary>
    public void ThrowProblems()
    {
        if (_problems.Count == 0) return;
        if (_problems.Count == 1 && _settings.Count == 1) throw new UsageException(Word(_settings[0]));
        if (_problems.Count == 1) throw new UsageException(Said.Of(c => c.Format(c.Usage.InFile, configPath, _problems[0].In(c))));
        throw new UsageException(Said.Of(c => (configPath is null ? c.Format(c.Console.SettingsProblems, _problems.Count) : c.Format(c.Console.ConfigProblems, configPath, _problems.Count))
            + string.Concat(_problems.Select(p => "\n  - " + p.In(c)))));
    }

    /// <summary>Takes the flag's value when given, else the file's (noting that it came from the file).</summary>
    public T? Pick<T>(RunSetting setting, T? flag, T? file)
    {
        if (flag is not null) return flag;
        if (file is not null) _fromFile.Add(setting);
        return file;
    }

    public void FromFile(RunSetting setting) => _fromFile.Add(setting);

    public Said Word(SettingsException e)
    {
        if (!_fromFile.Contains(e.Setting) || configPath is null)
            return Said.Of(c => c.Format(c.Usage.AsFlag, SettingNames.Flag(e.Setting), e.Value is null ? "" : $" {e.Value}", e.Said.In(c)));
        var key = SettingNames.Key(e.Setting);
        int? line = lines is not null && lines.TryGetValue(key, out var l) ? l : null;
        return Said.Of(c => c.Format(c.Usage.AsKey, key, e.Value is null ? "" : $": {e.Value}", configPath, line is null ? "" : c.Format(c.Usage.Line, line), e.Said.In(c)));
    }
}
