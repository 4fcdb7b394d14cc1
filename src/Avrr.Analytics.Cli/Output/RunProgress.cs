using System.Diagnostics;
using System.Globalization;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Results;
using Spectre.Console;

namespace Avrr.Analytics.Cli.Output;

/// <summary>
/// Progress for people: a live status line with rows/s when the console is interactive, plain log
/// lines otherwise (CI, pipes), nothing with --quiet.
/// </summary>
internal static class RunProgress
{
    public static T Run<T>(IAnsiConsole console, bool quiet, Func<IRunObserver, T> work)
    {
        if (quiet) return work(new Silent(console));
        if (console.Profile.Capabilities.Interactive)
        {
            return console.Status().Spinner(Spinner.Known.Dots).Start("starting", status => work(new Live(console, status)));
        }
        return work(new LogLines(console));
    }

    /// <summary>Notes are printed even with --quiet: they say that files beside the result were changed.</summary>
    private static void PrintNote(IAnsiConsole console, string message) => console.MarkupLine("[yellow]note:[/] " + Markup.Escape(message));

    private sealed class Silent(IAnsiConsole console) : IRunObserver
    {
        public void Stage(string name) { }
        public void Rows(long total) { }
        public void Note(string message) => PrintNote(console, message);
    }

    private sealed class Live(IAnsiConsole console, StatusContext status) : IRunObserver
    {
        public void Note(string message) => PrintNote(console, message);

        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private string _stage = "";
        private long _lastUpdate;

        public void Stage(string name)
        {
            _stage = name;
            _clock.Restart();
            _lastUpdate = 0;
            status.Status(name);
        }

        public void Rows(long total)
        {
            var now = _clock.ElapsedMilliseconds;
            if (now - _lastUpdate < 100) return;
            _lastUpdate = now;
            var rate = total / Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
            status.Status(string.Create(CultureInfo.CurrentCulture, $"{_stage}: {total:N0} rows ({rate:N0} rows/s)"));
        }
    }

    private sealed class LogLines(IAnsiConsole console) : IRunObserver
    {
        public void Note(string message) => PrintNote(console, message);

        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Stopwatch _total = Stopwatch.StartNew();
        private string _stage = "";
        private long _lastLine;

        public void Stage(string name)
        {
            _stage = name;
            _clock.Restart();
            _lastLine = 0;
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"avrr: {_total.Elapsed.TotalSeconds,6:0.00} s  {name}"));
        }

        public void Rows(long total)
        {
            var now = _clock.ElapsedMilliseconds;
            if (now - _lastLine < 5000) return;
            _lastLine = now;
            var rate = total / Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"avrr: {_stage}: {total:N0} rows ({rate:N0} rows/s)"));
        }
    }
}
