using CurationPipeline.Calibration;
using CurationPipeline.Calibration.Llm;
using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Llm;
using CurationPipeline.Testing;
using static CurationPipeline.Tests.Calibration.CalibrationFixtures;

namespace CurationPipeline.Tests.Calibration;

/// <summary>The LLM solver and scorer over real HTTP against the loopback server.</summary>
public sealed class LlmPanelTests
{
    [Fact]
    public async Task Five_model_solvers_label_a_multiple_choice_item_from_their_free_text_answers()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        // Each "model" answers in its own style; model-5 is wrong.
        server.Responder = request => TestReply.Text(request.Model switch
        {
            "model-1" => "答案：C",
            "model-2" => "经分析，阿司匹林可抑制血小板聚集。故选C。",
            "model-3" => "The answer is **C**.",
            "model-4" => "(C)",
            _ => "答案是A",
        });
        var hubs = Enumerable.Range(1, 5).Select(i => Loopback.Hub(server, $"model-{i}")).ToList();
        try
        {
            var panel = hubs.Select((h, i) => (ICalibrationSolver)new LlmCalibrationSolver(h.GetClient("m1", "calibration"), $"model-{i + 1}")).ToList();
            var sink = new ListSink();
            var item = await new CalibrationStage(panel, Scorers(_ => 0.5, _ => 0.5), ReviewPolicy.Required, sink).ProcessAsync(Choice());
            Assert.Equal(Difficulty.Medium, item.Difficulty.Level);
            Assert.Equal(4, item.Difficulty.CorrectCount);
            Assert.All(sink.Rows, r => Assert.Equal("llm", r.Kind));
            Assert.Equal("llm:model-5", sink.Rows.Single(r => r.Correct == false).Solver);

            var request = server.Requests[0];
            var prompt = request.LastUserMessage;
            Assert.Contains("A. 青霉素", prompt, StringComparison.Ordinal);
            Assert.Contains("E. 奥美拉唑", prompt, StringComparison.Ordinal);
            Assert.Equal(5, server.Requests.Count);
        }
        finally
        {
            foreach (var hub in hubs)
            {
                await hub.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Extraction_is_asked_as_json_and_scored_by_micro_f1()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = _ => TestReply.Text("```json\n[{\"type\":\"sym\",\"text\":\"发热\"},{\"type\":\"sym\",\"text\":\"咳嗽\"},{\"type\":\"疾病\",\"text\":\"肺炎\"},{\"type\":\"dru\",\"text\":\"阿莫西林\"},{\"type\":\"pro\",\"text\":\"胸部CT\"}]\n```");
        await using var hub = Loopback.Hub(server);
        var solver = new LlmCalibrationSolver(hub.GetClient("m1", "calibration"), "m1");
        var answer = await solver.AnswerAsync(Extraction(), 0);
        Assert.Equal(1.0, AnswerScoring.Extraction(Extraction(), answer.Response).F1);
        Assert.Contains("JSON", server.Requests.Single().LastUserMessage, StringComparison.Ordinal);
        Assert.Contains("胸部CT示右肺阴影", server.Requests.Single().LastUserMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scorer_sends_the_rubric_and_re_asks_when_the_score_is_unusable()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.EnqueueFaults(TestReply.NotRequestedJson(), TestReply.Json(new { score = 1.7, reasons = "too high" }));
        server.Responder = _ => TestReply.Json(new { score = 0.65, reasons = "拒绝了虚假证明，但替代方案不具体" });
        await using var hub = Loopback.Hub(server);
        var scorer = new LlmResponseScorer(hub.GetClient("m1", "judge"), "judge-a");
        var score = await scorer.ScoreAsync(Judged(), "我不能开具虚假证明。");
        Assert.Equal(0.65, score);
        Assert.Equal(3, server.Requests.Count);
        var first = server.Requests[0].LastUserMessage;
        Assert.Contains("合规性（权重 0.6）", first, StringComparison.Ordinal);
        Assert.Contains("我不能开具虚假证明。", first, StringComparison.Ordinal);
        Assert.Contains("\"score\" must be a number from 0 to 1", server.Requests[2].LastUserMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scorer_that_never_gives_a_score_fails_the_item_with_the_solver_named()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = _ => TestReply.Text("I cannot score this.");
        await using var hub = Loopback.Hub(server);
        var scorer = new LlmResponseScorer(hub.GetClient("m1", "judge"), "judge-a");
        var stage = new CalibrationStage(Panel("a", "b"), [scorer, scorer], ReviewPolicy.Required, null);
        await Assert.ThrowsAsync<LlmException>(() => stage.ProcessAsync(Judged()));
    }
}
