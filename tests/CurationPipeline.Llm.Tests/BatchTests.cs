using System.Net.Http.Json;
using System.Text.Json;
using CurationPipeline.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm.Tests;

/// <summary>Endpoints with <c>batch: true</c>: requests go through the provider's Files and Batch APIs and come back as a direct call's answers would.</summary>
public class BatchTests
{
    private static List<ChatMessage> Ask(string question) => [new(ChatRole.User, question)];

    private static EndpointOptions Batch(OpenAiTestServer server, string name = "b1", int maxRequests = 50_000, long maxBytes = 200_000_000,
        BatchRetryMode retry = BatchRetryMode.Batch, double flushSeconds = 0.5, string model = "test-model") => new()
    {
        Name = name,
        BaseUrl = server.BaseUrl,
        Model = model,
        Batch = true,
        BatchMaxRequests = maxRequests,
        BatchMaxBytes = maxBytes,
        BatchFlushSeconds = flushSeconds,
        BatchPollSeconds = 0.02,
        BatchRetry = retry,
    };

    private static ModelHub Hub(EndpointOptions endpoint, string? cachePath = null, int maxRetries = 5) =>
        ModelHub.Create(EndpointsFile.From([endpoint]), new ModelHubOptions
        {
            CachePath = cachePath,
            MaxRetries = maxRetries,
            TimeProvider = new AutoAdvanceTimeProvider(),
        });

    private static Task<ChatResponse[]> AskAll(ModelHub hub, string endpoint, IEnumerable<string> questions, ChatOptions? options = null) =>
        Task.WhenAll(questions.Select(q => hub.GetClient(endpoint, "calibration").GetResponseAsync(Ask(q), options)));

    [Fact]
    public async Task Answers_through_a_batch_equal_those_of_direct_calls()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = r => TestReply.Text("答案：" + r.LastUserMessage.Length) with { CompletionTokens = 7 };
        var questions = Enumerable.Range(0, 30).Select(i => $"第{i}题：下列哪项正确？").ToList();
        var options = new ChatOptions { Temperature = 0, MaxOutputTokens = 64 };

        await using var direct = Endpoints.Hub(Endpoints.For(server));
        var streamed = await AskAll(direct, "m1", questions, options);
        await using var batched = Hub(Batch(server));
        var fromBatch = await AskAll(batched, "b1", questions, options);

        Assert.Equal(30, server.ChatRequests);
        var batch = Assert.Single(server.Batches);
        Assert.Equal(30, batch.Lines.Count);
        Assert.Equal("completed", batch.Status);
        for (var i = 0; i < questions.Count; i++)
        {
            Assert.Equal(streamed[i].Text, fromBatch[i].Text);
            Assert.Equal(streamed[i].FinishReason, fromBatch[i].FinishReason);
            Assert.Equal(streamed[i].Usage!.InputTokenCount, fromBatch[i].Usage!.InputTokenCount);
            Assert.Equal(7, fromBatch[i].Usage!.OutputTokenCount);
            Assert.Equal(true, fromBatch[i].AdditionalProperties![ResponseProperties.Batched]);
            Assert.Equal(batch.Id, fromBatch[i].AdditionalProperties![ResponseProperties.BatchId]);
        }

        // The same request body as a direct call: the SDK serialised both.
        var directBodies = server.Requests.Where(r => r.BatchId is null).Select(r => r.RawBody).Order(StringComparer.Ordinal);
        var lineBodies = batch.Lines.Select(l => l.Body).Order(StringComparer.Ordinal);
        Assert.Equal(directBodies, lineBodies);
        Assert.Equal(BatchProgress(1, 0, 1, 30, 30, 0), batched.BatchProgress());
    }

    private static BatchProgress BatchProgress(int submitted, int inProgress, int ended, long lines, long answered, long failed) =>
        new(submitted, inProgress, ended, lines, answered, failed, 0);

    [Fact]
    public async Task A_batch_that_takes_several_polls_is_followed_until_it_ends()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.BatchPolls = 4;
        await using var hub = Hub(Batch(server));

        var answers = await AskAll(hub, "b1", ["one", "two"]);

        Assert.Equal(["echo: one", "echo: two"], answers.Select(a => a.Text));
        var batch = Assert.Single(server.Batches);
        Assert.True(batch.Retrieves >= 5, $"{batch.Retrieves} retrieves");
    }

    [Fact]
    public async Task Files_stay_within_the_request_and_byte_limits()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        await using var byCount = Hub(Batch(server, maxRequests: 10, flushSeconds: 0.5));
        await AskAll(byCount, "b1", Enumerable.Range(0, 25).Select(i => $"count {i}"));
        Assert.Equal([10, 10, 5], server.Batches.Select(b => b.Lines.Count).Order().Reverse());

        await using var bySize = Hub(Batch(server, name: "b2", maxBytes: 2048, flushSeconds: 0.5, model: "sized"));
        await AskAll(bySize, "b2", Enumerable.Range(0, 30).Select(i => $"size {i}"));
        var sized = server.Batches.Skip(3).ToList();
        Assert.True(sized.Count > 1);
        Assert.All(sized, b => Assert.True(b.Lines.Sum(l => l.Body.Length + 120) <= 2048 + 200, $"{b.Id}: {b.Lines.Count} lines"));
        Assert.Equal(30, sized.Sum(b => b.Lines.Count));
    }

    [Fact]
    public async Task Failed_lines_are_asked_again_in_a_new_batch()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        var failedOnce = new HashSet<string>();
        server.Responder = r =>
        {
            lock (failedOnce)
            {
                return r.LastUserMessage.StartsWith("flaky", StringComparison.Ordinal) && failedOnce.Add(r.LastUserMessage)
                    ? TestReply.ServerError()
                    : TestReply.Text("ok " + r.LastUserMessage);
            }
        };
        await using var hub = Hub(Batch(server));
        var questions = Enumerable.Range(0, 10).Select(i => i % 3 == 0 ? $"flaky {i}" : $"steady {i}").ToList();

        var answers = await AskAll(hub, "b1", questions);

        Assert.Equal(questions.Select(q => "ok " + q), answers.Select(a => a.Text));
        Assert.Equal(2, server.Batches.Count);
        Assert.Equal(4, server.Batches[1].Lines.Count);
        Assert.Equal(0, server.ChatRequests);
        Assert.Equal(4, hub.Usage().Total.Retries);
    }

    [Fact]
    public async Task Failed_lines_can_be_asked_again_directly()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = r => r.BatchId is not null && r.LastUserMessage.StartsWith("flaky", StringComparison.Ordinal)
            ? TestReply.ServerError()
            : TestReply.Text("ok " + r.LastUserMessage);
        await using var hub = Hub(Batch(server, retry: BatchRetryMode.Direct));

        var answers = await AskAll(hub, "b1", ["flaky 1", "steady 2", "flaky 3"]);

        Assert.Equal(["ok flaky 1", "ok steady 2", "ok flaky 3"], answers.Select(a => a.Text));
        Assert.Single(server.Batches);
        Assert.Equal(2, server.ChatRequests);
        Assert.False(answers[0].AdditionalProperties!.ContainsKey(ResponseProperties.Batched));
        Assert.Equal(true, answers[1].AdditionalProperties![ResponseProperties.Batched]);
    }

    [Fact]
    public async Task A_line_the_provider_refuses_fails_as_a_direct_call_would()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = r => r.LastUserMessage == "bad" ? TestReply.Error(400) : TestReply.Text("fine");
        await using var hub = Hub(Batch(server));

        var bad = hub.GetClient("b1", "judge").GetResponseAsync(Ask("bad"));
        var good = hub.GetClient("b1", "judge").GetResponseAsync(Ask("good"));

        var error = await Assert.ThrowsAsync<LlmException>(() => bad);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("fine", (await good).Text);
        Assert.Single(server.Batches);
    }

    [Fact]
    public async Task Lines_of_an_expired_batch_are_asked_again()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.ExpireBatchesAfterLines = 3;
        server.Responder = r =>
        {
            server.ExpireBatchesAfterLines = null; // only the first batch expires
            return TestReply.Text("late " + r.LastUserMessage);
        };
        await using var hub = Hub(Batch(server));

        var answers = await AskAll(hub, "b1", Enumerable.Range(0, 8).Select(i => $"q{i}"));

        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"late q{i}"), answers.Select(a => a.Text));
        Assert.Equal(["expired", "completed"], server.Batches.Select(b => b.Status));
        Assert.Equal(5, server.Batches[1].Lines.Count);
    }

    [Fact]
    public async Task A_batch_the_provider_fails_fails_its_requests_with_the_reason()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.MaxBatchLines = 2;
        await using var hub = Hub(Batch(server));

        var error = await Assert.ThrowsAsync<LlmException>(() => AskAll(hub, "b1", ["a", "b", "c"]));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("failed", Assert.Single(server.Batches).Status);
        Assert.Contains("too_many_requests", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lines_of_a_batch_cancelled_at_the_provider_are_asked_again()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.HoldBatches = true;
        await using var hub = Hub(Batch(server));
        var asking = AskAll(hub, "b1", ["x", "y"]);
        await WaitUntil(() => server.Batches.Count == 1 && server.Batches[0].Retrieves > 0);

        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        (await http.PostAsync($"batches/{server.Batches[0].Id}/cancel", null)).EnsureSuccessStatusCode();
        server.HoldBatches = false;

        Assert.Equal(["echo: x", "echo: y"], (await asking).Select(a => a.Text));
        Assert.Equal(["cancelled", "completed"], server.Batches.Select(b => b.Status));
    }

    [Fact]
    public async Task Requests_one_at_a_time_are_sent_when_no_more_come()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        await using var hub = Hub(Batch(server, flushSeconds: 0.05));
        var client = hub.GetClient("b1", "evaluation");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal($"echo: alone {i}", (await client.GetResponseAsync(Ask($"alone {i}"))).Text);
        }

        Assert.Equal([1, 1, 1], server.Batches.Select(b => b.Lines.Count));
    }

    [Fact]
    public async Task Structured_answers_and_their_re_asks_go_through_batches()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = r => r.Messages.Count(m => m.Role == "user") == 1 ? TestReply.Text("I think it is B.") : TestReply.Json(new { answer = "B" });
        await using var hub = Hub(Batch(server));

        var result = await hub.GetClient("b1", "judge").GetJsonAsync<Choice>(Ask("which?"), c => c.Answer is "A" or "B" ? [] : ["answer must be A or B"]);

        Assert.Equal("B", result.Value.Answer);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, server.Batches.Count);
    }

    [Fact]
    public async Task A_process_started_again_waits_for_its_batch_in_flight_instead_of_sending_it_again()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.HoldBatches = true;
        using var dir = new TempDirectory();
        var cache = dir.File("cache.db");
        var questions = Enumerable.Range(0, 12).Select(i => $"held {i}").ToList();

        var first = Hub(Batch(server), cache);
        var abandoned = AskAll(first, "b1", questions);
        await WaitUntil(() => Journal(cache, "SELECT COUNT(*) FROM batches WHERE state = 'submitted'") == 1);
        await first.DisposeAsync(); // stops following the batch; the journal keeps it
        await Assert.ThrowsAnyAsync<Exception>(() => abandoned); // its requests end with the hub
        var batchId = Assert.Single(server.Batches).Id;

        server.HoldBatches = false;
        await using var again = Hub(Batch(server), cache);
        var answers = await AskAll(again, "b1", questions);

        Assert.Equal(questions.Select(q => "echo: " + q), answers.Select(a => a.Text));
        Assert.Equal(batchId, Assert.Single(server.Batches).Id);
        Assert.All(answers, a => Assert.Equal(batchId, a.AdditionalProperties![ResponseProperties.BatchId]));
        Assert.Equal(0, server.ChatRequests);

        // A third process finds the lines answered in the ended batch (here from the cache, the first place asked).
        await using var third = Hub(Batch(server), cache);
        Assert.All(await AskAll(third, "b1", questions), a => Assert.Equal(true, a.AdditionalProperties![ResponseProperties.CacheHit]));
        Assert.Single(server.Batches);
    }

    [Fact]
    public async Task Without_a_cache_a_resumed_process_takes_answered_lines_from_the_batch_output()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        using var dir = new TempDirectory();
        var journal = dir.File("batches.db");
        var questions = Enumerable.Range(0, 5).Select(i => $"kept {i}").ToList();
        await using (var first = ModelHub.Create(EndpointsFile.From([Batch(server)]), new ModelHubOptions { BatchJournalPath = journal }))
        {
            await AskAll(first, "b1", questions);
        }

        await using var again = ModelHub.Create(EndpointsFile.From([Batch(server)]), new ModelHubOptions { BatchJournalPath = journal });
        var answers = await AskAll(again, "b1", questions);

        Assert.Equal(questions.Select(q => "echo: " + q), answers.Select(a => a.Text));
        Assert.Single(server.Batches);
        Assert.Equal(5, server.BatchLinesAnswered);
    }

    [Fact]
    public async Task A_batch_journalled_but_maybe_never_created_is_looked_up_at_the_provider()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        using var dir = new TempDirectory();
        var cache = dir.File("cache.db");
        var endpoint = Batch(server);
        var created = Ask("created before the kill");
        var lost = Ask("lost before the upload");
        var createdKey = CacheKey.Compute(endpoint.Model, endpoint, created, null);
        var lostKey = CacheKey.Compute(endpoint.Model, endpoint, lost, null);

        // A killed process left two batches journalled as being uploaded: one the provider had created (found by its
        // local id in the metadata), one it never saw.
        using (var journal = new BatchJournal(cache))
        {
            journal.Add("local-created", "b1", [createdKey], DateTimeOffset.UtcNow);
            journal.Add("local-lost", "b1", [lostKey], DateTimeOffset.UtcNow);
        }

        Journal(cache, "UPDATE batches SET pid = 999999, process_started_ms = 0");
        await CreateAtProviderAsync(server, createdKey, "local-created", created[0].Text);

        await using var hub = Hub(endpoint, cache);
        var answers = await Task.WhenAll(
            hub.GetClient("b1", "judge").GetResponseAsync(created),
            hub.GetClient("b1", "judge").GetResponseAsync(lost));

        Assert.Equal(["echo: created before the kill", "echo: lost before the upload"], answers.Select(a => a.Text));
        Assert.Equal(2, server.Batches.Count); // the one found, and one new for the request never sent
        Assert.Equal(server.Batches[0].Id, answers[0].AdditionalProperties![ResponseProperties.BatchId]);
        Assert.Equal(lostKey, Assert.Single(server.Batches[1].Lines).CustomId);
    }

    /// <summary>Uploads a one-line file and creates a batch on it, as a killed process would have.</summary>
    private static async Task CreateAtProviderAsync(OpenAiTestServer server, string customId, string localId, string question)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        var body = JsonSerializer.Serialize(new { model = "test-model", messages = new[] { new { role = "user", content = question } } });
        var line = $"{{\"custom_id\":\"{customId}\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{body}}}\n";
        using var form = new MultipartFormDataContent { { new StringContent("batch"), "purpose" }, { new StringContent(line), "file", "in.jsonl" } };
        var file = await (await http.PostAsync("files", form)).Content.ReadFromJsonAsync<JsonElement>();
        var batch = await http.PostAsJsonAsync("batches", new
        {
            input_file_id = file.GetProperty("id").GetString(),
            endpoint = "/v1/chat/completions",
            completion_window = "24h",
            metadata = new Dictionary<string, string> { ["curate_batch"] = localId },
        });
        batch.EnsureSuccessStatusCode();
    }

    private static long Journal(string path, string sql)
    {
        if (sql.StartsWith("SELECT", StringComparison.Ordinal) && !File.Exists(path))
        {
            return 0;
        }

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            return sql.StartsWith("SELECT", StringComparison.Ordinal) ? (long)command.ExecuteScalar()! : command.ExecuteNonQuery();
        }
        catch (SqliteException) when (sql.StartsWith("SELECT", StringComparison.Ordinal))
        {
            return 0; // the journal's tables are not there yet
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }

    private sealed record Choice(string? Answer);
}
