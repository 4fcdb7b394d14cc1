namespace Avrr.Analytics.IO.Reading;

/// <summary>
/// A file found in an input folder that is not a survey export (notes, a codebook, an empty file): left
/// unread and listed as skipped with its reason, in the summary and the manifest, instead of refusing the
/// run (docs/inputs.md, "Folders"). A file given by name is never skipped: it is read or refused.
/// </summary>
public sealed record SkippedInput(string Path, string Reason)
{
    /// <summary>The file is empty (0 bytes).</summary>
    public const string EmptyFile = "empty_file";
    /// <summary>Its first row names no column of a survey export: no record column, no question of the scheme.</summary>
    public const string NotAnExport = "not_an_export";

    /// <summary>Why a file found in a folder is not an export, or null when it is read (and refused, if it must be, as any input). Only text files are looked into.</summary>
    public static string? Why(string path, Schemes.Scheme scheme, ReadOptions options)
    {
        if (new FileInfo(path).Length == 0) return EmptyFile;
        // A workbook or a Parquet file in an export folder is taken for an export (and read in full once, not twice):
        // the notes and codebooks that share a folder with exports are text.
        if (System.IO.Path.GetExtension(path).ToLowerInvariant() is ".xlsx" or ".parquet") return null;
        IReadOnlyList<string> headers;
        try { headers = SurveyInput.ReadHeaders(path, options.Sheet); }
        catch (InputRefusedException) { return null; }
        var known = Vocabulary.SurveyColumns.Record.Concat(scheme.Questions.Select(q => q.Id)).ToArray();
        var required = Vocabulary.SurveyColumns.Required.Concat(scheme.Questions.Select(q => q.Id)).ToArray();
        var (map, problems) = HeaderMap.Analyze(headers, known, required, options.ColumnMapping, scheme.Questions.SelectMany(q => q.Text.Values));
        if (map.Ids.Any(id => id is not null && known.Contains(id))) return null;
        // An export with the questions' labels for headers is an export, exported the wrong way: refused with the advice.
        if (problems.Any(p => p.StartsWith("the headers are the questions' labels", StringComparison.Ordinal))) return null;
        return NotAnExport;
    }
}
