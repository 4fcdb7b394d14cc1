using System.Text.Json.Nodes;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Merging;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Tests.Fuzzing;

namespace Avrr.Analytics.Tests.Runs.Merging;

/// <summary>
/// The merge never crashes and never hangs on a damaged or edited partial (issue 23): on seeded mutations of real
/// partials (cells and returnee summaries, with and without a design), merged with an intact one, every outcome is a
/// merged result or a documented refusal (PartialRefusedException, exit 3; PartialsDisagreeException, exit 2). A
/// mutation changes a table's bytes or partial.json's (the hashes left as they were, or computed again as a forger
/// would, so that the readers and the cross-checks see the damage), or one value of partial.json's "partial" object.
/// </summary>
public sealed class PartialFuzzTests
{
    private sealed class Made
    {
        public MergeFixture F { get; } = new();
        public (string Mutated, string Intact)[] Pairs { get; }

        public Made()
        {
            var (first, second) = (F.Write("fuzz-1", F.Rows.Take(900)), F.Write("fuzz-2", F.Rows.Skip(900)));
            Pairs =
            [
                (F.Partial("fuzz-cells-1", [first], Design.WeightsOnly), F.Partial("fuzz-cells-2", [second], Design.WeightsOnly)),
                (F.Partial("fuzz-returnees-1", [first], Design.StrataClusters, PartialPanel.Returnees), F.Partial("fuzz-returnees-2", [second], Design.StrataClusters, PartialPanel.Returnees)),
            ];
        }
    }

    private static readonly Lazy<Made> Shared = new(() => new Made());

    private static readonly JsonNode?[] Replacements =
        [-1, 0, 1, long.MaxValue, 1e308, -1e-320, 2.5, "", "x", "../../etc/passwd", "a\u0000b", new string('z', 100_000), null, true, new JsonArray(), new JsonObject()];

    private static string Copy(string partial, string to)
    {
        foreach (var file in Directory.EnumerateFiles(partial, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(partial, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return to;
    }

    /// <summary>Every value (leaf) of a JSON tree, with a way to replace it.</summary>
    private static List<(JsonNode Parent, object Key)> Leaves(JsonNode node)
    {
        var leaves = new List<(JsonNode, object)>();
        void Walk(JsonNode n)
        {
            if (n is JsonObject o)
                foreach (var (key, value) in o.ToArray())
                {
                    if (value is JsonObject or JsonArray) Walk(value);
                    leaves.Add((o, key));
                }
            else if (n is JsonArray a)
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonObject or JsonArray) Walk(a[i]!);
                    leaves.Add((a, i));
                }
        }
        Walk(node);
        return leaves;
    }

    private static string Mutate(Mutator mutator, string partial, string folder)
    {
        var copy = Copy(partial, folder);
        var files = Directory.EnumerateFiles(copy, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        switch (mutator.Next(4))
        {
            case 0:
            {
                // Bytes changed, hashes left: the merge must see the change.
                var file = files[mutator.Next(files.Length)];
                File.WriteAllBytes(file, mutator.Mutate(File.ReadAllBytes(file), File.ReadAllBytes(files[mutator.Next(files.Length)])));
                break;
            }
            case 1:
            {
                // A table's bytes changed and every hash computed again: the readers and the cross-checks see the damage.
                var tables = files.Where(f => f.EndsWith(".parquet", StringComparison.Ordinal)).ToArray();
                var file = tables[mutator.Next(tables.Length)];
                File.WriteAllBytes(file, mutator.Mutate(File.ReadAllBytes(file), File.ReadAllBytes(tables[mutator.Next(tables.Length)])));
                PartialForgery.Edit(copy);
                break;
            }
            case 2:
                // One value of the descriptor's object replaced, then hashed again.
                PartialForgery.Edit(copy, body =>
                {
                    var leaves = Leaves(body);
                    var (parent, key) = leaves[mutator.Next(leaves.Count)];
                    var value = Replacements[mutator.Next(Replacements.Length)]?.DeepClone();
                    if (parent is JsonObject o) o[(string)key] = value;
                    else ((JsonArray)parent)[(int)key] = value;
                });
                break;
            default:
            {
                var descriptor = Path.Combine(copy, "partial.json");
                File.WriteAllBytes(descriptor, mutator.Mutate(File.ReadAllBytes(descriptor), File.ReadAllBytes(descriptor)));
                break;
            }
        }
        return copy;
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void Damaged_and_edited_partials_give_a_merged_result_or_a_refusal_never_a_crash_or_a_hang(int seed)
    {
        var made = Shared.Value;
        var folder = TestFiles.TempFolder();
        var pairs = new Dictionary<string, string>();
        // A table the Parquet library would read forever is refused after its time limit (10 s for these small files): the bound is past it.
        FuzzLoop.Run(seed, FuzzLoop.Iterations(120), TimeSpan.FromSeconds(60), (mutator, i) =>
            {
                var (mutated, intact) = made.Pairs[mutator.Next(made.Pairs.Length)];
                var copy = Mutate(mutator, mutated, Path.Combine(folder, $"fuzz-{i}"));
                pairs[copy] = intact;
                return copy;
            },
            copy =>
            {
                var out_ = copy + "-merged";
                try
                {
                    EvaluationMerge.Execute(new MergeSettings { Partials = [copy, pairs[copy]], OutputFolder = out_, Formats = OutputFormats.Csv, Report = false });
                }
                finally
                {
                    if (Directory.Exists(out_)) Directory.Delete(out_, recursive: true);
                }
            },
            typeof(PartialRefusedException), typeof(PartialsDisagreeException));
    }
}
