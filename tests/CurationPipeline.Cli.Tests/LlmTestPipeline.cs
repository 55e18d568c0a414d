using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests;

/// <summary>A two-dataset pipeline (P1 exam questions, P3 symptom extraction) and an endpoints file for a loopback server.</summary>
internal static class LlmTestPipeline
{
    /// <summary>Writes <c>llm.yaml</c> into <paramref name="dir"/> and returns its path.</summary>
    public static string Write(TempDirectory dir, string name, int targetN)
    {
        string Repo(string p) => CliHarness.RepoFile(p).Replace("\\", "/", StringComparison.Ordinal);
        File.WriteAllText(dir.File("llm.yaml"), $"""
            name: {name}
            deidentification: {"{"} gate: false {"}"}
            sources:
              - {"{"} name: diseases, path: "{Repo("raw/knowledge/diseases.csv")}", format: csv, kind: knowledge {"}"}
              - {"{"} name: ehr, path: "{Repo("raw/ehr/notes.jsonl")}", format: jsonl, kind: ehr {"}"}
            datasets:
              - {"{"} name: MAExam, primary: FundCap, secondary: MedKQA, task: Med. Knowledge, paradigm: P1, source: proprietary, type: multiple-choice, scoring: accuracy, target_n: {targetN}, inputs: [diseases], prompt: "{Repo("pipelines/prompts/p1-knowledge.md")}", options: {"{"} variant: exam {"}"} {"}"}
              - {"{"} name: MAEESymp, primary: FundCap, secondary: MedRU, task: Info. Extraction, paradigm: P3, source: proprietary, type: open-ended, scoring: micro-f1, target_n: {targetN}, inputs: [ehr], departments: false, prompt: "{Repo("pipelines/prompts/p3-extraction.md")}", options: {"{"} entity_type: symptom {"}"} {"}"}
            """);
        return dir.File("llm.yaml");
    }

    /// <summary>Writes <c>endpoints.yaml</c> naming the server as endpoint "local" (model test-model, 4 calls at once).</summary>
    public static string WriteEndpoints(TempDirectory dir, OpenAiTestServer server)
    {
        File.WriteAllText(dir.File("endpoints.yaml"), $"""
            endpoints:
              - name: local
                base_url: {server.BaseUrl}
                model: test-model
                max_concurrency: 4
            """);
        return dir.File("endpoints.yaml");
    }

    /// <summary>The source text of a prompt: its first fenced block.</summary>
    public static string SourceOf(string prompt)
    {
        var start = prompt.IndexOf("```\n", StringComparison.Ordinal) + 4;
        return prompt[start..prompt.IndexOf("\n```", start, StringComparison.Ordinal)];
    }

    /// <summary>A valid P1 answer: five options, C correct.</summary>
    public static TestReply ExamAnswer() =>
        TestReply.Json(new { question = "以下哪项是该病最常见的表现？", options = new[] { "关节肿痛", "视物模糊", "持续发热", "皮肤瘙痒", "耳鸣耳聋" }, answer = "C", explanation = "依据原文。", also_true = Array.Empty<string>() });
}
