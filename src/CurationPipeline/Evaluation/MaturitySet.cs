using System.Text.Json;
using CurationPipeline.Configuration;
using CurationPipeline.Items;

namespace CurationPipeline.Evaluation;

/// <summary>
/// Loads the hospital-maturity scenarios (a YAML file naming each scenario's level, type, answer format and
/// item file) into items: dataset = scenario code, primary dimension "Maturity", secondary dimension = level.
/// Item files are JSONL with <c>id</c>, <c>question</c>, optional <c>context</c>, <c>options</c>, <c>answer</c>
/// and <c>rubric</c> ([{name, weight, description}]).
/// </summary>
public static class MaturitySet
{
    public static IReadOnlyList<BenchmarkItem> Load(string yamlPath)
    {
        var (file, _) = YamlBinder.Bind<MaturityFile>(File.ReadAllText(yamlPath), yamlPath);

        if (file.Scenarios.Count == 0)
        {
            throw new FormatException($"{yamlPath}: field 'scenarios' is empty");
        }

        var baseDir = Path.GetDirectoryName(Path.GetFullPath(yamlPath))!;
        var items = new List<BenchmarkItem>();
        foreach (var s in file.Scenarios)
        {
            if (s.Type is not ("A" or "B" or "C"))
            {
                throw new FormatException($"{yamlPath}: scenario '{s.Code}': field 'type' must be A, B or C, not '{s.Type}'");
            }

            var path = Path.GetFullPath(Path.Combine(baseDir, s.File));
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{yamlPath}: scenario '{s.Code}': item file {path} not found");
            }

            var number = 0;
            foreach (var line in File.ReadLines(path))
            {
                number++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    items.Add(ToItem(s, Parse(line, path, number), path, number));
                }
            }
        }

        return items;
    }

    private static ScenarioItem Parse(string line, string path, int number)
    {
        try
        {
            var item = JsonSerializer.Deserialize<ScenarioItem>(line, Json) ?? throw new JsonException("null");
            return string.IsNullOrWhiteSpace(item.Id) || string.IsNullOrWhiteSpace(item.Question)
                ? throw new FormatException($"{path}: line {number}: field 'id' and field 'question' are required")
                : item;
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: line {number}: not an item object ({e.Message})");
        }
    }

    private static BenchmarkItem ToItem(Scenario s, ScenarioItem x, string path, int number)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["maturity_type"] = s.Type,
            ["maturity_level"] = s.Level,
            ["scenario"] = s.Code,
        };
        if (s.AnswerFormat is { } f)
        {
            attributes["answer_format"] = f;
        }

        if (s.KeyFields.Count > 0)
        {
            attributes["key_fields"] = string.Join(",", s.KeyFields);
        }

        var multipleChoice = x.Options.Count > 0;
        return new BenchmarkItem
        {
            Id = $"{s.Code}-{x.Id}",
            Dataset = s.Code,
            PrimaryDimension = "Maturity",
            SecondaryDimension = s.Level,
            TertiaryTask = s.Name,
            Paradigm = Paradigm.Public,
            SourceKind = SourceKind.Proprietary,
            QuestionType = multipleChoice ? QuestionType.MultipleChoice : QuestionType.OpenEnded,
            Scoring = s.Type switch { "A" or "B" => ScoringMethod.Accuracy, _ => ScoringMethod.Judge },
            Question = x.Question,
            Context = x.Context,
            Options = x.Options,
            Answer = x.Answer is { ValueKind: JsonValueKind.String } a ? a.GetString() : x.Answer?.GetRawText(),
            Rubric = x.Rubric,
            Attributes = attributes,
            Difficulty = x.Difficulty is { } d && Enum.TryParse<Difficulty>(d, out var level)
                ? new DifficultyLabel(DifficultyState.Labelled, level, null, null, 0, "bundled")
                : DifficultyLabel.Unlabelled,
            Review = ReviewStatus.Approved,
            Provenance = new Provenance(Path.GetFileName(path), $"line {number}", "bundled", "offline", null, "maturity"),
        };
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed class MaturityFile
    {
        public string Name { get; set; } = "";
        public List<Scenario> Scenarios { get; set; } = [];
    }

    private sealed class Scenario
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string Level { get; set; } = "";
        public string Type { get; set; } = "";
        public string? AnswerFormat { get; set; }
        public List<string> KeyFields { get; set; } = [];
        public string File { get; set; } = "";
    }

    private sealed class ScenarioItem
    {
        public string Id { get; set; } = "";
        public string Question { get; set; } = "";
        public string? Context { get; set; }
        public List<string> Options { get; set; } = [];
        public JsonElement? Answer { get; set; }
        public List<RubricCriterion> Rubric { get; set; } = [];
        public string? Difficulty { get; set; }
    }
}
