using System.Globalization;
using System.Text;
using Avrr.Analytics.Calibration;

namespace Avrr.Analytics.IO.Reading;

/// <summary>
/// A margin of known population totals for <c>--calibrate</c> (docs/methodology.md, "The margins file from a caseload"): a CSV file (UTF-8, comma or
/// semicolon) whose columns are the margin's variables and <c>total</c>, one line per level. Every problem is refused
/// with the line and the level named, before anything is read of the exports: a file that is not UTF-8 text, no
/// <c>total</c> column or no variable, an empty value, a level given twice, a total that is not a number above 0.
/// </summary>
public static class MarginFile
{
    /// <summary>The largest margin file read: a caseload's margins fit in far less.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>The column of the totals.</summary>
    public const string TotalColumn = "total";

    public static Margin Read(string path)
    {
        var name = Path.GetFileName(path);
        byte[] bytes;
        try
        {
            if (path.Contains('\0')) throw Refused(path, "the margin file's path holds a null character", "le chemin du fichier de marge contient un caractère nul");
            if (Directory.Exists(path)) throw Refused(path, "is a folder, not a margin file", "est un dossier, pas un fichier de marge");
            var info = new FileInfo(path);
            if (!info.Exists) throw Refused(path, "the margin file does not exist", "le fichier de marge n'existe pas");
            if (info.Length > MaxBytes)
                throw Refused(path, $"the margin file has {info.Length:N0} bytes; a margin is at most {MaxBytes:N0}", $"le fichier de marge fait {info.Length:N0} octets ; une marge en fait au plus {MaxBytes:N0}");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Refused(path, $"the margin file cannot be read ({e.Message})", $"le fichier de marge ne peut être lu ({e.Message})");
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Refused(path, "the margin file is not UTF-8 text; save it as CSV UTF-8", "le fichier de marge n'est pas du texte UTF-8 ; enregistrez-le en CSV UTF-8");
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (text.Contains('\0')) throw Refused(path, "the margin file is not text", "le fichier de marge n'est pas du texte");
        var firstLine = text.Split('\n')[0];
        var delimiter = firstLine.Contains(';') && !firstLine.Contains(',') ? ";" : ",";
        var rows = Records(text, delimiter[0]);
        if (rows.Count == 0) throw Refused(path, "the margin file is empty", "le fichier de marge est vide");
        var header = rows[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var totalAt = Array.IndexOf(header, TotalColumn);
        if (totalAt < 0)
            throw Refused(path, $"the margin file has no column '{TotalColumn}' (its columns: {string.Join(", ", header)}); give the margin's variables and the population total of each level",
                $"le fichier de marge n'a pas de colonne '{TotalColumn}' (ses colonnes : {string.Join(", ", header)}) ; donnez les variables de la marge et le total de population de chaque niveau");
        var variableAt = Enumerable.Range(0, header.Length).Where(i => i != totalAt).ToArray();
        if (variableAt.Length == 0 || variableAt.Any(i => header[i].Length == 0))
            throw Refused(path, "the margin file names no variable beside 'total' (or has a column without a name)",
                "le fichier de marge ne nomme aucune variable à côté de 'total' (ou a une colonne sans nom)");
        var variables = variableAt.Select(i => header[i]).ToArray();
        if (variables.Distinct().Count() != variables.Length)
            throw Refused(path, $"the margin file names a column twice ({string.Join(", ", header)})", $"le fichier de marge nomme une colonne deux fois ({string.Join(", ", header)})");
        var levels = new List<MarginLevel>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.All(f => f.Trim().Length == 0)) continue;
            if (fields.Length != header.Length)
                throw Refused(path, $"line {line} has {fields.Length} fields, the header {header.Length}", $"la ligne {line} a {fields.Length} champs, l'en-tête {header.Length}");
            var values = variableAt.Select(i => fields[i].Trim()).ToArray();
            var level = Margin.Text(variables, values);
            var empty = Array.FindIndex(values, v => v.Length == 0);
            if (empty >= 0)
                throw Refused(path, $"line {line} ({level}) has no value of {variables[empty]}: every level names its value (surveys without one are the level '(unknown)')",
                    $"la ligne {line} ({level}) n'a pas de valeur de {variables[empty]} : chaque niveau nomme sa valeur (les enquêtes sans valeur forment le niveau '(unknown)')");
            var totalText = fields[totalAt].Trim();
            if (!double.TryParse(totalText, NumberStyles.Float, CultureInfo.InvariantCulture, out var total) || !double.IsFinite(total))
                throw Refused(path, $"line {line} ({level}) has the total '{totalText}', which is not a number (write it with a dot for decimals and no thousands separator, such as 1250 or 1250.5)",
                    $"la ligne {line} ({level}) a le total '{totalText}', qui n'est pas un nombre (écrivez-le avec un point décimal et sans séparateur de milliers, comme 1250 ou 1250.5)");
            if (!(total > 0))
                throw Refused(path, $"line {line} ({level}) has a total of {totalText}; a level's population is above 0 (leave out a level without returnees)",
                    $"la ligne {line} ({level}) a un total de {totalText} ; la population d'un niveau est supérieure à 0 (omettez un niveau sans retournés)");
            if (!seen.TryAdd(string.Join('\u001f', values), line))
                throw Refused(path, $"line {line} gives {level} again (first at line {seen[string.Join('\u001f', values)]})",
                    $"la ligne {line} donne {level} une seconde fois (d'abord à la ligne {seen[string.Join('\u001f', values)]})");
            levels.Add(new MarginLevel(values, total));
        }
        if (levels.Count == 0) throw Refused(path, "the margin file has no level", "le fichier de marge n'a aucun niveau");
        return new Margin(name, variables, levels);
    }

    /// <summary>The records of RFC 4180 text (quoted fields with "" inside, CRLF or LF), each with its first line's number; blank lines left out.</summary>
    private static List<(int Line, string[] Fields)> Records(string text, char delimiter)
    {
        var records = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        int line = 1, start = 1;
        void End()
        {
            fields.Add(field.ToString());
            field.Clear();
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n') line++;
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            if (c == '"') { quoted = true; any = true; }
            else if (c == delimiter) { End(); any = true; }
            else if (c == '\r') { }
            else if (c == '\n')
            {
                End();
                if (any || fields.Any(f => f.Length > 0)) records.Add((start, [.. fields]));
                fields.Clear();
                any = false;
                start = line;
            }
            else { field.Append(c); any = true; }
        }
        End();
        if (any || fields.Any(f => f.Length > 0)) records.Add((start, [.. fields]));
        return records;
    }

    private static InputRefusedException Refused(string path, string problem, string french) => new(path, problem) { FrenchProblem = french };
}
