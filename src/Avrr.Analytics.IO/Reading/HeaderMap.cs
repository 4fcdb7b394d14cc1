using Avrr.Analytics.Scoring;
using Avrr.Analytics.Surveys;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.IO.Reading;

/// <summary>
/// How the header of one input maps onto the run's columns. Headers are matched ignoring case and
/// surrounding spaces, as exact ids or behind KoboToolbox group paths (<c>grp_eco/econ_satisfaction</c>)
/// or ODK ones (<c>grp_eco-econ_satisfaction</c>); a column mapping renames exports with other names.
/// </summary>
public sealed class HeaderMap
{
    /// <summary>The headers as the file has them.</summary>
    public IReadOnlyList<string> Headers { get; }
    /// <summary>For each file column, the id it maps to (record column, question or attribute), or null when it is not read.</summary>
    public IReadOnlyList<string?> Ids { get; }
    public IReadOnlyList<ColumnRole> Roles { get; }
    /// <summary>The attribute ids of this file, in header order.</summary>
    public IReadOnlyList<string> Attributes { get; }
    public bool HasWeight => Ids.Contains(SurveyColumns.Weight);

    // Columns of exports that describe the submission, not the returnee (after group paths are removed, lower case).
    private static readonly HashSet<string> BookkeepingNames = new(StringComparer.Ordinal)
    {
        "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username", "audit",
        "instanceid", "instancename", "key", "submissiondate", "submitterid", "submittername", "attachmentspresent",
        "attachmentsexpected", "status", "reviewstate", "edits", "formversion", "uuid", "version", "deprecatedid",
    };

    // Words that mark a column whose content identifies a person (in English and French). A column whose
    // name holds one of them as a word ("phone_2", "nom_du_pere", "respondent_name") is dropped, so that no
    // output can carry it; a record column or question is never dropped.
    private static readonly HashSet<string> PersonalWords = new(StringComparer.Ordinal)
    {
        "name", "names", "firstname", "lastname", "fullname", "surname", "nom", "noms", "prenom", "prenoms",
        "phone", "phones", "telephone", "tel", "mobile", "cellphone", "whatsapp", "email", "mail", "address", "adresse",
        "gps", "geopoint", "geolocation", "geo", "latitude", "longitude", "altitude", "coordinates", "photo", "picture",
        "signature", "passport", "birth", "birthdate", "naissance", "dob", "nin", "cni",
    };

    private static bool IsPersonalData(string name) =>
        AnswerText.Normalize(name).Split(['_', '-', '.', ' '], StringSplitOptions.RemoveEmptyEntries).Any(PersonalWords.Contains);

    // Output columns the engine computes; an attribute may not take their names.
    private static bool IsComputedName(string id) =>
        id is SurveyColumns.Quarter or "band" or "weakest_dimension" or "answered" or "composite_score"
        || id.EndsWith("_score", StringComparison.Ordinal) || id.StartsWith("indicator_", StringComparison.Ordinal);

    private HeaderMap(IReadOnlyList<string> headers, string?[] ids, ColumnRole[] roles, List<string> attributes)
    {
        Headers = headers;
        Ids = ids;
        Roles = roles;
        Attributes = attributes;
    }

    /// <summary>
    /// Maps a header. <paramref name="knownIds"/> are the record columns and question ids of the run;
    /// <paramref name="mapping"/> maps a run id to the header that holds it in this export
    /// (<c>{"returnee_id": "case_number"}</c>, and <c>--weight COL</c>).
    /// Throws <see cref="InputRefusedException"/> when two headers map to one id or a required column is missing.
    /// </summary>
    public static HeaderMap Create(string path, IReadOnlyList<string> headers, IReadOnlyCollection<string> knownIds,
        IReadOnlyCollection<string> requiredIds, IReadOnlyDictionary<string, string> mapping)
    {
        var known = new HashSet<string>(knownIds, StringComparer.Ordinal);
        var bySource = mapping.ToDictionary(p => Key(p.Value), p => p.Key, StringComparer.Ordinal);
        var mappedIds = new HashSet<string>(mapping.Keys, StringComparer.Ordinal);
        var keys = headers.Select(Key).ToArray();
        // A file whose known columns carry ODK group paths (grp_eco-econ_satisfaction) has them on its
        // attributes too (grp_profile-sex), so there the name is what follows the last dash.
        var odkStyle = keys.Any(k => !known.Contains(k) && k.Contains('-') && known.Contains(k[(k.LastIndexOf('-') + 1)..]));

        var ids = new string?[headers.Count];
        var roles = new ColumnRole[headers.Count];
        var firstHeaderOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var attributes = new List<string>();
        var problems = new List<string>();
        for (var j = 0; j < headers.Count; j++)
        {
            var key = keys[j];
            string? id;
            if (bySource.TryGetValue(key, out var mappedId)) id = mappedId;
            else
            {
                id = Resolve(key, known);
                // A column the mapping moved elsewhere does not also count under its own name.
                if (id is not null && mappedIds.Contains(id) && !string.Equals(Key(mapping[id]), key, StringComparison.Ordinal)) id = null;
            }
            if (id is null)
            {
                var plain = StripGroups(key, odkStyle);
                if (plain.Length == 0) { roles[j] = ColumnRole.Unnamed; continue; }
                if (key.StartsWith('_') || plain.StartsWith('_') || BookkeepingNames.Contains(plain) || IsMetaGroup(key)) { roles[j] = ColumnRole.Bookkeeping; continue; }
                if (IsPersonalData(plain)) { roles[j] = ColumnRole.PersonalData; continue; }
                if (IsComputedName(plain))
                {
                    problems.Add($"the column '{headers[j]}' has the name of a column the engine computes ({plain}); rename it or map it with the run's column mapping");
                    continue;
                }
                if (mappedIds.Contains(plain)) { roles[j] = ColumnRole.Replaced; continue; }   // e.g. a 'weight' header while --weight names another column
                id = plain;
                attributes.Add(id);
            }
            if (firstHeaderOf.TryGetValue(id, out var first))
            {
                problems.Add($"the headers '{first}' and '{headers[j]}' both map to the column {id}; remove one or rename it");
                continue;
            }
            firstHeaderOf[id] = headers[j];
            ids[j] = id;
            roles[j] = ColumnRole.Read;
        }

        var missing = requiredIds.Where(r => !firstHeaderOf.ContainsKey(r)).ToList();
        if (missing.Count > 5)
        {
            // Most survey columns absent: the wrong file or sheet, not a typo; a list of 30 guesses would not help.
            problems.Add($"{missing.Count} of the {requiredIds.Count} columns a survey export needs are missing " +
                $"({string.Join(", ", missing.Take(5))}, …); is this the survey export (for a workbook, the right sheet)? " +
                $"Its headers are: {string.Join(", ", headers.Take(12).Select(h => $"'{h}'"))}{(headers.Count > 12 ? ", …" : "")}");
            missing.Clear();
        }
        foreach (var id in missing)
        {
            var wanted = mapping.TryGetValue(id, out var source) ? source : id;
            var closest = Closest(wanted, headers);
            problems.Add(closest is null
                ? $"the required column {id} is missing"
                : $"the required column {id} is missing (closest header: '{closest}')");
        }
        if (problems.Count > 0) throw new InputRefusedException(path, string.Join("; ", problems));
        return new HeaderMap(headers, ids, roles, attributes);
    }

    /// <summary>
    /// A column of the XLSForm <c>meta</c> group (<c>meta/instanceID</c>, <c>meta-instanceID</c>, <c>meta/rootUuid</c>, …): submission
    /// bookkeeping, also in an ODK export whose questions have no group (where '-' paths are not otherwise removed).
    /// </summary>
    private static bool IsMetaGroup(string key) =>
        key.StartsWith("meta/", StringComparison.Ordinal) || key.StartsWith("meta-", StringComparison.Ordinal);

    /// <summary>A header as it is matched: trimmed, lower case, without a byte order mark.</summary>
    internal static string Key(string header) => header.Trim().TrimStart('\uFEFF').Trim().ToLowerInvariant();

    private static string? Resolve(string key, HashSet<string> known)
    {
        if (known.Contains(key)) return key;
        var slash = key.LastIndexOf('/');
        if (slash >= 0 && known.Contains(key[(slash + 1)..])) return key[(slash + 1)..];
        var dash = key.LastIndexOf('-');
        if (dash >= 0 && known.Contains(key[(dash + 1)..])) return key[(dash + 1)..];
        return null;
    }

    private static string StripGroups(string key, bool odkStyle)
    {
        var plain = key[(key.LastIndexOf('/') + 1)..];
        return odkStyle ? plain[(plain.LastIndexOf('-') + 1)..] : plain;
    }

    /// <summary>The header nearest to <paramref name="wanted"/> by edit distance (after group paths are removed), or null for an empty header.</summary>
    internal static string? Closest(string wanted, IReadOnlyList<string> headers)
    {
        var target = Key(wanted);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var header in headers)
        {
            var key = Key(header);
            if (key.Length == 0) continue;
            var candidate = key[(Math.Max(key.LastIndexOf('/'), key.LastIndexOf('-')) + 1)..];
            var distance = Math.Min(Levenshtein(target, candidate), Levenshtein(target, key));
            if (distance < bestDistance) { bestDistance = distance; best = header; }
        }
        return best;
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
