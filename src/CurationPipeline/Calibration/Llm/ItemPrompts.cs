using System.Text;
using CurationPipeline.Items;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Calibration.Llm;

/// <summary>
/// How an item is put to a model, shared by calibration and evaluation: options lettered A-E (optionally
/// in a shuffled order), extraction asked for a JSON list of <c>{"type", "text"}</c>, open tasks as they are.
/// </summary>
public static class ItemPrompts
{
    private const string System = "你是一名经验丰富的临床医学专家。请准确、专业地回答问题。";

    /// <summary>The chat messages for <paramref name="item"/>. <paramref name="order"/> lists original option indexes in presentation order.</summary>
    public static List<ChatMessage> Build(BenchmarkItem item, IReadOnlyList<int>? order = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        var sb = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(item.Context))
        {
            sb.Append("【材料】\n").Append(item.Context.Trim()).Append("\n\n");
        }

        sb.Append(item.Question.Trim()).Append('\n');
        switch (item.Scoring)
        {
            case ScoringMethod.Accuracy:
                var shown = order ?? [.. Enumerable.Range(0, item.Options.Count)];
                for (var i = 0; i < shown.Count; i++)
                {
                    sb.Append(AnswerLetters.Letter(i)).Append(". ").Append(item.Options[shown[i]]).Append('\n');
                }

                sb.Append("\n请选出正确答案（若有多个正确选项请全部选出），最后一行写“答案：”加选项字母，例如“答案：C”。");
                break;
            case ScoringMethod.MicroF1:
                sb.Append("\n请只输出一个JSON数组，每个元素形如 {\"type\": \"类型\", \"text\": \"原文中的实体\"}，不要输出其他内容。");
                break;
        }

        return [new ChatMessage(ChatRole.System, System), new ChatMessage(ChatRole.User, sb.ToString())];
    }
}
