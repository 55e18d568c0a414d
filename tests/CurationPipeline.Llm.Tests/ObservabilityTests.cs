using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Encodings.Web;
using CurationPipeline.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace CurationPipeline.Llm.Tests;

public class ObservabilityTests
{
    private const string Prompt = "患者王秀英，女，67岁，身份证号110101195803072846，因反复胸闷3年加重2天入院。";

    private static ModelHub Hub(EndpointOptions endpoint, ILoggerFactory? logs = null, int maxRetries = 2) =>
        ModelHub.Create(EndpointsFile.From([endpoint]), new ModelHubOptions
        {
            TimeProvider = new AutoAdvanceTimeProvider(),
            LoggerFactory = logs,
            MaxRetries = maxRetries,
        });

    [Theory]
    [InlineData(LogLevel.Information)]
    [InlineData(LogLevel.Debug)]
    [InlineData(LogLevel.Trace)]
    public async Task A_calls_prompt_and_answer_never_reach_the_logs(LogLevel level)
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.EnqueueFaults(TestReply.ServerError());
        var logs = new TestLoggerFactory(level);
        await using (var hub = Hub(Endpoints.For(server), logs))
        {
            var client = hub.GetClient("m1", "generator");
            var answer = await client.GetResponseAsync([new ChatMessage(ChatRole.System, "你是一名临床医生。"), new ChatMessage(ChatRole.User, Prompt)]);
            Assert.Equal("echo: " + Prompt, answer.Text);
            server.Responder = _ => TestReply.Error(400);
            await Assert.ThrowsAsync<LlmException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, Prompt + " 复诊")]));
        }

        var text = logs.AllText;
        if (level <= LogLevel.Debug)
        {
            // The requests were logged (start, end, failure), just not their contents.
            Assert.Contains(logs.Lines, l => l.Level == LogLevel.Debug && l.Category == "CurationPipeline.Llm.generator");
        }

        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Error && l.Text.Contains("HTTP 400", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("HTTP 500", StringComparison.Ordinal));
        foreach (var secret in new[] { "王秀英", "110101195803072846", "胸闷", "临床医生" })
        {
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain(JavaScriptEncoder.Default.Encode(secret), text); // nor escaped, as JSON would write it
        }
    }

    [Fact]
    public async Task A_call_is_measured_with_its_duration_and_token_usage()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = _ => new TestReply { Content = "ok", PromptTokens = 1234, CompletionTokens = 56 };
        server.EnqueueFaults(TestReply.ServerError());
        var model = "metered-" + Guid.NewGuid().ToString("N");
        var measurements = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ModelHub.TelemetrySourceName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = tags.ToArray().ToDictionary(t => t.Key, t => t.Value);
            if (Equals(copy.GetValueOrDefault("gen_ai.request.model"), model))
            {
                lock (measurements)
                {
                    measurements.Add((instrument.Name, value, copy));
                }
            }
        }

        listener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();

        await using (var hub = Hub(Endpoints.For(server, model: model)))
        {
            await hub.GetClient("m1", "judge").GetResponseAsync([new ChatMessage(ChatRole.User, Prompt)]);
        }

        // Two attempts: the 500 and the answer, each timed; tokens of the answer by type.
        var durations = measurements.Where(m => m.Instrument == "gen_ai.client.operation.duration").ToList();
        Assert.Equal(2, durations.Count);
        Assert.All(durations, d => Assert.InRange(d.Value, 1e-6, 60));
        Assert.All(durations, d => Assert.Equal(server.BaseUrl.Host, d.Tags["server.address"]));
        Assert.Single(durations, d => d.Tags.ContainsKey("error.type"));
        var tokens = measurements.Where(m => m.Instrument == "gen_ai.client.token.usage")
            .ToDictionary(m => (string)m.Tags["gen_ai.token.type"]!, m => m.Value);
        Assert.Equal(new Dictionary<string, double> { ["input"] = 1234, ["output"] = 56 }, tokens);
        Assert.DoesNotContain(measurements, m => m.Tags.Values.Any(v => v?.ToString()?.Contains("王秀英", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task Each_attempt_is_a_span_without_message_contents()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        var model = "traced-" + Guid.NewGuid().ToString("N");
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ModelHub.TelemetrySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (spans)
                {
                    spans.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        await using (var hub = Hub(Endpoints.For(server, model: model)))
        {
            await hub.GetClient("m1", "judge").GetResponseAsync([new ChatMessage(ChatRole.User, Prompt)]);
        }

        var span = Assert.Single(spans, s => Equals(s.GetTagItem("gen_ai.request.model"), model));
        Assert.Equal($"chat {model}", span.DisplayName);
        Assert.NotNull(span.GetTagItem("gen_ai.usage.input_tokens"));
        var everything = string.Join("\n", span.TagObjects.Select(t => $"{t.Key}={t.Value}").Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={t.Value}"))));
        Assert.DoesNotContain("王秀英", everything);
    }
}
