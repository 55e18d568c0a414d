using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CurationPipeline.Testing;

namespace CurationPipeline.Llm.Tests;

/// <summary>The loopback server's Files and Batch APIs in OpenAI's shapes, spoken to over raw HTTP (not through the layer's client).</summary>
public class LoopbackBatchApiTests
{
    private static string Line(string id, string question) =>
        $"{{\"custom_id\":\"{id}\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{{\"model\":\"test-model\",\"messages\":[{{\"role\":\"user\",\"content\":\"{question}\"}}]}}}}\n";

    [Fact]
    public async Task A_batch_goes_from_validating_to_completed_with_output_and_error_files()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.BatchPolls = 2;
        server.Responder = r => r.LastUserMessage == "fail" ? TestReply.Error(500) : TestReply.Text("answer to " + r.LastUserMessage);
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        using var form = new MultipartFormDataContent
        {
            { new StringContent("batch"), "purpose" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(Line("a", "one") + Line("b", "fail") + Line("c", "three"))), "file", "in.jsonl" },
        };
        var file = await (await http.PostAsync("files", form)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("file", "batch"), (file.GetProperty("object").GetString(), file.GetProperty("purpose").GetString()));

        var created = await (await http.PostAsJsonAsync("batches", new { input_file_id = file.GetProperty("id").GetString(), endpoint = "/v1/chat/completions", completion_window = "24h" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();
        Assert.Equal(("batch", "validating"), (created.GetProperty("object").GetString(), created.GetProperty("status").GetString()));

        var statuses = new List<string>();
        JsonElement batch;
        do
        {
            batch = await http.GetFromJsonAsync<JsonElement>($"batches/{id}");
            statuses.Add(batch.GetProperty("status").GetString()!);
        }
        while (statuses[^1] == "in_progress");

        Assert.Equal(["in_progress", "in_progress", "completed"], statuses);
        Assert.Equal((3, 2, 1), (batch.GetProperty("request_counts").GetProperty("total").GetInt32(),
            batch.GetProperty("request_counts").GetProperty("completed").GetInt32(), batch.GetProperty("request_counts").GetProperty("failed").GetInt32()));
        var output = (await http.GetStringAsync($"files/{batch.GetProperty("output_file_id").GetString()}/content")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["a", "c"], output.Select(o => o.GetProperty("custom_id").GetString()));
        Assert.All(output, o =>
        {
            Assert.Equal(200, o.GetProperty("response").GetProperty("status_code").GetInt32());
            Assert.Equal("chat.completion", o.GetProperty("response").GetProperty("body").GetProperty("object").GetString());
            Assert.Equal(JsonValueKind.Null, o.GetProperty("error").ValueKind);
        });
        var error = JsonDocument.Parse(await http.GetStringAsync($"files/{batch.GetProperty("error_file_id").GetString()}/content")).RootElement;
        Assert.Equal(("b", 500), (error.GetProperty("custom_id").GetString(), error.GetProperty("response").GetProperty("status_code").GetInt32()));

        var list = await http.GetFromJsonAsync<JsonElement>("batches?limit=1");
        Assert.Equal(id, list.GetProperty("data")[0].GetProperty("id").GetString());
        Assert.False(list.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task An_invalid_file_fails_the_batch_and_a_cancelled_one_ends_cancelled()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.HoldBatches = true;
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        async Task<string> Upload(string content)
        {
            using var form = new MultipartFormDataContent { { new StringContent("batch"), "purpose" }, { new StringContent(content), "file", "in.jsonl" } };
            return (await (await http.PostAsync("files", form)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }

        var duplicate = await (await http.PostAsJsonAsync("batches", new { input_file_id = await Upload(Line("x", "1") + Line("x", "2")), endpoint = "/v1/chat/completions" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("failed", duplicate.GetProperty("status").GetString());
        Assert.Equal("duplicate_custom_id", duplicate.GetProperty("errors").GetProperty("data")[0].GetProperty("code").GetString());

        var held = await (await http.PostAsJsonAsync("batches", new { input_file_id = await Upload(Line("y", "1")), endpoint = "/v1/chat/completions" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = held.GetProperty("id").GetString();
        await http.GetAsync($"batches/{id}");
        var cancelling = await (await http.PostAsync($"batches/{id}/cancel", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("cancelling", cancelling.GetProperty("status").GetString());
        var cancelled = await http.GetFromJsonAsync<JsonElement>($"batches/{id}");
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        var line = JsonDocument.Parse(await http.GetStringAsync($"files/{cancelled.GetProperty("error_file_id").GetString()}/content")).RootElement;
        Assert.Equal("batch_cancelled", line.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("batches/batch_none")).StatusCode);
    }
}
