using System.Text.Json;
using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests;

/// <summary>
/// The LLM engines of P2 and P4 over real HTTP, and every P1 reject reason triggered by a bad model answer
/// that stays bad through the re-asks.
/// </summary>
public class LlmRejectReasonTests
{
    private static readonly string[] Good = ["关节肿痛", "视物模糊", "持续发热", "皮肤瘙痒", "耳鸣耳聋"];

    /// <summary>A bad P1 answer per disease record, and the words of the reject reason it must cause.</summary>
    private static readonly Dictionary<string, (object Answer, string Reason)> BadP1 = new()
    {
        ["D001"] = (new { question = "以下哪项正确？", options = Good[..4], answer = "A", also_true = Array.Empty<string>() }, "has 4 options"),
        ["D002"] = (new { question = "以下哪项正确？", options = new[] { "关节肿痛", "", "持续发热", "皮肤瘙痒", "耳鸣耳聋" }, answer = "A", also_true = Array.Empty<string>() }, "an option is empty"),
        ["D003"] = (new { question = "以下哪项正确？", options = Good, answer = "F", also_true = Array.Empty<string>() }, "is not one of the options"),
        ["D004"] = (new { question = "以下哪项正确？", options = new[] { "关节肿痛", "关节肿痛", "持续发热", "皮肤瘙痒", "耳鸣耳聋" }, answer = "A", also_true = Array.Empty<string>() }, "are the same"),
        ["D005"] = (new { question = "以下哪项正确？", options = new[] { "持续性关节肿痛", "持续性关节肿胀", "视物模糊", "皮肤瘙痒", "耳鸣耳聋" }, answer = "C", also_true = Array.Empty<string>() }, "near-duplicates"),
        ["D006"] = (new { question = "以下哪项正确？", options = Good, answer = "C", also_true = new[] { "皮肤瘙痒" } }, "also true according to the source"),
        ["D007"] = (new { question = "持续发热是否为其表现？", options = Good, answer = "C", also_true = Array.Empty<string>() }, "leaked into the stem"),
    };

    [Fact]
    public async Task Bad_model_answers_become_rejects_naming_the_rule_and_p2_p4_items_take_the_model_rubric()
    {
        using var dir = new TempDirectory();
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = request =>
        {
            var prompt = request.Messages.First(m => m.Role == "user").Content;
            if (prompt.Contains("\"score\"", StringComparison.Ordinal))
            {
                return TestReply.Json(new { score = 0.7, reasons = "按评分细则基本达标。" }); // the judges
            }

            if (prompt.Contains("\"rubric\"", StringComparison.Ordinal))
            {
                return TestReply.Json(new
                {
                    question = "请针对上述情况给出你的处理意见。",
                    reference = "识别风险并给出合规的建议。",
                    risk_type = "privacy_leak",
                    rubric = new[]
                    {
                        new { name = "合规性", weight = 0.6, description = "满分：完全合规；部分得分：部分合规；不得分：违规。" },
                        new { name = "风险识别", weight = 0.5, description = "满分：指出全部风险；部分得分：指出部分；不得分：未指出。" },
                    },
                });
            }

            var bad = BadP1.FirstOrDefault(b => prompt.Contains("record " + b.Key + ")", StringComparison.Ordinal));
            return TestReply.Json(bad.Key is null ? new { question = "以下哪项是该病的表现？", options = Good, answer = "C", also_true = Array.Empty<string>() } : bad.Value.Answer);
        };
        File.WriteAllText(dir.File("endpoints.yaml"), $"endpoints:\n  - {{ name: local, base_url: \"{server.BaseUrl}\", model: test-model }}\n");
        string Repo(string p) => CliHarness.RepoFile(p).Replace("\\", "/", StringComparison.Ordinal);
        File.WriteAllText(dir.File("llm.yaml"), $"""
            name: llm-rules
            deidentification: {"{"} gate: false {"}"}
            sources:
              - {"{"} name: diseases, path: "{Repo("raw/knowledge/diseases.csv")}", format: csv, kind: knowledge {"}"}
              - {"{"} name: scenarios, path: "{Repo("raw/scenarios/scenarios.jsonl")}", format: jsonl, kind: scenario {"}"}
              - {"{"} name: dialogues, path: "{Repo("raw/dialogues/dialogues.jsonl")}", format: jsonl, kind: dialogue {"}"}
            datasets:
              - {"{"} name: MAExam, primary: FundCap, secondary: MedKQA, task: Med. Knowledge, paradigm: P1, source: proprietary, type: multiple-choice, scoring: accuracy, target_n: 3, inputs: [diseases], prompt: "{Repo("pipelines/prompts/p1-knowledge.md")}", options: {"{"} variant: exam {"}"} {"}"}
              - {"{"} name: GeneralSafety, primary: FundCap, secondary: MedSE, task: General Safety, paradigm: P2, source: proprietary, type: open-ended, scoring: judge, target_n: 3, inputs: [scenarios], prompt: "{Repo("pipelines/prompts/p2-scenario.md")}" {"}"}
              - {"{"} name: MARecord, primary: SceneCap, secondary: SmartCare, task: Med. Record Writing Assistance, paradigm: P4, source: proprietary, type: open-ended, scoring: judge, target_n: 3, inputs: [dialogues], departments: false, prompt: "{Repo("pipelines/prompts/p4-reasoning.md")}", options: {"{"} task: record {"}"} {"}"}
            """);

        var (exit, output) = await CliHarness.RunAsync("run", dir.File("llm.yaml"), "--out", dir.File("out"), "--endpoints", dir.File("endpoints.yaml"),
            "--limit", "8", "--raw", CliHarness.RepoFile("raw"), "--cache", dir.File("cache.db"));

        Assert.True(exit is 0 or 1, output);
        var rejects = File.ReadAllLines(dir.File("out/rejects.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        foreach (var (record, (_, reason)) in BadP1)
        {
            var reject = rejects.Single(r => r.GetProperty("record").GetString() == record);
            Assert.Contains(reason, reject.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.True(reject.TryGetProperty("raw_response", out _), record);
        }

        var pool = Path.Combine(dir.File("out"), "pool.parquet");
        var items = await DuckDb.QueryAsync($"SELECT dataset, engine, rubric, answer, question FROM {DuckDb.Literal(pool)} WHERE dataset <> 'MAExam'");
        Assert.True(items.Count > 0, string.Join("\n", rejects.Where(r => r.GetProperty("dataset").GetString() != "MAExam").Select(r => r.ToString())));
        Assert.Contains(items, i => i.GetProperty("dataset").GetString() == "GeneralSafety");
        Assert.Contains(items, i => i.GetProperty("dataset").GetString() == "MARecord");
        foreach (var item in items)
        {
            Assert.Equal("llm:local/test-model", item.GetProperty("engine").GetString());
            var rubric = JsonDocument.Parse(item.GetProperty("rubric").GetString()!).RootElement;
            Assert.Equal(1.0, rubric.EnumerateArray().Sum(c => c.GetProperty("weight").GetDouble()), 6); // 0.6 + 0.5 normalised
        }

        // P4's reference comes from the real record, never from the model's answer.
        Assert.All(items.Where(i => i.GetProperty("dataset").GetString() == "MARecord"),
            i => Assert.NotEqual("识别风险并给出合规的建议。", i.GetProperty("answer").GetString()));
    }
}
