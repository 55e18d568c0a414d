using CurationPipeline.Cli.Commands;
using CurationPipeline.Core;
using CurationPipeline.Hosting;

namespace CurationPipeline.Cli.Tests;

public class StageProgressTests
{
    [Fact]
    public async Task Redirected_progress_is_one_unbroken_line_per_update()
    {
        // Twelve stages with long names: a line far wider than any fixed width (80, 200 columns).
        var stages = Enumerable.Range(1, 12).Select(i => new StageCounters(new StageName($"stage-{i:00}-with-a-long-descriptive-name"))).ToList();
        var writer = new StringWriter();
        var errors = Consoles.Create(writer, redirected: true, noColor: false);
        var work = Task.Run(async () =>
        {
            for (var n = 0; n < 30; n++)
            {
                foreach (var stage in stages)
                {
                    stage.OnReceived(TimeProvider.System.GetTimestamp());
                }

                await Task.Delay(10);
            }
        });

        await new StageProgress(errors, stages, TimeProvider.System) { PlainInterval = TimeSpan.FromMilliseconds(40) }.WatchAsync(work);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 2, writer.ToString());
        Assert.All(lines, line =>
        {
            Assert.StartsWith("[", line, StringComparison.Ordinal);
            Assert.All(stages, s => Assert.Contains(s.Name + " ", line, StringComparison.Ordinal));
            Assert.DoesNotContain('\u001b', line);
        });
        Assert.Contains("stage-12-with-a-long-descriptive-name 30 (", lines[^1], StringComparison.Ordinal);
        Assert.True(lines[^1].Length > 400);
    }
}
