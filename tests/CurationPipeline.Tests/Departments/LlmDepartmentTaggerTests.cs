using CurationPipeline.Departments;
using CurationPipeline.Llm;
using CurationPipeline.Testing;
using CurationPipeline.Tests.Calibration;

namespace CurationPipeline.Tests.Departments;

/// <summary>The LLM tagger over real HTTP against the loopback server.</summary>
public sealed class LlmDepartmentTaggerTests
{
    private static readonly Items.BenchmarkItem Item = CalibrationFixtures.Choice() with { Dataset = "MAGuidance", Question = "最近总是心慌胸闷，应该挂哪个科？" };

    [Fact]
    public async Task Variants_are_mapped_to_the_list_and_the_prompt_carries_the_list_and_rules()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = _ => TestReply.Json(new { departments = new[] { "心内科", "Respiratory Medicine" } });
        await using var hub = Loopback.Hub(server);
        var tags = await new LlmDepartmentTagger(hub.GetClient("m1", "tagger"), "m1").TagAsync(Item);
        Assert.Equal(["Cardiology", "Respiratory Medicine"], tags);
        var system = server.Requests[0].Messages[0].Content;
        Assert.Contains("Pediatric Cardiothoracic Surgery (小儿心胸外科)", system, StringComparison.Ordinal);
        Assert.Contains("at most 3", system, StringComparison.Ordinal);
        Assert.Contains("No Department", system, StringComparison.Ordinal);
        Assert.Contains("心慌胸闷", server.Requests[0].LastUserMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_names_and_too_many_departments_are_sent_back_with_the_error()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.EnqueueFaults(
            TestReply.Json(new { departments = new[] { "中医科" } }),
            TestReply.Json(new { departments = new[] { "Cardiology", "Neurology", "Nephrology", "Hematology" } }));
        server.Responder = _ => TestReply.Json(new { departments = new[] { "Cardiology" } });
        await using var hub = Loopback.Hub(server);
        var tags = await new LlmDepartmentTagger(hub.GetClient("m1", "tagger"), "m1").TagAsync(Item);
        Assert.Equal(["Cardiology"], tags);
        Assert.Equal(3, server.Requests.Count);
        Assert.Contains("\"中医科\" is not a department of the list", server.Requests[1].LastUserMessage, StringComparison.Ordinal);
        Assert.Contains("at most 3", server.Requests[2].LastUserMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_department_alone_is_accepted_and_mixed_with_others_is_refused_to_the_end()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = _ => TestReply.Json(new { departments = new[] { "无科室" } });
        await using var hub = Loopback.Hub(server);
        var tagger = new LlmDepartmentTagger(hub.GetClient("m1", "tagger"), "m1");
        Assert.Equal(["No Department"], await tagger.TagAsync(Item with { Question = "今天天气怎么样？" }));

        server.Responder = _ => TestReply.Json(new { departments = new[] { "No Department", "Cardiology" } });
        var e = await Assert.ThrowsAsync<LlmException>(() => tagger.TagAsync(Item));
        Assert.Contains("must stand alone", e.Message, StringComparison.Ordinal);
    }
}
