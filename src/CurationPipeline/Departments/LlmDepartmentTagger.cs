using System.Text;
using System.Text.Json.Serialization;
using CurationPipeline.Items;
using CurationPipeline.Llm;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Departments;

/// <summary>
/// Department tagging by a model, held to the rules by prompt and validation: the answer must be JSON
/// <c>{"departments": [...]}</c> with at most three names of the list (close variants are mapped through
/// <see cref="DepartmentAliases"/>), or "No Department" alone. An unknown name or a broken rule is sent back
/// with the error and the model asked again (<see cref="StructuredOutput"/>).
/// </summary>
public sealed class LlmDepartmentTagger(IChatClient client, string name, int maxReasks = 2) : IDepartmentTagger
{
    private readonly IChatClient _client = client ?? throw new ArgumentNullException(nameof(client));

    public string Name { get; } = name.StartsWith("llm:", StringComparison.Ordinal) ? name : "llm:" + name;

    public async Task<IReadOnlyList<string>> TagAsync(BenchmarkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var result = await _client.GetJsonAsync<Answer>(Messages(item), Validate,
            new StructuredOutputOptions { MaxReasks = maxReasks, ChatOptions = new ChatOptions { Temperature = 0 } }, cancellationToken);
        return [.. result.Value.Departments!.Select(d => DepartmentAliases.Resolve(d)!).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The tagging prompt: the fixed list, the rules and the item's text.</summary>
    public static List<ChatMessage> Messages(BenchmarkItem item)
    {
        var list = new StringBuilder();
        foreach (var group in DepartmentCatalog.All.GroupBy(d => d.Primary))
        {
            list.Append("- ").Append(group.Key).Append("：")
                .AppendJoin("; ", group.Select(d => $"{d.Name} ({d.ChineseName})")).Append('\n');
        }

        var system = "You assign clinical departments to medical questions. Use ONLY these secondary departments (English name as written):\n"
            + list
            + $"Rules: give at most {DepartmentRules.MaxDepartments} departments, most relevant first; only names from the list; "
            + $"for a query that is not clinical, give exactly [\"{DepartmentCatalog.NoDepartment}\"]. "
            + "Answer with JSON {\"departments\": [\"...\"]} only.";
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(item.Context))
        {
            text.Append(item.Context.Trim()).Append('\n');
        }

        text.Append(item.Question.Trim());
        if (item.Options.Count > 0)
        {
            text.Append('\n').AppendJoin('\n', item.Options.Select((o, i) => $"{AnswerLetters.Letter(i)}. {o}"));
        }

        return [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, text.ToString())];
    }

    private static IReadOnlyList<string> Validate(Answer answer)
    {
        if (answer.Departments is not { } names)
        {
            return ["\"departments\" is missing"];
        }

        var errors = new List<string>();
        var resolved = new List<string>();
        foreach (var n in names)
        {
            if (DepartmentAliases.Resolve(n) is { } r)
            {
                resolved.Add(r);
            }
            else
            {
                errors.Add($"\"{n}\" is not a department of the list; use only the English names given");
            }
        }

        if (errors.Count == 0)
        {
            errors.AddRange(DepartmentRules.Check([.. resolved.Distinct(StringComparer.Ordinal)]));
        }

        return errors;
    }

    /// <summary>The model's answer.</summary>
    public sealed class Answer
    {
        [JsonPropertyName("departments")]
        public List<string>? Departments { get; set; }
    }
}
