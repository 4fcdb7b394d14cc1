using System.Reflection;
using System.Text.RegularExpressions;
using Avrr.Analytics.Wording;

namespace Avrr.Analytics.Tests.Wording;

/// <summary>
/// The catalogue's two languages say the same things: every sentence is there in both, non-empty, with the same
/// values to fill in (a French sentence that drops {1} would hide a number), and the same kind of ending.
/// </summary>
public sealed class CatalogueTests
{
    public static TheoryData<string> Areas => new() { "Console", "Refusals", "Usage", "Folders" };

    private static object Area(Catalogue catalogue, string area) => typeof(Catalogue).GetProperty(area)!.GetValue(catalogue)!;

    [Theory]
    [MemberData(nameof(Areas))]
    public void Every_sentence_is_in_both_languages_with_the_same_values_to_fill_in(string area)
    {
        var (english, french) = (Area(Catalogue.English, area), Area(Catalogue.French, area));
        var properties = english.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string) && p.Name != "Language").ToArray();
        Assert.NotEmpty(properties);
        foreach (var property in properties)
        {
            var (en, fr) = ((string)property.GetValue(english)!, (string)property.GetValue(french)!);
            Assert.False(string.IsNullOrWhiteSpace(fr), $"{area}.{property.Name} is empty in French");
            Assert.False(string.IsNullOrWhiteSpace(en), $"{area}.{property.Name} is empty in English");
            Assert.True(Values(en).SetEquals(Values(fr)), $"{area}.{property.Name}: English fills in {{{string.Join(",", Values(en))}}}, French {{{string.Join(",", Values(fr))}}}");
            // A template must format in both (a stray brace throws only when the sentence is said); a sentence without
            // values to fill in (a kind of JSON value, with its own braces) is never formatted.
            if (Values(en).Count == 0) continue;
            _ = string.Format(System.Globalization.CultureInfo.InvariantCulture, en, Enumerable.Range(0, 6).Select(i => (object)i).ToArray());
            _ = string.Format(System.Globalization.CultureInfo.InvariantCulture, fr, Enumerable.Range(0, 6).Select(i => (object)i).ToArray());
        }
    }

    [Fact]
    public void A_language_is_known_by_its_code_whatever_its_case_and_nothing_else()
    {
        Assert.Same(Language.French, Language.Of(" FR "));
        Assert.Same(Language.English, Language.Of("en"));
        Assert.Null(Language.Of("de"));
        Assert.Null(Language.Of(null));
        Assert.Same(Language.French, Language.FromArgs(["run", "x.csv", "--lang=fr"]));
        Assert.Same(Language.English, Language.FromArgs(["run", "x.csv", "--lang"]));
    }

    [Fact]
    public void The_parser_messages_are_recognised_word_for_word_and_others_left_as_they_are()
    {
        Assert.Equal("Option inconnue 'perod'.", UsageText.French.Parser("Unknown option 'perod'."));
        Assert.Equal("Il manque à la commande 'merge' l'argument obligatoire 'PARTIAL'.", UsageText.French.Parser("Command 'merge' is missing required argument 'PARTIAL'."));
        Assert.Equal("Unknown option 'perod'.", UsageText.English.Parser("Unknown option 'perod'."));
        Assert.Equal("Something the parser never said.", UsageText.French.Parser("Something the parser never said."));
    }

    private static HashSet<string> Values(string template) =>
        Regex.Matches(template, @"(?<!\{)\{(\d+)").Select(m => m.Groups[1].Value).ToHashSet();
}
