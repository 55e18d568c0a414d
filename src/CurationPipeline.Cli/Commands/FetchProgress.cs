using System.Collections.Concurrent;
using System.Globalization;
using CurationPipeline.Datasets;
using Spectre.Console;

namespace CurationPipeline.Cli.Commands;

/// <summary>
/// Shows a dataset fetch while it works: Spectre progress bars with bytes and rate on a terminal; on a redirected
/// stream, a plain line per update (files done, bytes, percent, rate) with no escape codes. Notes and errors are
/// written as they happen.
/// </summary>
internal sealed class FetchProgress(IAnsiConsole console, int files, TimeProvider time) : IFetchObserver
{
    private readonly ConcurrentDictionary<string, Active> _active = new(StringComparer.Ordinal);
    private readonly Lock _write = new();

    /// <summary>Lines written while the live display runs: printed by the display's own loop, never from another thread.</summary>
    private readonly ConcurrentQueue<string> _pending = new();
    private volatile bool _showing;

    /// <summary>Per dataset, the last error printed and how many later files failed the same way (printed once, at the end).</summary>
    private readonly Dictionary<string, (string Reason, int More)> _errors = new(StringComparer.Ordinal);
    private readonly long _start = time.GetTimestamp();
    private int _done;
    private long _finishedBytes;

    private sealed class Active(long first, long start)
    {
        public long First { get; } = first;

        public long Start { get; } = start;

        public long Bytes { get; set; }

        public long? Total { get; set; }
    }

    /// <summary>Seconds between plain progress lines.</summary>
    public TimeSpan PlainInterval { get; init; } = TimeSpan.FromSeconds(1);

    private bool Live => console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi;

    public async Task<T> WatchAsync<T>(Task<T> work)
    {
        if (Live)
        {
            await console.Progress()
                .AutoClear(true)
                .HideCompleted(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
                .StartAsync(async ctx =>
                {
                    _showing = true;
                    var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                    while (!work.IsCompleted)
                    {
                        while (_pending.TryDequeue(out var line))
                        {
                            console.MarkupLine(line);
                        }

                        foreach (var (label, task) in tasks.Where(t => !_active.ContainsKey(t.Key)).ToList())
                        {
                            task.Value = task.MaxValue;
                            task.StopTask();
                            tasks.Remove(label);
                        }

                        foreach (var (label, active) in _active)
                        {
                            if (!tasks.TryGetValue(label, out var task))
                            {
                                tasks[label] = task = ctx.AddTask(Markup.Escape(label));
                            }

                            task.MaxValue = Math.Max(1, active.Total ?? active.Bytes);
                            task.Value = active.Bytes;
                        }

                        await Task.WhenAny(work, Task.Delay(100));
                    }

                    _showing = false;
                });
            while (_pending.TryDequeue(out var line))
            {
                console.MarkupLine(line);
            }
        }
        else
        {
            // A line when something moved, and at least every ten seconds while waiting.
            var last = "";
            var quiet = 0;
            while (!work.IsCompleted)
            {
                await Task.WhenAny(work, Task.Delay(PlainInterval));
                var state = string.Create(CultureInfo.InvariantCulture, $"{Volatile.Read(ref _done)} {Interlocked.Read(ref _finishedBytes)} {string.Join(',', _active.Select(a => a.Value.Bytes))}");
                if (!work.IsCompleted && (state != last || ++quiet >= 10))
                {
                    WriteLine(PlainLine(), "grey");
                    (last, quiet) = (state, 0);
                }
            }
        }

        foreach (var (dataset, (reason, more)) in _errors.Where(e => e.Value.More > 0))
        {
            WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: {dataset}: {more} more file(s) failed the same way ({reason})"), "red");
        }

        return await work;
    }

    public void Transfer(string label, long bytes, long? total)
    {
        var active = _active.GetOrAdd(label, _ => new Active(bytes, time.GetTimestamp()));
        active.Bytes = bytes;
        active.Total = total;
    }

    public void TransferEnded(string label)
    {
        if (_active.TryRemove(label, out var finished))
        {
            Interlocked.Add(ref _finishedBytes, finished.Bytes - finished.First);
        }
    }

    public void Note(string label, string message) => WriteLine($"{label}: {message}", "grey");

    public void Done(FileOutcome outcome)
    {
        Interlocked.Increment(ref _done);

        switch (outcome.Status)
        {
            case FileStatus.Failed or FileStatus.NotFound when !Repeated(outcome):
                WriteLine($"error: {outcome.Label}: {outcome.Detail}{Where(outcome)}", "red");
                break;
            case FileStatus.Skipped when outcome.Detail is not null:
                WriteLine($"warning: {outcome.Label} (optional) skipped: {outcome.Detail}{Where(outcome)}", "yellow");
                break;
        }
    }

    private static string Where(FileOutcome outcome) => outcome.Url is null ? "" : $" ({outcome.Url.AbsoluteUri})";

    /// <summary>True when the dataset's last error had the same reason: counted, not printed again.</summary>
    private bool Repeated(FileOutcome outcome)
    {
        var dataset = outcome.Dataset.Name;
        var reason = outcome.Detail ?? "";
        (string Reason, int More) last;
        lock (_write)
        {
            if (_errors.TryGetValue(dataset, out last) && last.Reason == reason)
            {
                _errors[dataset] = (reason, last.More + 1);
                return true;
            }

            _errors[dataset] = (reason, 0);
        }

        if (last.More > 0)
        {
            WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: {dataset}: {last.More} more file(s) failed the same way ({last.Reason})"), "red");
        }

        return false;
    }

    /// <summary>Files done, bytes moved and their rate, and each transfer under way with its percent.</summary>
    private string PlainLine()
    {
        var c = CultureInfo.InvariantCulture;
        var seconds = Math.Max(time.GetElapsedTime(_start).TotalSeconds, 0.001);
        var active = _active.ToArray();
        var moved = Interlocked.Read(ref _finishedBytes) + active.Sum(a => a.Value.Bytes - a.Value.First);
        var line = string.Create(c, $"[{seconds,5:0.0}s] {Volatile.Read(ref _done)} of {files} files, {Size(moved)} at {Size((long)(moved / seconds))}/s");
        foreach (var (label, a) in active.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var rate = (a.Bytes - a.First) / Math.Max(time.GetElapsedTime(a.Start).TotalSeconds, 0.001);
            var of = a.Total is { } total and > 0 ? string.Create(c, $" of {Size(total)} ({100.0 * a.Bytes / total:0}%)") : "";
            line += $"; {label} {Size(a.Bytes)}{of} {Size((long)rate)}/s";
        }

        return line;
    }

    private void WriteLine(string text, string colour)
    {
        lock (_write)
        {
            if (_showing)
            {
                _pending.Enqueue($"[{colour}]{Markup.Escape(text)}[/]");
            }
            else if (Live)
            {
                console.MarkupLine($"[{colour}]{Markup.Escape(text)}[/]");
            }
            else
            {
                // Straight to the writer: a plain line is never wrapped at the console's width.
                console.Profile.Out.Writer.WriteLine(text);
            }
        }
    }

    internal static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1073741824.0:0.00} GB"),
    };
}
