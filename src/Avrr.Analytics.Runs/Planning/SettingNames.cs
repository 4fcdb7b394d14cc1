namespace Avrr.Analytics.Runs.Planning;

/// <summary>How a setting is written on the command line and in an evaluation file (<c>--config</c>).</summary>
public static class SettingNames
{
    /// <summary>The flag of a setting: <c>--min-cell</c>; INPUT for the inputs.</summary>
    public static string Flag(RunSetting setting) => setting switch
    {
        RunSetting.Inputs => "INPUT",
        RunSetting.Columns => "\"columns\"",
        RunSetting.Recode => "\"recode\"",
        RunSetting.PartialSalt => PartialSaltVariable,
        RunSetting.PartialKey => PartialKeyVariable,
        // Insights are on unless switched off.
        RunSetting.Insights => "--no-insights",
        RunSetting.Audit => "--no-audit",
        _ => "--" + Words(setting, '-'),
    };

    /// <summary>The environment variable that gives the salt of a partial's returnee hashes (never a flag: it would stay in the shell's history).</summary>
    public const string PartialSaltVariable = "AVRR_PARTIAL_SALT";

    /// <summary>The environment variable that gives the organisation's key that signs partials (docs/partials.md, "Signatures"); never a flag, never stored.</summary>
    public const string PartialKeyVariable = "AVRR_PARTIAL_KEY";

    /// <summary>The key of a setting in an evaluation file: <c>minCell</c>.</summary>
    public static string Key(RunSetting setting)
    {
        var name = setting.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static string Words(RunSetting setting, char separator) =>
        string.Concat(setting.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? $"{separator}{char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()));
}
