using System.Diagnostics;

namespace Avrr.Analytics.Tests.Fuzzing;

/// <summary>
/// Runs a target on mutated inputs a fixed number of times (the same inputs on every machine), each
/// within a bound so that a hang fails instead of stalling CI. An outcome that is not one of the
/// documented ones (a result, or a refusal of the documented types) fails the test, naming the seed,
/// the iteration and the file left behind to reproduce it. AVRR_FUZZ_ITERATIONS runs longer.
/// </summary>
internal static class FuzzLoop
{
    public static int Iterations(int ci) =>
        int.TryParse(Environment.GetEnvironmentVariable("AVRR_FUZZ_ITERATIONS"), out var asked) && asked > 0 ? asked : ci;

    /// <param name="make">Writes the mutated input of an iteration (a file or a folder) and returns its path.</param>
    /// <param name="target">Reads it; returns normally for a result, or throws.</param>
    /// <param name="refusals">The exception types that are documented refusals.</param>
    public static void Run(int seed, int iterations, Func<Mutator, int, string> make, Action<string> target, params Type[] refusals) =>
        Run(seed, iterations, TimeSpan.FromSeconds(20), make, target, refusals);

    /// <param name="bound">How long one input may take: a target with a time limit of its own needs a longer bound.</param>
    public static void Run(int seed, int iterations, TimeSpan bound, Func<Mutator, int, string> make, Action<string> target, params Type[] refusals)
    {
        var mutator = new Mutator(seed);
        var clock = Stopwatch.StartNew();
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < iterations; i++)
        {
            var path = make(mutator, i);
            var run = Task.Run(() => target(path));
            if (Task.WhenAny(run, Task.Delay(bound)).GetAwaiter().GetResult() != run)
                Assert.Fail($"seed {seed}, iteration {i}: the target did not finish within {bound.TotalSeconds:N0} s on {path}");
            if (run.Exception?.InnerException is { } e && !refusals.Contains(e.GetType()))
                Assert.Fail($"seed {seed}, iteration {i}: {e.GetType().Name} on {path}: {e}");
            var outcome = run.Exception?.InnerException?.GetType().Name ?? "result";
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else File.Delete(path);
        }
        // What the inputs gave, so that a harness whose mutations are all refused at the door shows it.
        Console.WriteLine($"fuzz seed {seed}: {iterations} inputs in {clock.Elapsed.TotalSeconds:0.0} s: {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))}");
    }
}
