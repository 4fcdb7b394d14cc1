using System.Reflection;
using System.Text.RegularExpressions;
using Avrr.Analytics.Wording;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// Every message a person can meet is in the language asked for (issue 22 §2): each path of the command line
/// (usage and parser errors, refusals of each kind, the evaluation file's problems, validate, the summary) is
/// driven in French and in English, and what it printed must hold no sentence of the other language's catalogue
/// and no raw English of the parser, and must hold words of its own.
/// </summary>
public sealed class MessageLanguageTests
{
    private static readonly Lazy<string> Folder = new(TestFiles.TempFolder);

    /// <summary>A path through the command line: its arguments (without the language) and the exit code it ends with.</summary>
    public static TheoryData<string, int> Paths => new()
    {
        { "parser: unknown option", 2 },
        { "parser: unknown command", 2 },
        { "parser: missing argument", 2 },
        { "parser: flag with a value", 2 },
        { "usage: no input", 2 },
        { "setting: bad flag value", 2 },
        { "setting: bad period", 2 },
        { "evaluation file: three bad values", 2 },
        { "evaluation file: not JSON", 2 },
        { "refusal: no such file", 3 },
        { "refusal: unknown format", 3 },
        { "refusal: empty file", 3 },
        { "refusal: required columns missing", 3 },
        { "refusal: folder without exports", 3 },
        { "refusal: old xls", 3 },
        { "output folder: not a result", 2 },
        { "nothing to score: a header only", 3 },
        { "validate", 0 },
        { "summary", 0 },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void French_output_holds_no_English_sentence(string path, int exitCode) => Check(path, exitCode, Language.French);

    [Theory]
    [MemberData(nameof(Paths))]
    public void English_output_holds_no_French_sentence(string path, int exitCode) => Check(path, exitCode, Language.English);

    [Fact]
    public void The_evaluation_files_language_chooses_the_language_of_its_problems_when_no_flag_does()
    {
        var config = Config(Language.French);
        var french = Avrr.Expect(2, "run", "--config", config).Output;
        Assert.StartsWith(Catalogue.French.Console.Error, french, StringComparison.Ordinal);
        // The flag wins over the file.
        var english = Avrr.Expect(2, "run", "--config", config, "--lang", "en").Output;
        Assert.StartsWith(Catalogue.English.Console.Error, english, StringComparison.Ordinal);
    }

    [Fact]
    public void The_french_report_names_the_scheme_and_the_attributes_in_french()
    {
        var target = Path.Combine(TestFiles.TempFolder(), "rapport.html");
        Avrr.Expect(0, "report", SampleResults.Default, "--lang", "fr", "--out", target);
        var french = File.ReadAllText(target);
        Assert.Contains("Enquête sur la durabilité de la réintégration, 15 indicateurs (poids égaux)", french, StringComparison.Ordinal);
        Assert.DoesNotContain("Reintegration Sustainability Survey, 15 indicators", french, StringComparison.Ordinal);
        // The drivers' table names the record columns among the attributes in French (pays), never by their ids.
        Assert.Contains("<th>pays</th>", french, StringComparison.Ordinal);
        Assert.DoesNotContain("<th>country</th>", french, StringComparison.Ordinal);

        Avrr.Expect(0, "report", SampleResults.Default, "--lang", "en", "--out", target);
        var english = File.ReadAllText(target);
        Assert.Contains("Reintegration Sustainability Survey, 15 indicators (equal weights)", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Enquête sur la durabilité", english, StringComparison.Ordinal);
    }

    private static void Check(string path, int exitCode, Language language)
    {
        var call = Avrr.Run(Arguments(path, language));
        Assert.True(call.ExitCode == exitCode, $"{path}: expected exit {exitCode}, got {call}");
        AssertSpeaks(language, call.Output, path);
    }

    /// <summary>
    /// What <paramref name="output"/> must be: none of the other language's sentences (nor the parser's own English),
    /// and at least one of its own language's.
    /// </summary>
    internal static void AssertSpeaks(Language language, string output, string path)
    {
        var other = language.IsFrench ? Language.English : Language.French;
        var foreign = ForeignFragments(other, language);
        var found = foreign.Where(f => output.Contains(f, StringComparison.Ordinal)).ToArray();
        Assert.True(found.Length == 0, $"{path} in {language}: {string.Join(" | ", found.Select(f => $"\"{f}\""))} in\n{output}");
        var own = Fragments(Catalogue.Of(language)).Except(Fragments(Catalogue.Of(other))).ToArray();
        Assert.True(own.Any(f => output.Contains(f, StringComparison.Ordinal)), $"{path} in {language}: no words of its own in\n{output}");
    }

    /// <summary>
    /// The pieces of text of every sentence of a language's catalogue (the parts between its values and markup) that
    /// the other language never uses: "no such file or folder", "separated", "Unknown option '".
    /// </summary>
    internal static IReadOnlyList<string> ForeignFragments(Language foreign, Language own)
    {
        var ownTexts = Texts(Catalogue.Of(own)).ToArray();
        var fragments = Fragments(Catalogue.Of(foreign)).Where(f => !ownTexts.Any(t => t.Contains(f, StringComparison.Ordinal))).ToList();
        // The labels before a message are short; they are what a reader sees first.
        var c = Catalogue.Of(foreign).Console;
        fragments.AddRange([c.Error, c.InputRefused, c.NothingWritten, c.Interrupted]);
        return fragments.Distinct().ToArray();
    }

    private static IEnumerable<string> Fragments(Catalogue catalogue) =>
        Texts(catalogue)
            .SelectMany(t => Regex.Split(t, @"\{\d+(?:,-?\d+)?(?::[^}]*)?\}|\[/?[a-z]*\]|\{\{|\}\}"))
            .Select(f => f.Trim().Trim(',', ';', ':', '(', ')', '.', '"', ' ').Trim())
            .Where(f => f.Length >= 8 && f.Any(char.IsLetter))
            .Distinct();

    /// <summary>Every text of a catalogue's areas: their string properties and the values of their word tables.</summary>
    private static IEnumerable<string> Texts(Catalogue catalogue)
    {
        object[] areas = [catalogue.Console, catalogue.Refusals, catalogue.Usage];
        foreach (var area in areas)
            foreach (var property in area.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var value = property.GetValue(area);
                if (value is string text && property.Name is not "Language") yield return text;
                if (value is IReadOnlyDictionary<string, string> table) foreach (var word in table.Values) yield return word;
            }
    }

    private static string[] Arguments(string path, Language language)
    {
        var lang = new[] { "--lang", language.Code };
        var folder = Folder.Value;
        string[] args = path switch
        {
            "parser: unknown option" => ["run", "x.csv", "--perod", "2025", .. lang],
            "parser: unknown command" => ["runn", .. lang],
            "parser: missing argument" => ["merge", .. lang],
            "parser: flag with a value" => ["run", "x.csv", "--no-report=3", .. lang],
            "usage: no input" => ["run", .. lang],
            "setting: bad flag value" => ["run", "x.csv", "--min-cell", "0", .. lang],
            "setting: bad period" => ["run", "x.csv", "--period", "2025-Q5", .. lang],
            "evaluation file: three bad values" => ["run", "--config", Config(language)],
            "evaluation file: not JSON" => ["run", "--config", Write($"broken-{language.Code}.json", "{\"lang\": \"" + language.Code + "\", "), .. lang],
            "refusal: no such file" => ["run", Path.Combine(folder, "nothere.csv"), "--out", Path.Combine(folder, "o"), .. lang],
            "refusal: unknown format" => ["run", Write("notes.docx", "x"), "--out", Path.Combine(folder, "o"), .. lang],
            "refusal: empty file" => ["run", Write("empty.csv", ""), "--out", Path.Combine(folder, "o"), .. lang],
            "refusal: required columns missing" => ["run", Write("two-columns.csv", "a;b\n1;2\n"), "--out", Path.Combine(folder, "o"), .. lang],
            "refusal: folder without exports" => ["run", EmptyFolder(), "--out", Path.Combine(folder, "o"), .. lang],
            "refusal: old xls" => ["run", Write("old.xls", "x"), "--out", Path.Combine(folder, "o"), .. lang],
            "output folder: not a result" => ["run", TestFiles.Data("kobo-fr-semicolon-bom.csv"), "--out", NotAResult(), "--quiet", .. lang],
            "nothing to score: a header only" => ["run", HeaderOnly(), "--out", Path.Combine(folder, "o"), "--quiet", .. lang],
            "validate" => ["validate", TestFiles.Data("kobo-fr-semicolon-bom.csv"), "--quiet", "--threads", "1", .. lang],
            "summary" => ["run", TestFiles.Data("kobo-fr-semicolon-bom.csv"), "--out", Path.Combine(TestFiles.TempFolder(), "results"), "--quiet",
                .. SampleResults.TablesOnly, .. lang],
            _ => throw new ArgumentException(path),
        };
        return args;
    }

    /// <summary>An evaluation file in a language with three bad values (an unknown key, a bad period, a bad minCell).</summary>
    private static string Config(Language language) =>
        Write($"three-bad-{language.Code}.json", "{\n  \"lang\": \"" + language.Code + "\",\n  \"inputs\": [\"a.csv\"],\n  \"minCel\": 3,\n  \"period\": \"zz\",\n  \"minCell\": 0\n}\n");

    private static string Write(string name, string text)
    {
        var path = Path.Combine(Folder.Value, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string NotAResult()
    {
        var path = Path.Combine(Folder.Value, "not-a-result");
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "notes.txt"), "mine");
        return path;
    }

    private static string HeaderOnly() =>
        Write("header-only.csv", File.ReadLines(TestFiles.Data("kobo-fr-semicolon-bom.csv")).First() + "\n");

    private static string EmptyFolder()
    {
        var path = Path.Combine(Folder.Value, "no-exports");
        Directory.CreateDirectory(path);
        return path;
    }
}
