using System.Text;
using Avrr.Analytics.Cli;
using Avrr.Analytics.Tests.Fuzzing;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// The evaluation file's parser never crashes and never hangs: on thousands of seeded mutations of real
/// evaluation files (the example in data-samples, every key with a value, comments and trailing commas),
/// every outcome is a loaded file or a UsageException that names the file (exit code 2); and a validation
/// configured by a mutated file ends with one of the documented exit codes, never 4 (a crash).
/// </summary>
[Trait("Category", "Slow")]
public sealed class EvaluationFileFuzzTests
{
    private static readonly string[] Seeds =
    [
        File.ReadAllText(Path.Combine(TestFiles.Repository, "data-samples", "evaluation.json")),
        """
        {
          // every key, as docs/commands.md lists them
          "inputs": ["exports/", "more/RSS_2026_Q3.xlsx"],
          "out": "results-2026-q3",
          "scheme": null,
          "levels": ["country+sex", "assistance_type"],
          "weight": "weight",
          "cluster": "community",
          "strata": "country",
          "minCell": 5,
          "lang": "fr",
          "formats": ["csv", "parquet"],
          "dateFormat": "dd/MM/yyyy",
          "sheet": "données",
          "indicators": false,
          "maxRejectedShare": 0.25,
          "columns": { "returnee_id": "case_number", "weight": "poids", },
          "$comment": "trailing commas and comments are allowed",
        }
        """,
        """{ "inputs": [], "columns": {}, "levels": [] }""",
    ];

    [Fact]
    public void Mutated_evaluation_files_are_loaded_or_refused_as_usage_errors_never_a_crash_or_a_hang()
    {
        var folder = TestFiles.TempFolder();
        var seeds = Seeds.Select(Encoding.UTF8.GetBytes).ToArray();
        FuzzLoop.Run(4, FuzzLoop.Iterations(3000), (mutator, i) =>
            {
                var path = Path.Combine(folder, $"fuzz-{i}.json");
                var from = mutator.Next(seeds.Length);
                File.WriteAllBytes(path, mutator.Mutate(seeds[from], seeds[mutator.Next(seeds.Length)]));
                return path;
            },
            path =>
            {
                try { EvaluationFile.Load(path); }
                catch (UsageException e)
                {
                    Assert.Contains(path, e.Message, StringComparison.Ordinal);
                    throw;
                }
            },
            typeof(UsageException));
    }

    [Fact]
    public void Validations_configured_by_mutated_files_end_with_a_documented_exit_code_never_a_crash()
    {
        var folder = TestFiles.TempFolder();
        var seed = Encoding.UTF8.GetBytes($$"""
            { "inputs": ["{{TestFiles.Data("plain.csv")}}"], "levels": ["country+sex"], "weight": "weight", "cluster": "community", "minCell": 5,
              "lang": "fr", "formats": ["csv"], "dateFormat": null, "sheet": null, "indicators": false, "columns": { "round": "round" } }
            """);
        FuzzLoop.Run(5, FuzzLoop.Iterations(150), (mutator, i) =>
            {
                var path = Path.Combine(folder, $"fuzz-{i}.json");
                File.WriteAllBytes(path, mutator.Mutate(seed, seed));
                return path;
            },
            path =>
            {
                var call = Avrr.Run("validate", "--config", path, "--quiet");
                Assert.True(call.ExitCode is 0 or 1 or 2 or 3, call.ToString());
            });
    }
}
