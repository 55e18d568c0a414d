using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CurationPipeline.Items;
using CurationPipeline.Llm;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Departments;

/// <summary>
/// Department tagging by a model, held to the rules by prompt, JSON schema and validation. The prompt carries
/// the 9 primary and 64 secondary departments of Table 2, the rules of section 3.3.2 (at most three, only
/// names of the list, "No Department" alone for a non-clinical query) and the clinical reading the offline
/// tagger follows (negated, past, family and rule-out mentions are no evidence). The answer is
/// <c>{"departments": [{"name", "evidence": [words of the item]}], "confidence"}</c>; close variants of a name
/// are mapped through <see cref="DepartmentAliases"/>. An unknown name, a broken rule or a department whose
/// evidence is not in the item's text is sent back with the error and the model asked again
/// (<see cref="StructuredOutput"/>).
/// </summary>
public sealed class LlmDepartmentTagger(IChatClient client, string name, int maxReasks = 2) : IDepartmentTagger
{
    private readonly IChatClient _client = client ?? throw new ArgumentNullException(nameof(client));

    public string Name { get; } = name.StartsWith("llm:", StringComparison.Ordinal) ? name : "llm:" + name;

    /// <summary>The JSON schema of the answer: department names restricted to the list.</summary>
    public static JsonElement Schema { get; } = BuildSchema();

    public async Task<DepartmentTagging> TagAsync(BenchmarkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var text = ItemText(item);
        var result = await _client.GetJsonAsync<Answer>(Messages(item), a => Validate(a, text),
            new StructuredOutputOptions { MaxReasks = maxReasks, Schema = Schema, SchemaName = "departments", ChatOptions = new ChatOptions { Temperature = 0 } },
            cancellationToken);
        var answer = result.Value;
        var evidence = answer.Departments!
            .Select(d => new DepartmentEvidence(DepartmentAliases.Resolve(d.Name)!, [.. (d.Evidence ?? []).Where(w => Found(w, text)).Distinct(StringComparer.Ordinal)]))
            .DistinctBy(e => e.Department, StringComparer.Ordinal)
            .ToList();
        var confidence = Math.Clamp(answer.Confidence ?? 0, 0, 1);
        return evidence.Count == 1 && evidence[0].Department == DepartmentCatalog.NoDepartment
            ? DepartmentTagging.None(Name, confidence)
            : new DepartmentTagging([.. evidence.Select(e => e.Department)], evidence, Name, confidence);
    }

    /// <summary>The tagging prompt: the two-level list, the rules and the item's text.</summary>
    public static List<ChatMessage> Messages(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var list = new StringBuilder();
        foreach (var group in DepartmentCatalog.All.GroupBy(d => (d.Primary, d.PrimaryChinese)))
        {
            list.Append("- ").Append(group.Key.Primary).Append(" (").Append(group.Key.PrimaryChinese).Append("): ")
                .AppendJoin("; ", group.Select(d => $"{d.Name} ({d.ChineseName})")).Append('\n');
        }

        var system = $"You assign clinical departments to medical benchmark items. The departments form two levels: {DepartmentCatalog.Primaries.Count} primary "
            + $"departments, each with its secondary departments ({DepartmentCatalog.All.Count} in all). Answer with secondary departments only, "
            + "English name exactly as written:\n"
            + list
            + "Rules:\n"
            + $"1. Give at most {DepartmentRules.MaxDepartments} departments, most relevant first, only names from the list.\n"
            + "2. Every department needs evidence: the words of the item (copied exactly) that point at it. The chief complaint and the diagnosis count most.\n"
            + "3. Negated findings (没有, 否认, 无, 未见, denies, no), past history, family history and conditions to rule out are not evidence.\n"
            + $"4. When nothing in the item points at a department (a non-clinical query), give exactly one entry \"{DepartmentCatalog.NoDepartment}\" with no evidence.\n"
            + "5. confidence is your probability (0 to 1) that the first department is right.\n"
            + "Answer with JSON only: {\"departments\": [{\"name\": \"...\", \"evidence\": [\"...\"]}], \"confidence\": 0.0}.";
        return [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, ItemText(item))];
    }

    /// <summary>The item as the model reads it: context, question and options.</summary>
    public static string ItemText(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
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

        return text.ToString();
    }

    private static bool Found(string? word, string text) => !string.IsNullOrWhiteSpace(word) && text.Contains(word.Trim(), StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<string> Validate(Answer answer, string text)
    {
        if (answer.Departments is not { } entries)
        {
            return ["\"departments\" is missing"];
        }

        var errors = new List<string>();
        var resolved = new List<string>();
        foreach (var entry in entries)
        {
            if (DepartmentAliases.Resolve(entry.Name) is not { } r)
            {
                errors.Add($"\"{entry.Name}\" is not a department of the list; use only the English names given");
                continue;
            }

            resolved.Add(r);
            if (r != DepartmentCatalog.NoDepartment && !(entry.Evidence ?? []).Any(w => Found(w, text)))
            {
                errors.Add($"\"{entry.Name}\" has no evidence copied from the item's text; give the words that point at it, or leave it out");
            }
        }

        if (errors.Count == 0)
        {
            errors.AddRange(DepartmentRules.Check([.. resolved.Distinct(StringComparer.Ordinal)]));
        }

        if (answer.Confidence is < 0 or > 1)
        {
            errors.Add("\"confidence\" must be between 0 and 1");
        }

        return errors;
    }

    private static JsonElement BuildSchema()
    {
        var names = DepartmentCatalog.All.Select(d => d.Name).Append(DepartmentCatalog.NoDepartment).ToArray();
        var schema = new
        {
            type = "object",
            properties = new
            {
                departments = new
                {
                    type = "array",
                    minItems = 1,
                    maxItems = DepartmentRules.MaxDepartments,
                    items = new
                    {
                        type = "object",
                        properties = new
                        {
                            name = new { type = "string", @enum = names },
                            evidence = new { type = "array", items = new { type = "string" } },
                        },
                        required = new[] { "name", "evidence" },
                        additionalProperties = false,
                    },
                },
                confidence = new { type = "number", minimum = 0, maximum = 1 },
            },
            required = new[] { "departments", "confidence" },
            additionalProperties = false,
        };
        return JsonSerializer.SerializeToElement(schema);
    }

    /// <summary>The model's answer.</summary>
    public sealed class Answer
    {
        [JsonPropertyName("departments")]
        public List<Entry>? Departments { get; set; }

        [JsonPropertyName("confidence")]
        public double? Confidence { get; set; }
    }

    /// <summary>One department of the answer with its evidence.</summary>
    public sealed class Entry
    {
        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("evidence")]
        public List<string>? Evidence { get; set; }
    }
}
