namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// Messages that help (issue 12 §13, issue 17 §9 and §10): "did you mean" for flags and keys, configuration
/// errors that name the key and its line in words and list every problem at once, precise messages for
/// values that used to crash or say a .NET type's name. Each exits 2 and writes nothing.
/// </summary>
public sealed class MessagesTests
{
    private static string Config(string json)
    {
        var path = Path.Combine(TestFiles.TempFolder(), "q3.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static string NewOut() => Path.Combine(TestFiles.TempFolder(), "results");

    private static string ErrorOf(AvrrCall call) => string.Join('\n', call.Output.Split('\n').SkipWhile(l => !l.StartsWith("error:", StringComparison.Ordinal)));

    [Fact]
    public void An_evaluation_file_that_is_not_utf8_is_a_usage_error_naming_its_line_not_a_crash()
    {
        // Found by the fuzz harness: a value saved in Windows-1252 ("Sénégal") made the reader throw deep inside.
        var path = Path.Combine(TestFiles.TempFolder(), "q3.json");
        File.WriteAllBytes(path, [.. "{\n  \"recode\": { \"country\": { \"S"u8, 0xE9, .. "n\u00e9gal\": \"SEN\" } }\n}"u8]);
        var out_ = NewOut();

        var call = Avrr.Expect(2, "run", Samples.Sample, "--config", path, "--out", out_);

        Assert.Contains($"--config {path}, line 2: the file is not UTF-8 text", ErrorOf(call));
        Assert.False(Directory.Exists(out_));
    }

    [Theory]
    [InlineData("--min-cel", "--min-cell")]
    [InlineData("--levles", "--levels")]
    [InlineData("--date-fromat", "--date-format")]
    public void An_unknown_flag_gets_did_you_mean(string typo, string meant)
    {
        var call = Avrr.Expect(2, "run", Samples.Sample, typo, "5", "--out", NewOut());
        Assert.Contains($"did you mean {meant}?", call.Output);
        Assert.Contains("Run 'avrr run --help' for the flags.", call.Output);
        Assert.DoesNotContain("USAGE", call.Output);
    }

    [Fact]
    public void An_unknown_config_key_gets_did_you_mean_with_its_line()
    {
        var config = Config("{\n  \"levels\": [\"country+sex\"],\n  \"minCells\": 10\n}");
        var call = Avrr.Expect(2, "run", Samples.Sample, "--config", config, "--out", NewOut());
        Assert.Contains($"--config {config}, line 3: \"minCells\" is not a key of an evaluation file; did you mean \"minCell\"?", call.Output);
    }

    [Fact]
    public void Every_problem_of_a_config_file_is_listed_at_once_in_words_with_its_line_never_a_type_name()
    {
        var config = Config("""
            {
              "minCell": "five",
              "levels": [null],
              "inputs": [null],
              "columns": { "returnee_id": null },
              "indicators": "yes",
              "outt": "x"
            }
            """);
        var call = Avrr.Expect(2, "run", Samples.Sample, "--config", config, "--out", NewOut());
        var error = ErrorOf(call);
        Assert.Contains($"--config {config} has 6 problems:", error);
        Assert.Contains("line 2: \"minCell\" must be a whole number, got the text \"five\"", error);
        Assert.Contains("line 3: \"levels\" must be a list of texts, such as [\"a\", \"b\"]; item 1 is null", error);
        Assert.Contains("line 4: \"inputs\" must be a list of texts, such as [\"a\", \"b\"]; item 1 is null", error);
        Assert.Contains("line 5: \"columns\" gives \"returnee_id\" null; give the header of the export that holds it", error);
        Assert.Contains("line 6: \"indicators\" must be true or false, got the text \"yes\"", error);
        Assert.Contains("line 7: \"outt\" is not a key of an evaluation file; did you mean \"out\"?", error);
        Assert.DoesNotContain("System.", error);
        Assert.DoesNotContain("Nullable", error);
        Assert.DoesNotContain("could not be mapped", error);
    }

    [Fact]
    public void Two_ids_mapped_to_one_header_are_a_configuration_error_naming_the_key()
    {
        var config = Config("""{ "columns": { "returnee_id": "case", "country": "Case" } }""");
        var call = Avrr.Expect(2, "run", Samples.Sample, "--config", config, "--out", NewOut());
        Assert.Contains("line 1: \"columns\" gives the header 'case' to \"returnee_id\" and \"country\"; a header holds one column", call.Output);
    }

    [Fact]
    public void A_config_file_saved_with_a_byte_order_mark_is_read()
    {
        var path = Path.Combine(TestFiles.TempFolder(), "q3.json");
        File.WriteAllText(path, "{\n  \"minCell\": 1\n}", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Avrr.Expect(0, "validate", Samples.Clean, "--config", path, "--quiet");
    }

    [Fact]
    public void Not_json_at_all_is_worded_with_its_line()
    {
        var config = Config("{\n  \"minCell\": 5\n  \"lang\": \"fr\"\n}");
        var call = Avrr.Expect(2, "run", Samples.Sample, "--config", config, "--out", NewOut());
        Assert.Contains($"--config {config}, line 3: the file is not valid JSON", call.Output);
        Assert.DoesNotContain("LineNumber", call.Output);
    }

    [Theory]
    [InlineData(new[] { "--min-cell", "2147483648" }, "--min-cell 2147483648: must be a whole number from 1 to 2,147,483,647")]
    [InlineData(new[] { "--date-format", "" }, "--date-format \"\": is not a date format that writes a day, a month and a year")]
    [InlineData(new[] { "--weight", "returnee_id" }, "--weight returnee_id: is the returnee_id column of the survey, not a column of sampling weights")]
    [InlineData(new[] { "--weight", "can_borrow" }, "--weight can_borrow: is a question of rss-15, not a column of sampling weights")]
    [InlineData(new[] { "--max-rejected-share", "lots" }, "--max-rejected-share lots: must be a share between 0 and 1")]
    [InlineData(new[] { "--keep", "latest" }, "--keep latest: must be first or last")]
    [InlineData(new[] { "--period", "2025-Q5" }, "--period 2025-Q5: must be a quarter such as 2025-Q3, or a year such as 2025")]
    [InlineData(new[] { "--from", "01/07/2025" }, "--from 01/07/2025: must be a date written yyyy-MM-dd")]
    [InlineData(new[] { "--from", "2025-10-01", "--to", "2025-09-30" }, "--from 2025-10-01: is after the end of the period (2025-09-30)")]
    public void A_bad_value_gets_a_precise_message_and_exit_2(string[] flags, string message)
    {
        var out_ = NewOut();
        var call = Avrr.Expect(2, ["run", Samples.Sample, "--out", out_, .. flags]);
        Assert.Contains("error: " + message, call.Output);
        Assert.False(Directory.Exists(out_));
    }

    [Fact]
    public void A_value_from_the_config_file_is_worded_as_its_key_with_its_line()
    {
        var config = Config("{\n  \"dateFormat\": \"\",\n  \"keep\": \"first\"\n}");
        var call = Avrr.Expect(2, "validate", Samples.Sample, "--config", config, "--quiet");
        Assert.Contains($"error: \"dateFormat\": \"\" in {config}, line 2: is not a date format", call.Output);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("validate")]
    [InlineData("sample")]
    [InlineData("init")]
    public void An_unknown_language_is_an_error_everywhere(string command)
    {
        string[] args = command switch
        {
            "sample" => ["sample", "--out", Path.Combine(TestFiles.TempFolder(), "s.csv"), "--lang", "de"],
            "init" => ["init", Samples.Sample, "--out", Path.Combine(TestFiles.TempFolder(), "e.json"), "--lang", "de"],
            _ => [command, Samples.Sample, "--out", NewOut(), "--lang", "de"],
        };
        if (command == "validate") args = ["validate", Samples.Sample, "--lang", "de"];
        var call = Avrr.Expect(2, args);
        Assert.Contains("--lang de", call.Output);
    }

    [Fact]
    public void Scheme_show_refuses_an_unknown_language()
    {
        Assert.Contains("--lang de", Avrr.Expect(2, "scheme", "show", "--lang", "de").Output);
    }
}
