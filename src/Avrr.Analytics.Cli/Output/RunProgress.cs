using System.Diagnostics;
using Avrr.Analytics.Runs.Results;
using Spectre.Console;

namespace Avrr.Analytics.Cli.Output;

/// <summary>
/// Progress for people, on standard error so that standard output holds only the summary or report: a
/// live status line when that console is interactive, plain log lines otherwise (CI, pipes), nothing
/// with --quiet. Each line gives the stage, the share of the inputs read (bytes of their total size),
/// the rows and an estimate of the time left, in the run's language.
/// </summary>
internal static class RunProgress
{
    public static T Run<T>(IAnsiConsole console, ProgressConsole progress, Words words, bool quiet, Func<IRunObserver, T> work)
    {
        if (quiet) return work(new Silent(console));
        if (progress.Console.Profile.Capabilities.Interactive)
            return progress.Console.Status().Spinner(Spinner.Known.Dots).Start(words.Stage("starting"), status => work(new Live(console, status, words)));
        return work(new LogLines(console, progress.Console, words));
    }

    /// <summary>Notes are printed even with --quiet, with the summary: they say that files beside the result were changed.</summary>
    private static void PrintNote(IAnsiConsole console, string message) => console.MarkupLine("[yellow]note:[/] " + TerminalText.Markup(message));

    /// <summary>"stage: 45% (120,000 rows, about 3 s left)"; the time left once enough is read to tell.</summary>
    public static string Line(Words words, string stage, long rows, double fraction, TimeSpan elapsed)
    {
        var left = fraction > 0.02 && fraction < 1 ? elapsed.TotalSeconds * (1 - fraction) / fraction : double.NaN;
        var leftText = double.IsNaN(left) ? "?" : words.Format(words.Seconds, Math.Ceiling(left));
        return words.Format(words.Progress, words.Stage(stage), fraction * 100, rows, leftText);
    }

    private sealed class Silent(IAnsiConsole console) : IRunObserver
    {
        public void Stage(string name) { }
        public void Rows(long total, double fraction) { }
        public void Note(string message) => PrintNote(console, message);
    }

    private sealed class Live(IAnsiConsole console, StatusContext status, Words words) : IRunObserver
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
            status.Status(Markup.Escape(words.Stage(name)));
        }

        public void Rows(long total, double fraction)
        {
            var now = _clock.ElapsedMilliseconds;
            if (now - _lastUpdate < 100) return;
            _lastUpdate = now;
            status.Status(Markup.Escape(Line(words, _stage, total, fraction, _clock.Elapsed)));
        }
    }

    private sealed class LogLines(IAnsiConsole console, IAnsiConsole progress, Words words) : IRunObserver
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
            progress.WriteLine(words.Format("avrr: {0,6:0.00} s  {1}", _total.Elapsed.TotalSeconds, words.Stage(name)));
        }

        public void Rows(long total, double fraction)
        {
            var now = _clock.ElapsedMilliseconds;
            if (now - _lastLine < 5000) return;
            _lastLine = now;
            progress.WriteLine("avrr: " + Line(words, _stage, total, fraction, _clock.Elapsed));
        }
    }
}
