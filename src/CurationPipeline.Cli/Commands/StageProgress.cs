using System.Globalization;
using CurationPipeline.Hosting;
using Spectre.Console;

namespace CurationPipeline.Cli.Commands;

/// <summary>
/// Shows the stages of a run while it works, on stderr: Spectre progress bars with counts on a terminal, one plain
/// line per update when the stream is redirected (logs, CI) or has no escape codes (NO_COLOR).
/// </summary>
internal sealed class StageProgress(IAnsiConsole errors, IReadOnlyList<StageCounters> stages, TimeProvider time)
{
    public TimeSpan PlainInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A status line shown under the stages (the model calls), or null.</summary>
    public Func<string>? Status { get; init; }

    public async Task WatchAsync(Task work)
    {
        if (errors.Profile.Capabilities is { Interactive: true, Ansi: true })
        {
            await errors.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    var tasks = stages.Select(s => ctx.AddTask(s.Name, maxValue: 1)).ToList();
                    var status = Status is null ? null : ctx.AddTask("", maxValue: 1);
                    while (true)
                    {
                        if (status is not null)
                        {
                            status.Description = Markup.Escape(Status!());
                        }

                        var done = work.IsCompleted;
                        for (var i = 0; i < stages.Count; i++)
                        {
                            var s = stages[i];
                            var upstream = i == 0 ? Math.Max(s.Received, 1) : Math.Max(stages[i - 1].Emitted, 1);
                            tasks[i].MaxValue = done ? Math.Max(s.Received, 1) : Math.Max(upstream, s.Received);
                            tasks[i].Value = Math.Max(s.Received, done ? tasks[i].MaxValue : 0);
                            tasks[i].Description = $"{s.Name,-11} {s.Received,7} in {s.Rejected,5} rejected";
                        }

                        if (done)
                        {
                            break;
                        }

                        await Task.WhenAny(work, Task.Delay(200));
                    }
                });
        }
        else
        {
            var start = time.GetTimestamp();
            while (!work.IsCompleted)
            {
                await Task.WhenAny(work, Task.Delay(PlainInterval));
                var seconds = time.GetElapsedTime(start).TotalSeconds;
                var parts = stages.Select(s => string.Create(CultureInfo.InvariantCulture,
                    $"{s.Name} {s.Received} ({s.Received / Math.Max(seconds, 0.001):0}/s, {s.Rejected} rej)"));
                errors.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{seconds,6:0.0}s] ") + string.Join("  ", parts));
                if (Status is not null)
                {
                    errors.WriteLine("         " + Status());
                }
            }
        }

        await work;
    }
}
