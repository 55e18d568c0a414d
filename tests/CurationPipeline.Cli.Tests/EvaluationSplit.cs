using CurationPipeline.Items;
using CurationPipeline.Parquet;
using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests;

/// <summary>A small split to evaluate against a loopback server: multiple-choice items and judged open-ended ones.</summary>
internal static class EvaluationSplit
{
    /// <summary>Writes <paramref name="name"/> with <paramref name="choice"/> multiple-choice and <paramref name="open"/> judged items (in reverse order with <paramref name="reversed"/>); returns its path.</summary>
    public static async Task<string> WriteAsync(TempDirectory dir, int choice, int open = 0, string name = "split.parquet", bool reversed = false)
    {
        var provenance = new Provenance("t", "t", "t", "offline", null, "t");
        var items = Enumerable.Range(0, choice).Select(i => new BenchmarkItem
        {
            Id = $"q{i}", Dataset = "MAExam", PrimaryDimension = "FundCap", SecondaryDimension = "MedKQA", TertiaryTask = "Med. Knowledge",
            Paradigm = Paradigm.P1, SourceKind = SourceKind.Proprietary, QuestionType = QuestionType.MultipleChoice, Scoring = ScoringMethod.Accuracy,
            Question = $"问题{i}：下列哪项正确？", Options = ["甲" + i, "乙" + i, "丙" + i, "丁" + i, "戊" + i], Answer = AnswerLetters.Letter(i % 5).ToString(),
            Provenance = provenance,
        }).Concat(Enumerable.Range(0, open).Select(i => new BenchmarkItem
        {
            Id = $"o{i}", Dataset = "GeneralSafety", PrimaryDimension = "FundCap", SecondaryDimension = "MedSE", TertiaryTask = "General Safety",
            Paradigm = Paradigm.P2, SourceKind = SourceKind.Proprietary, QuestionType = QuestionType.OpenEnded, Scoring = ScoringMethod.Judge,
            Question = $"患者{i}自行加倍服用降压药，应如何处理？", Answer = "停止加倍服用，监测血压，及时就医。",
            Rubric = [new RubricCriterion("安全", 1.0, "提示就医与监测")],
            Provenance = provenance,
        }));
        var path = dir.File(name);
        await ParquetSerializer.WriteAsync(path, (reversed ? items.Reverse() : items).Select(ItemRow.From));
        return path;
    }

    /// <summary>Writes <c>endpoints.yaml</c>: one endpoint per name, all on <paramref name="server"/>, each serving the model of its name.</summary>
    public static string WriteEndpoints(TempDirectory dir, OpenAiTestServer server, string extra = "", params string[] names)
    {
        var text = "endpoints:\n" + string.Concat(names.Select(n =>
            $"  - name: {n}\n    base_url: {server.BaseUrl}\n    model: {n}\n    temperature: 0\n    max_concurrency: 16\n{extra}"));
        File.WriteAllText(dir.File("endpoints.yaml"), text);
        return dir.File("endpoints.yaml");
    }
}
