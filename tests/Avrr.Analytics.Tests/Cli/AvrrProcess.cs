using System.Diagnostics;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// Runs <c>avrr</c> as a child process (the CLI assembly beside the tests), for what an in-process call
/// cannot show: another working folder or home folder, a second process, a signal, a kill.
/// </summary>
internal static class AvrrProcess
{
    public static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Avrr.Analytics.Cli.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return start;
    }

    /// <summary>Runs to the end (at most two minutes) and returns the exit code and everything printed.</summary>
    public static AvrrCall Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, environment, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"avrr {string.Join(' ', args)} did not finish within two minutes");
        }
        return new AvrrCall(process.ExitCode, output.Result + error.Result);
    }
}
