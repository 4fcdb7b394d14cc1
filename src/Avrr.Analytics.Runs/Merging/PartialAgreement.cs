using Avrr.Analytics.Runs.Partials;

namespace Avrr.Analytics.Runs.Merging;

/// <summary>
/// What partials must share to merge into the tables of one run (docs/partials.md, "What must agree"): the scheme
/// (by SHA-256: its measures, weights and band cut points), the levels, the measures, the weight, cluster and strata
/// columns, and how panel change is carried (with returnee summaries, the same salt). The first partial is the
/// reference; the message names the first thing that differs and the two partials.
/// </summary>
internal static class PartialAgreement
{
    public static void Check(IReadOnlyList<PartialFolder> partials)
    {
        var first = partials[0];
        foreach (var other in partials.Skip(1))
        {
            Same("the scheme", d => $"{d.SchemeId} (SHA-256 {d.SchemeSha256})", d => d.SchemeSha256);
            Same("the levels", d => Words(d.Levels) + (d.QuarterLevelIsDefault ? "" : " (country+quarter asked for)"),
                d => string.Join(";", d.Levels) + d.QuarterLevelIsDefault);
            Same("the measures", d => Words(d.Measures), d => string.Join(";", d.Measures));
            Same("the grouping columns", d => Words(d.Variables), d => string.Join(";", d.Variables));
            Same("the weight column", d => d.Weight, d => d.Weight);
            Same("the cluster column", d => d.Cluster ?? "none", d => d.Cluster ?? "");
            Same("the strata column", d => d.Strata ?? "none", d => d.Strata ?? "");
            Same("how panel change is carried (--partial-panel)", d => PartialDescriptor.PanelName(d.Panel), d => PartialDescriptor.PanelName(d.Panel));
            Same("the salt of the returnee hashes (AVRR_PARTIAL_SALT)", d => $"salt fingerprint {d.SaltFingerprint}", d => d.SaltFingerprint ?? "");

            void Same(string what, Func<PartialDescriptor, string> words, Func<PartialDescriptor, string> key)
            {
                if (key(first.Descriptor) == key(other.Descriptor)) return;
                throw new PartialsDisagreeException(
                    $"the partials disagree on {what}: {first.Path} has {words(first.Descriptor)}, {other.Path} has {words(other.Descriptor)}. " +
                    "Partials merge into one table only when they were made with the same scheme, levels, measures and design columns; make the odd one again with the others' settings");
            }
        }
    }

    /// <summary>
    /// A setting the merge may be given (<c>--min-cell</c>, <c>--ci</c>, <c>--lang</c>): the one given, else the partials'
    /// own when they agree (false when they do not: the caller asks for it).
    /// </summary>
    public static bool TryCommon<T>(IReadOnlyList<PartialFolder> partials, Func<PartialDescriptor, T> value, out T common)
    {
        var values = partials.Select(p => value(p.Descriptor)).Distinct().ToArray();
        common = values[0];
        return values.Length == 1;
    }

    private static string Words(IReadOnlyList<string> values) => values.Count == 0 ? "none" : string.Join(", ", values);
}
