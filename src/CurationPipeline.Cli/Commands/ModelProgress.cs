using System.Globalization;
using CurationPipeline.Llm;
using Spectre.Console;

namespace CurationPipeline.Cli.Commands;

/// <summary>
/// One line on the model calls of a run as it goes: calls and cache hits, the batches (submitted, in progress,
/// ended, lines answered), what was spent and, against the run's plan (<c>plan.json</c>), the projected total.
/// </summary>
internal sealed class ModelProgress(ModelHub hub, PlanFile? plan)
{
    /// <summary>The line now.</summary>
    public string Line()
    {
        var usage = hub.Usage();
        var t = usage.Total;
        var c = CultureInfo.InvariantCulture;
        var line = string.Create(c, $"models: {t.Calls:N0} calls, {t.CacheHits:N0} from the cache");
        if (plan is { Calls: > 0 })
        {
            line += string.Create(c, $" (plan: {plan.Calls:N0} calls)");
        }

        if (usage.Batches is { } b)
        {
            line += string.Create(c, $"; batches: {b.Submitted} submitted, {b.InProgress} in progress, {b.Ended} ended, {b.LinesAnswered:N0} of {b.LinesSubmitted:N0} lines answered");
            if (b.LinesFailed > 0)
            {
                line += string.Create(c, $", {b.LinesFailed:N0} failed");
            }

            if (b.LinesWaiting > 0)
            {
                line += string.Create(c, $", {b.LinesWaiting:N0} collecting");
            }
        }

        if (t.EstimatedCost is { } spent)
        {
            line += "; spent " + UsageSnapshot.Money(spent);
            if (plan is { Calls: > 0, EstimatedCost: { } planned })
            {
                var done = Math.Min(1m, (decimal)t.Calls / plan.Calls);
                line += $", projected {UsageSnapshot.Money(spent + planned * (1 - done))} (planned {UsageSnapshot.Money(planned)})";
            }
        }

        return line;
    }

    /// <summary>Writes <see cref="Line"/> every <paramref name="interval"/> while <paramref name="work"/> runs, when it changed, and once at the end.</summary>
    public async Task WatchAsync(IAnsiConsole errors, Task work, TimeSpan interval)
    {
        var last = "";
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(interval));
            var line = Line();
            if (line != last && !work.IsCompleted)
            {
                errors.WriteLine(line);
                last = line;
            }
        }

        errors.WriteLine(Line());
        await work;
    }
}
