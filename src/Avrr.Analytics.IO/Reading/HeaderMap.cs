using Avrr.Analytics.Wording;
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

    /// <summary>The attributes kept under their full path because another column has the same last part (<c>grp_a/autre</c>, <c>grp_b/autre</c>).</summary>
    public IReadOnlyList<string> FullPathAttributes { get; }
    /// <summary>For each file column, the submission column it is read into (<see cref="SubmissionColumns"/>), or null.</summary>
    public IReadOnlyList<string?> SubmissionIds { get; }

    private HeaderMap(IReadOnlyList<string> headers, string?[] ids, ColumnRole[] roles, List<string> attributes, List<string> fullPath, string?[] submission)
    {
        Headers = headers;
        Ids = ids;
        Roles = roles;
        Attributes = attributes;
        FullPathAttributes = fullPath;
        SubmissionIds = submission;
    }

    /// <summary>For each file column, its position in <paramref name="layout"/>, or -1 when it is not read.</summary>
    public int[] RunColumns(SurveyLayout layout) => Ids.Select((id, j) =>
        id is not null ? layout.IndexOf(id) ?? -1
        : SubmissionIds[j] is { } submission ? layout.SubmissionColumn(submission)
        : -1).ToArray();

    /// <summary>
    /// Maps a header. <paramref name="knownIds"/> are the record columns and question ids of the run;
    /// <paramref name="mapping"/> maps a run id to the header that holds it in this export
    /// (<c>{"returnee_id": "case_number"}</c>, and <c>--weight COL</c>): its full path or its last part.
    /// <paramref name="questionTexts"/> (the questions' wording in every language) tells a Kobo export
    /// with labels for headers. <paramref name="unread"/> are ids the run leaves unread on purpose (weight,
    /// with <c>--unweighted</c>): their headers are neither read nor attributes. Throws
    /// <see cref="InputRefusedException"/> with every problem at once.
    /// </summary>
    public static HeaderMap Create(string path, IReadOnlyList<string> headers, IReadOnlyCollection<string> knownIds,
        IReadOnlyCollection<string> requiredIds, IReadOnlyDictionary<string, string> mapping, IEnumerable<string>? questionTexts = null,
        IReadOnlyCollection<string>? unread = null)
    {
        // A column's name becomes a column of every output: one too long to be a cell is no header (docs/inputs.md, "Limits").
        for (var i = 0; i < headers.Count; i++)
            if (headers[i].Length > SurveyBatch.MaxFieldChars)
                throw new InputRefusedException(path, Said.Of(t => t.Refusals.LongHeader, i + 1, headers[i].Length, SurveyBatch.MaxFieldChars));
        var (map, problems) = AnalyzeSaid(headers, knownIds, requiredIds, mapping, questionTexts, unread);
        if (problems.Count > 0) throw new InputRefusedException(path, Said.Join("; ", problems));
        return map;
    }

    /// <summary>
    /// <see cref="Create"/> without refusing: the map as far as it goes and the problems that would refuse
    /// the file (what <c>avrr init</c> works from). Headers match by their full path first, then by their last
    /// part (after the last '/' or, in an ODK export, '-') where only one header has it. A collision between
    /// columns the run does not need is never a problem: the option columns of a Kobo select_multiple
    /// (<c>grp/q/option</c> beside <c>grp/q</c>) are ignored, other attributes that share a last part keep
    /// their full path.
    /// </summary>
    public static (HeaderMap Map, IReadOnlyList<string> Problems) Analyze(IReadOnlyList<string> headers, IReadOnlyCollection<string> knownIds,
        IReadOnlyCollection<string> requiredIds, IReadOnlyDictionary<string, string> mapping, IEnumerable<string>? questionTexts = null,
        IReadOnlyCollection<string>? unread = null)
    {
        var (map, problems) = AnalyzeSaid(headers, knownIds, requiredIds, mapping, questionTexts, unread);
        return (map, problems.Select(p => p.English).ToArray());
    }

    /// <summary><see cref="Analyze"/> with its problems in both languages.</summary>
    public static (HeaderMap Map, IReadOnlyList<Said> Problems) AnalyzeSaid(IReadOnlyList<string> headers, IReadOnlyCollection<string> knownIds,
        IReadOnlyCollection<string> requiredIds, IReadOnlyDictionary<string, string> mapping, IEnumerable<string>? questionTexts = null,
        IReadOnlyCollection<string>? unread = null)
    {
        var known = new HashSet<string>(knownIds, StringComparer.Ordinal);
        var mappedIds = new HashSet<string>(mapping.Keys, StringComparer.Ordinal);
        if (unread is not null)
        {
            known.ExceptWith(unread);
            mappedIds.UnionWith(unread);
        }
        var keys = headers.Select(Key).ToArray();
        var keySet = new HashSet<string>(keys, StringComparer.Ordinal);
        // A file whose known columns carry ODK group paths (grp_eco-econ_satisfaction) has them on its
        // attributes too (grp_profile-sex), so there the name is what follows the last dash.
        var odkStyle = keys.Any(k => !known.Contains(k) && k.Contains('-') && known.Contains(k[(k.LastIndexOf('-') + 1)..]));
        var lastParts = keys.Select(k => LastPart(k, odkStyle)).ToArray();

        var ids = new string?[headers.Count];
        var roles = new ColumnRole[headers.Count];
        var headerOf = new Dictionary<string, int>(StringComparer.Ordinal);   // id -> the column that holds it
        var problems = new List<Said>();
        void Claim(int j, string id)
        {
            ids[j] = id;
            roles[j] = ColumnRole.Read;
            headerOf[id] = j;
        }

        // 1. The column mapping: a header by its full path, else by its last part where only one header has it.
        foreach (var (id, source) in mapping.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var wanted = Key(source);
            var matches = Enumerable.Range(0, keys.Length).Where(j => keys[j] == wanted).ToArray();
            if (matches.Length == 0) matches = Enumerable.Range(0, keys.Length).Where(j => lastParts[j] == wanted || keys[j].EndsWith("/" + wanted, StringComparison.Ordinal)).ToArray();
            if (matches.Length > 1)
            {
                problems.Add(Said.Verbatim($"the column mapping names '{source}' for {id}, and several headers end with it ({string.Join(", ", matches.Select(j => $"'{headers[j]}'"))}); give the full path of one"));
                continue;
            }
            if (matches.Length == 0) continue;     // reported below when the id is required
            if (ids[matches[0]] is { } other)
            {
                problems.Add(Said.Verbatim($"the column mapping gives the header '{headers[matches[0]]}' to both {other} and {id}; a header holds one column"));
                continue;
            }
            Claim(matches[0], id);
        }
        // 2. Exact ids, 3. ids behind a group path, where only one header ends with the id.
        for (var j = 0; j < keys.Length; j++)
            if (ids[j] is null && known.Contains(keys[j]) && !mappedIds.Contains(keys[j]) && !headerOf.ContainsKey(keys[j])) Claim(j, keys[j]);
        for (var j = 0; j < keys.Length; j++)
        {
            if (ids[j] is not null || known.Contains(keys[j])) continue;
            var id = KnownPart(keys[j], known);
            if (id is null || mappedIds.Contains(id)) continue;
            if (headerOf.TryGetValue(id, out var first))
            {
                problems.Add(Said.Verbatim($"the headers '{headers[first]}' and '{headers[j]}' both map to the column {id}; remove one or rename it, or name the one to read in the run's column mapping"));
                continue;
            }
            Claim(j, id);
        }
        // 4. Everything else: bookkeeping, personal data, select_multiple options, attributes.
        var attributeColumns = new List<int>();
        for (var j = 0; j < keys.Length; j++)
        {
            if (ids[j] is not null) continue;
            var key = keys[j];
            var plain = lastParts[j];
            if (plain.Length == 0) { roles[j] = ColumnRole.Unnamed; continue; }
            if (key.StartsWith('_') || plain.StartsWith('_') || BookkeepingNames.Contains(plain) || IsMetaGroup(key)) { roles[j] = ColumnRole.Bookkeeping; continue; }
            if (IsPersonalData(plain)) { roles[j] = ColumnRole.PersonalData; continue; }
            var slash = key.LastIndexOf('/');
            if (slash > 0 && keySet.Contains(key[..slash])) { roles[j] = ColumnRole.SelectMultipleOption; continue; }
            if (mappedIds.Contains(plain)) { roles[j] = ColumnRole.Replaced; continue; }   // e.g. a 'weight' header while --weight names another column
            if (known.Contains(plain) && headerOf.TryGetValue(plain, out var holder))
            {
                problems.Add(Said.Verbatim($"the headers '{headers[holder]}' and '{headers[j]}' both map to the column {plain}; remove one or rename it, or name the one to read in the run's column mapping"));
                continue;
            }
            if (IsComputedName(plain))
            {
                problems.Add(Said.Verbatim($"the column '{headers[j]}' has the name of a column the engine computes ({plain}); rename it or map it with the run's column mapping"));
                continue;
            }
            attributeColumns.Add(j);
        }
        var attributes = new List<string>();
        var fullPath = new List<string>();
        var shared = attributeColumns.GroupBy(j => lastParts[j]).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var j in attributeColumns)
        {
            var id = shared.Contains(lastParts[j]) ? keys[j] : lastParts[j];
            if (shared.Contains(lastParts[j])) fullPath.Add(id);
            if (headerOf.TryGetValue(id, out var first))
            {
                problems.Add(Said.Verbatim($"the headers '{headers[first]}' and '{headers[j]}' both map to the column {id}; remove one or rename it"));
                continue;
            }
            Claim(j, id);
            attributes.Add(id);
        }

        // The submission columns, from the first header that holds each (bookkeeping: never an attribute).
        var submission = new string?[headers.Count];
        foreach (var (column, sources) in SubmissionColumns.Sources)
        {
            foreach (var source in sources)
            {
                var j = Array.FindIndex(keys, k => k == source || LastPart(k, odkStyle: true) == source);
                if (j < 0 || roles[j] != ColumnRole.Bookkeeping || submission[j] is not null) continue;
                submission[j] = column;
                break;
            }
        }

        var missing = requiredIds.Where(r => !headerOf.ContainsKey(r)).ToList();
        if (missing.Count > 5)
        {
            // Most survey columns absent: the wrong file or sheet, not a typo; a list of 30 guesses would not help.
            problems.Add(LooksLikeLabels(headers, keys, roles, questionTexts)
                ? Said.Of(t => t.Refusals.Labels, string.Join(", ", headers.Where((_, j) => roles[j] == ColumnRole.Read).Take(3).Select(h => $"'{h}'")))
                : Said.Of(t => t.Refusals.MostMissing, missing.Count, requiredIds.Count, string.Join(", ", missing.Take(5)),
                    $"{string.Join(", ", headers.Take(12).Select(h => $"'{h}'"))}{(headers.Count > 12 ? ", …" : "")}"));
            missing.Clear();
        }
        foreach (var id in missing)
        {
            var wanted = mapping.TryGetValue(id, out var source) ? source : id;
            var closest = Closest(wanted, headers);
            var named = mapping.ContainsKey(id);
            problems.Add(Said.Of(t => (named ? t.Format(t.Refusals.MissingMapped, id, source) : t.Format(t.Refusals.Missing, id))
                + (closest is null ? "" : t.Format(t.Refusals.Closest, closest))));
        }
        if (missing.Count > 0)
            problems.Add(missing.Count == 1 ? Said.Of(t => t.Refusals.MapItOne, missing[0]) : Said.Of(t => t.Refusals.MapItSeveral, missing[0]));
        return (new HeaderMap(headers, ids, roles, attributes, fullPath, submission), problems);
    }

    /// <summary>
    /// Whether the headers are the questions' labels (a Kobo export "with labels"): some header is the
    /// wording of a question of the scheme, or most named headers read like sentences (spaces, a question mark).
    /// </summary>
    private static bool LooksLikeLabels(IReadOnlyList<string> headers, string[] keys, ColumnRole[] roles, IEnumerable<string>? questionTexts)
    {
        var texts = new HashSet<string>((questionTexts ?? []).Select(t => AnswerText.Normalize(t)), StringComparer.Ordinal);
        if (headers.Any(h => texts.Contains(AnswerText.Normalize(h)))) return true;
        var named = Enumerable.Range(0, keys.Length).Where(j => roles[j] is ColumnRole.Read).ToArray();
        var sentences = named.Count(j => keys[j].Trim().Contains(' ') || keys[j].EndsWith('?') || keys[j].EndsWith(':'));
        return named.Length >= 6 && sentences * 2 >= named.Length;
    }

    /// <summary>
    /// A column of the XLSForm <c>meta</c> group (<c>meta/instanceID</c>, <c>meta-instanceID</c>, <c>meta/rootUuid</c>, …): submission
    /// bookkeeping, also in an ODK export whose questions have no group (where '-' paths are not otherwise removed).
    /// </summary>
    private static bool IsMetaGroup(string key) =>
        key.StartsWith("meta/", StringComparison.Ordinal) || key.StartsWith("meta-", StringComparison.Ordinal);

    /// <summary>A header as it is matched: trimmed, lower case, without a byte order mark.</summary>
    public static string Key(string header) => header.Trim().TrimStart('\uFEFF').Trim().ToLowerInvariant();

    /// <summary>The id behind a group path (<c>grp_eco/can_borrow</c>, <c>grp_eco-can_borrow</c>), when it is one of <paramref name="known"/>.</summary>
    private static string? KnownPart(string key, HashSet<string> known)
    {
        var slash = key.LastIndexOf('/');
        if (slash >= 0 && known.Contains(key[(slash + 1)..])) return key[(slash + 1)..];
        var dash = key.LastIndexOf('-');
        if (dash >= 0 && known.Contains(key[(dash + 1)..])) return key[(dash + 1)..];
        return null;
    }

    /// <summary>The last part of a header's path: after the last '/', and in an ODK-style file after the last '-'.</summary>
    internal static string LastPart(string key, bool odkStyle)
    {
        var plain = key[(key.LastIndexOf('/') + 1)..];
        return odkStyle ? plain[(plain.LastIndexOf('-') + 1)..] : plain;
    }

    /// <summary>
    /// The header nearest to <paramref name="wanted"/> by edit distance on the last part of its path, when
    /// it is near enough to be a misspelling (at most 2 edits, or a quarter of the name's letters for a long
    /// name); null otherwise, so that a guess such as <c>deviceid</c> for <c>returnee_id</c> is never offered.
    /// </summary>
    public static string? Closest(string wanted, IReadOnlyList<string> headers)
    {
        var target = LastPart(Key(wanted), odkStyle: true);
        var cutoff = Math.Max(2, target.Length / 4);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var header in headers)
        {
            var candidate = LastPart(Key(header), odkStyle: true);
            if (candidate.Length == 0) continue;
            var distance = EditDistance.Between(target, candidate);
            if (distance < bestDistance) { bestDistance = distance; best = header; }
        }
        return bestDistance <= cutoff ? best : null;
    }
}
