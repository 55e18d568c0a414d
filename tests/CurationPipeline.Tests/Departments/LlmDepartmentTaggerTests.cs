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
        server.Responder = _ => TestReply.Json(new
        {
            departments = new object[] { new { name = "心内科", evidence = new[] { "心慌胸闷" } }, new { name = "Respiratory Medicine", evidence = new[] { "胸闷", "咯血" } } },
            confidence = 0.8,
        });
        await using var hub = Loopback.Hub(server);
        var tagging = await new LlmDepartmentTagger(hub.GetClient("m1", "tagger"), "m1").TagAsync(Item);
        Assert.Equal(["Cardiology", "Respiratory Medicine"], tagging.Departments);
        Assert.Equal(["Internal Medicine"], tagging.Groups);
        Assert.Equal(["胸闷"], tagging.Evidence[1].Words); // words not in the item are dropped
        Assert.Equal(0.8, tagging.Confidence);
        Assert.Equal("llm:m1", tagging.Engine);
        var system = server.Requests[0].Messages[0].Content;
        Assert.Contains("Pediatric Cardiothoracic Surgery (小儿心胸外科)", system, StringComparison.Ordinal);
        Assert.Contains("Pediatric Surgery (小儿外科)", system, StringComparison.Ordinal);
        Assert.Contains("9 primary", system, StringComparison.Ordinal);
        Assert.Contains("at most 3", system, StringComparison.Ordinal);
        Assert.Contains("No Department", system, StringComparison.Ordinal);
        Assert.Contains("否认", system, StringComparison.Ordinal);
        Assert.Contains("心慌胸闷", server.Requests[0].LastUserMessage, StringComparison.Ordinal);

        // The request carries the JSON schema (spelled out in the instructions for a server without json_schema), names restricted to the list.
        var instructions = string.Join("\n", server.Requests[0].Messages.Select(m => m.Content));
        Assert.Matches("\"enum\"\\s*:\\s*\\[", instructions);
        Assert.Matches("\"maxItems\"\\s*:\\s*3", instructions);
        Assert.Contains("Pediatric Urology", instructions[instructions.IndexOf("\"enum\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_names_and_too_many_departments_are_sent_back_with_the_error()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.EnqueueFaults(
            TestReply.Json(Answer(["中医科"])),
            TestReply.Json(Answer(["Cardiology", "Neurology", "Nephrology", "Hematology"])),
            TestReply.Json(new { departments = new[] { new { name = "Cardiology", evidence = new[] { "高血压" } } }, confidence = 0.9 }));
        server.Responder = _ => TestReply.Json(Answer(["Cardiology"]));
        await using var hub = Loopback.Hub(server);
        var tagging = await new LlmDepartmentTagger(hub.GetClient("m1", "tagger"), "m1", maxReasks: 3).TagAsync(Item);
        Assert.Equal(["Cardiology"], tagging.Departments);
        Assert.Equal(4, server.Requests.Count);
        Assert.Contains("\"中医科\" is not a department of the list", server.Requests[1].LastUserMessage, StringComparison.Ordinal);
        Assert.Contains("at most 3", server.Requests[2].LastUserMessage, StringComparison.Ordinal);
        Assert.Contains("\"Cardiology\" has no evidence copied from the item's text", server.Requests[3].LastUserMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_department_alone_is_accepted_and_mixed_with_others_is_refused_to_the_end()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = _ => TestReply.Json(new { departments = new[] { new { name = "无科室", evidence = Array.Empty<string>() } }, confidence = 0.95 });
        await using var hub = Loopback.Hub(server);
        var tagger = new LlmDepartmentTagger(hub.GetClient("m1", "tagger"), "m1");
        var none = await tagger.TagAsync(Item with { Question = "今天天气怎么样？" });
        Assert.Equal(["No Department"], none.Departments);
        Assert.Equal(["No Department"], none.Groups);

        server.Responder = _ => TestReply.Json(Answer(["No Department", "Cardiology"]));
        var e = await Assert.ThrowsAsync<LlmException>(() => tagger.TagAsync(Item));
        Assert.Contains("must stand alone", e.Message, StringComparison.Ordinal);
    }

    // Each department with the item's words "心慌胸闷" as evidence.
    private static object Answer(string[] names) =>
        new { departments = names.Select(n => new { name = n, evidence = new[] { "心慌胸闷" } }).ToArray(), confidence = 0.7 };
}
