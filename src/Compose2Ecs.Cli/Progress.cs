using System.Diagnostics;

namespace Compose2Ecs.Cli;

/// <summary>
/// Shows what a long command is doing, on stderr, only when stderr is a terminal and only
/// once the command has run for a second (quick runs stay quiet). With --verbose each stage's
/// time is printed as a line instead. Without a terminal (a CI log), each stage's start is a line
/// <c>[  0.4 s] planning 12 services</c> and the end <c>[  5.2 s] done</c>: no escape sequences.
/// </summary>
public sealed class Progress : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    private readonly Console2 _console;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private readonly Timer? _timer;
    private string _stage = "";
    private TimeSpan _stageStart;
    private bool _shown;
    private bool _disposed;
    private bool _complete;

    public Progress(Console2 console)
    {
        _console = console;
        if (console.Output.Progress && !console.Output.Verbose)
        {
            _timer = new Timer(_ => Render(), null, Delay, TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>Starts a stage, e.g. "planning 12 services".</summary>
    public void Stage(string text)
    {
        lock (_lock)
        {
            EndStage();
            _stage = text;
            _stageStart = _clock.Elapsed;
            Line(text);
        }
    }

    /// <summary>Ends the display after the command's work succeeded (a log then says "done").</summary>
    public void Complete()
    {
        _complete = true;
        Dispose();
    }

    /// <summary>Ends the display; a command may call it early (before printing warnings) and again on exit.</summary>
    public void Dispose()
    {
        _timer?.Dispose();
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            EndStage();
            if (_complete)
            {
                Line("done");
            }

            if (_shown)
            {
                _console.Error.Write("\r\u001b[K");
                _console.Error.Flush();
            }

            _stage = "";
        }
    }

    private void Line(string text)
    {
        if (_console.Output.ProgressLines && !_console.Output.Verbose)
        {
            _console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,5:F1} s] {text}"));
        }
    }

    private void EndStage()
    {
        if (_console.Output.Verbose && _stage.Length > 0)
        {
            _console.Error.WriteLine($"{_stage}: {(_clock.Elapsed - _stageStart).TotalSeconds:F1} s");
        }
    }

    private void Render()
    {
        lock (_lock)
        {
            if (_stage.Length == 0 || _clock.Elapsed < Delay)
            {
                return;
            }

            _shown = true;
            _console.Error.Write($"\r\u001b[K{_stage}… {_clock.Elapsed.TotalSeconds:F0} s");
            _console.Error.Flush();
        }
    }
}
