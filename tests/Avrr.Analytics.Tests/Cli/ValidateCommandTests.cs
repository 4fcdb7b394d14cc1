using Avrr.Analytics.Cli;
using Spectre.Console;

namespace Avrr.Analytics.Tests.Cli;

/// <summary><c>avrr validate</c> and <c>avrr run</c> through the CLI entry point, with a console that writes to a string.</summary>
public sealed class ValidateCommandTests
{
    private static (int Exit, string Output) Avrr(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 1000;     // no wrapping of long lines
        var exit = AvrrApp.Run(args, console);
        return (exit, writer.ToString());
    }

    [Fact]
    public void Validate_exits_0_when_every_row_is_valid()
    {
        var (exit, output) = Avrr("validate", TestFiles.Data("kobo-fr-semicolon-bom.csv"), "--quiet", "--threads", "1");
        Assert.Equal(0, exit);
        Assert.Contains($"{TestFiles.Data("kobo-fr-semicolon-bom.csv")}: CSV, ';' separated, UTF-8 with byte order mark", output, StringComparison.Ordinal);
        Assert.Contains("8 rows read, 8 valid, 0 rejected", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_exits_1_with_rejects_and_prints_the_count_and_first_rejects_of_each_reason()
    {
        var path = TestFiles.Data("several-reasons-one-row.csv");
        var (exit, output) = Avrr("validate", path, "--quiet");
        Assert.Equal(1, exit);
        Assert.Contains("2 rows read, 1 valid, 1 rejected", output, StringComparison.Ordinal);
        Assert.Contains("invalid_answer: 2", output, StringComparison.Ordinal);
        Assert.Contains("invalid_date: 1", output, StringComparison.Ordinal);
        Assert.Contains("invalid_weight: 1", output, StringComparison.Ordinal);
        Assert.Contains("missing_value: 1", output, StringComparison.Ordinal);
        Assert.Contains($"  {path} row 3: survey_date '2026-99-99' is not a date", output, StringComparison.Ordinal);
        Assert.Contains($"  {path} row 3: weight '-2' is not a positive number", output, StringComparison.Ordinal);
        Assert.Contains($"  {path} row 3: 'peut-être' is not an answer of can_borrow", output, StringComparison.Ordinal);
        Assert.Contains($"  {path} row 3: country is required and is empty", output, StringComparison.Ordinal);
        // The most frequent reason first.
        Assert.True(output.IndexOf("invalid_answer: 2", StringComparison.Ordinal) < output.IndexOf("invalid_date: 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_of_several_inputs_names_the_source_of_each_reject()
    {
        var (exit, output) = Avrr("validate", TestFiles.Data("reject-invalid-weight.csv"), TestFiles.Data("reject-missing-value.csv"), "--quiet");
        Assert.Equal(1, exit);
        Assert.Contains("13 rows read, 4 valid, 9 rejected", output, StringComparison.Ordinal);
        Assert.Contains($"{TestFiles.Data("reject-invalid-weight.csv")} row 2: weight '0'", output, StringComparison.Ordinal);
        Assert.Contains($"{TestFiles.Data("reject-missing-value.csv")} row 4: returnee_id is required and is empty", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_takes_the_date_format_and_sheet_flags()
    {
        Assert.Equal(1, Avrr("validate", TestFiles.Data("date-format-dmy.csv"), "--quiet").Exit);
        var (exit, output) = Avrr("validate", TestFiles.Data("date-format-dmy.csv"), "--date-format", "dd/MM/yyyy", "--quiet");
        Assert.Equal(0, exit);
        Assert.Contains("3 rows read, 3 valid, 0 rejected", output, StringComparison.Ordinal);
        Assert.Equal(0, Avrr("validate", TestFiles.Data("xlsx-data-on-second-sheet.xlsx"), "--sheet", "données", "--quiet").Exit);
    }

    [Theory]
    [InlineData("empty.csv", "the file is empty")]
    [InlineData("binary-garbage.csv", "the file is not text")]
    [InlineData("missing-required-column.csv", "the required column survey_date is missing (closest header: 'survey_dat')")]
    [InlineData("two-headers-one-id.csv", "the headers 'econ_satisfaction' and 'grp_eco/econ_satisfaction' both map to the column econ_satisfaction")]
    public void Validate_exits_3_for_a_refused_input(string fixture, string problem)
    {
        var (exit, output) = Avrr("validate", TestFiles.Data(fixture), "--quiet");
        Assert.Equal(3, exit);
        Assert.Contains($"input refused: {TestFiles.Data(fixture)}: ", output, StringComparison.Ordinal);
        Assert.Contains(problem, output, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_input_is_taken_for_an_evaluation_file_given_without_config_exit_2()
    {
        // Issue 22 §4: "unknown format '.json'" gave no hint of --config.
        var (exit, output) = Avrr("validate", TestFiles.Data("unknown-format.json"), "--quiet");
        Assert.Equal(2, exit);
        Assert.Contains($"{TestFiles.Data("unknown-format.json")} is an evaluation file, not an export: give it with --config (avrr validate --config ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_exits_3_for_a_refused_input_and_creates_no_result_folder()
    {
        var parent = TestFiles.TempFolder();
        var results = Path.Combine(parent, "results");
        var (exit, output) = Avrr("run", TestFiles.Data("plain.csv"), TestFiles.Data("empty.csv"), "--out", results, "--quiet");
        Assert.Equal(3, exit);
        Assert.Contains("the file is empty", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(parent));
    }

    [Fact]
    public void Run_exits_1_when_the_rejected_share_is_above_the_threshold_and_0_without_rejects()
    {
        var results = Path.Combine(TestFiles.TempFolder(), "results");
        Assert.Equal(1, Avrr("run", TestFiles.Data("reject-missing-design-value.csv"), "--out", results, "--cluster", "cluster_id", "--quiet", "--formats", "csv").Exit);
        Assert.Contains("missing_design_value", File.ReadAllText(Path.Combine(results, "rejects.csv")), StringComparison.Ordinal);
        Assert.Equal(0, Avrr("run", TestFiles.Data("plain.parquet"), "--out", results, "--quiet", "--formats", "csv").Exit);
        Assert.Equal(["returnee_id,round,survey_date,quarter,country,community,weight,sex"],
            File.ReadLines(Path.Combine(results, "returnee_scores.csv")).Take(1).Select(l => string.Join(',', l.Split(',').Take(8))));
    }
}
