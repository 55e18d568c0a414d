using System.Globalization;
using System.Text.Json;
using CurationPipeline.Calibration;
using CurationPipeline.Deidentification;
using CurationPipeline.Departments;
using CurationPipeline.Items;

namespace CurationPipeline.Verification;

/// <summary>The invariants of every written item, checked on its Parquet row alone (no pipeline, no model).</summary>
internal sealed class ItemChecks
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);
    private readonly Deidentifier _detector;
    private readonly bool _surrogates;
    private readonly string _gateFlag;
    private readonly IReadOnlyDictionary<string, RelabelledItem>? _labels;

    public Tally Ids { get; } = new("ids", "every item id is non-empty and unique across the splits");
    public Tally Choices { get; } = new("multiple-choice", "5 distinct non-empty options; the answer is option letters among them");
    public Tally Spans { get; } = new("extraction", "every span's text stands at its offsets in the context; a P3 answer is the rendering of its entities");
    public Tally Departments { get; } = new("departments", "a tagged item has 1 to 3 distinct catalogue departments, or 'No Department' alone");
    public Tally Difficulty { get; } = new("difficulty", "the level the calibration table gives with run.json's thresholds");
    public Tally Phi { get; } = new("personal data", "the PHI gate's recognisers find nothing in generated items (surrogate mode: in those the gate did not redact)");
    public Tally Rubric { get; } = new("rubric", "judged items have criteria with weights in (0, 1] summing to 1");
    public Tally Leak { get; } = new("answer leak", "the reference answer is not in its own question or context");

    /// <param name="labels">Difficulty per item id from the calibration table; null when there is none (the check is skipped).</param>
    /// <param name="deidentificationMode"><c>surrogate</c>, <c>mask</c>, or null when the run replaced no personal data.</param>
    /// <param name="gated">Whether the run's PHI gate flagged the items it redacted.</param>
    public ItemChecks(IReadOnlyDictionary<string, RelabelledItem>? labels, string? deidentificationMode, bool gated = true)
    {
        _labels = labels;
        var options = new DeidOptions { Mode = deidentificationMode == "mask" ? DeidMode.Mask : DeidMode.Surrogate };
        _detector = new Deidentifier(options);
        _gateFlag = options.GateFlag;
        _surrogates = deidentificationMode == "surrogate";
        // Surrogates written without the gate carry no flag and look real: personal data cannot be told from them.
        _phiCheckable = gated || !_surrogates;
    }

    public IEnumerable<Tally> All => [Ids, Choices, Spans, Departments, Difficulty, Phi, Rubric, Leak];

    /// <summary>Checks one row of the split (or sample) <paramref name="split"/>.</summary>
    public void Check(ItemRow row, string split)
    {
        var id = string.IsNullOrEmpty(row.Id) ? "(no id)" : row.Id;
        var subject = $"{split} {id}";
        Ids.Record(subject, string.IsNullOrEmpty(row.Id) ? "empty id"
            : _seen.TryAdd(row.Id, split) ? null : $"id also in {_seen[row.Id]}");
        if (row.QuestionType == "multiple-choice")
        {
            Choices.Record(subject, ChoiceProblem(row));
        }

        var entities = Parse<List<GoldEntity>>(row.Entities);
        if (row.Paradigm == Paradigm.P3.Code || entities?.Any(e => e.Start is not null) == true)
        {
            Spans.Record(subject, SpanProblem(row, entities));
        }

        Departments.Record(subject, DepartmentProblem(row.Departments, row.DepartmentEngine));
        if (_labels is not null)
        {
            Difficulty.Record(subject, DifficultyProblem(row));
        }

        // Like the gate, the check leaves items of public datasets alone: their publishers de-identified them.
        if (row.Paradigm != Paradigm.Public.Code && _phiCheckable)
        {
            Phi.Record(subject, PhiProblem(row));
        }

        if (row.Scoring == "judge" || row.Rubric != "[]")
        {
            Rubric.Record(subject, RubricProblem(row));
        }

        if (row.Scoring != "micro-f1")
        {
            Leak.Record(subject, LeakProblem(row));
        }
    }

    private static string? ChoiceProblem(ItemRow row)
    {
        if (row.Options.Count != PaperConstants.P1OptionCount)
        {
            return $"{row.Options.Count} options";
        }

        if (row.Options.Any(string.IsNullOrWhiteSpace))
        {
            return "an empty option";
        }

        var normalised = row.Options.Select(Normalise).ToList();
        for (var i = 0; i < normalised.Count; i++)
        {
            var j = normalised.IndexOf(normalised[i]);
            if (j < i)
            {
                return $"options {AnswerLetters.Letter(j)} and {AnswerLetters.Letter(i)} are the same";
            }
        }

        return AnswerLetters.TryParse(row.Answer, row.Options.Count, out _) ? null : "the answer is not option letters A to E";
    }

    private static string? SpanProblem(ItemRow row, List<GoldEntity>? entities)
    {
        if (entities is null)
        {
            return "column 'entities' is not a JSON list of {type, text, start, end}";
        }

        var context = row.Context ?? "";
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e.Start is not { } start || e.End is not { } end)
            {
                if (row.Paradigm == Paradigm.P3.Code)
                {
                    return $"entity {i + 1} has no span";
                }

                continue;
            }

            if (start < 0 || end < start || end > context.Length)
            {
                return $"entity {i + 1} [{start},{end}) lies outside the context ({context.Length} characters)";
            }

            if (end - start != e.Text.Length || string.CompareOrdinal(context, start, e.Text, 0, e.Text.Length) != 0)
            {
                return $"entity {i + 1} [{start},{end}) does not hold its text";
            }
        }

        if (row.Paradigm == Paradigm.P3.Code)
        {
            if (entities.Count == 0)
            {
                return "no entity";
            }

            if (!string.Equals(row.Answer, ExtractionAnswer.Render(entities), StringComparison.Ordinal))
            {
                return "the answer is not the rendering of the entities";
            }
        }

        return null;
    }

    private static string? DepartmentProblem(List<string> departments, string? tagger)
    {
        // A tagger gives at least one department ("No Department" included); a run without the tag stage gives none.
        if (departments.Count == 0)
        {
            return tagger is null ? null : "no department, though tagged";
        }

        if (departments.Count > PaperConstants.MaxDepartments)
        {
            return $"{departments.Count} departments";
        }

        if (departments.Contains(DepartmentCatalog.NoDepartment) && departments.Count > 1)
        {
            return $"'{DepartmentCatalog.NoDepartment}' beside other departments";
        }

        if (departments.Distinct(StringComparer.Ordinal).Count() != departments.Count)
        {
            return "a department repeats";
        }

        return departments.FirstOrDefault(d => !DepartmentCatalog.IsValidLabel(d)) is { } unknown ? $"'{unknown}' is not in the department catalogue" : null;
    }

    private string? DifficultyProblem(ItemRow row)
    {
        if (row.DifficultyState != "labelled" || row.Difficulty is null)
        {
            return $"difficulty is {row.DifficultyState}";
        }

        if (!_labels!.TryGetValue(row.Id, out var label))
        {
            return "not in the calibration table";
        }

        var expected = label.Label.Level?.ToString() ?? label.Label.State.ToString();
        return expected == row.Difficulty ? null : $"difficulty {row.Difficulty}, the calibration table gives {expected}";
    }

    private readonly bool _phiCheckable;

    private string? PhiProblem(ItemRow row)
    {
        // Surrogates look real on purpose: in an item the gate redacted, what the recognisers find are its surrogates.
        if (_surrogates && row.Flags.Contains(_gateFlag, StringComparer.Ordinal))
        {
            return null;
        }

        var fields = new (string Name, string? Text)[] { ("question", row.Question), ("context", row.Context), ("answer", row.Answer), ("explanation", row.Explanation) }
            .Concat(row.Options.Select((o, i) => ($"option {AnswerLetters.Letter(i)}", (string?)o)));
        foreach (var (name, text) in fields)
        {
            if (!string.IsNullOrEmpty(text) && _detector.Detect(text) is { Count: > 0 } found)
            {
                return $"{found.Count} personal data span(s) in the {name} ({string.Join(", ", found.Select(f => f.Category).Distinct())})";
            }
        }

        return null;
    }

    private static string? RubricProblem(ItemRow row)
    {
        var rubric = Parse<List<RubricCriterion>>(row.Rubric);
        if (rubric is null)
        {
            return "column 'rubric' is not a JSON list of {name, weight, description}";
        }

        if (rubric.Count == 0)
        {
            return "no rubric";
        }

        if (rubric.FirstOrDefault(c => c.Weight is <= 0 or > 1) is { } bad)
        {
            return $"criterion '{bad.Name}' weighs {bad.Weight.ToString(CultureInfo.InvariantCulture)}";
        }

        var sum = rubric.Sum(c => c.Weight);
        return Math.Abs(sum - 1) < 1e-6 ? null : $"weights sum to {sum.ToString("0.######", CultureInfo.InvariantCulture)}";
    }

    private static string? LeakProblem(ItemRow row)
    {
        IEnumerable<string> answers = row.QuestionType == "multiple-choice"
            ? AnswerLetters.TryParse(row.Answer, row.Options.Count, out var indexes) ? indexes.Select(i => row.Options[i]) : []
            : string.IsNullOrWhiteSpace(row.Answer) ? [] : [row.Answer];
        var question = Normalise(row.Question);
        var context = Normalise(row.Context ?? "");
        foreach (var answer in answers.Select(Normalise).Where(a => a.Length >= MinLeak && !Verdicts.Contains(a)))
        {
            if (question.Contains(answer, StringComparison.Ordinal))
            {
                return "the answer stands in the question";
            }

            if (context.Contains(answer, StringComparison.Ordinal))
            {
                return "the answer stands in the context";
            }
        }

        return null;
    }

    // Shorter answers (one character, a letter) occur anywhere by chance.
    private const int MinLeak = 2;

    // A true/false answer is a verdict the question asks for by name ("answer true or false"), not content.
    private static readonly HashSet<string> Verdicts = new(StringComparer.Ordinal) { "true", "false", "yes", "no", "正确", "错误" };

    private static T? Parse<T>(string json)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Normalise(string text) => new string([.. text.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c))]).ToLowerInvariant();
}
