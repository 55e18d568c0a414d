using CurationPipeline.Parquet;

namespace CurationPipeline.Evaluation;

/// <summary>
/// One row of <c>results.parquet</c>: one item answered by one model in one trial, with what was asked, what
/// came back, how it was read and scored. Column names are the snake_case of the property names.
/// </summary>
public sealed class ResultRow
{
    public string ItemId { get; set; } = "";
    public string Dataset { get; set; } = "";
    public string PrimaryDimension { get; set; } = "";
    public string SecondaryDimension { get; set; } = "";
    public string Task { get; set; } = "";

    /// <summary>Easy, Medium, Hard, or null for an unlabelled item.</summary>
    public string? Difficulty { get; set; }
    public List<string> Departments { get; set; } = [];

    /// <summary>accuracy, micro-f1, judge or logical-accuracy.</summary>
    public string Scoring { get; set; } = "";

    /// <summary>A, B or C for maturity-model items, else null.</summary>
    public string? MaturityType { get; set; }
    public string Model { get; set; } = "";

    /// <summary>What produced the answer (the model's engine).</summary>
    public string Engine { get; set; } = "";
    public int Trial { get; set; }

    /// <summary>The prompt of the first presentation (all presentations differ only in option order).</summary>
    public string Prompt { get; set; } = "";

    /// <summary>The raw response; for multiple-choice the three responses joined by a line <c>---</c>.</summary>
    public string RawResponse { get; set; } = "";

    /// <summary>Option orders shown, as letters of the original options (e.g. "ABCDE", "CEABD"); empty otherwise.</summary>
    public List<string> Presentations { get; set; } = [];

    /// <summary>The answer as read: original option letters per presentation joined by <c>|</c>, entities, or the decision value.</summary>
    public string ParsedAnswer { get; set; } = "";
    public bool? Correct { get; set; }
    public int? TruePositives { get; set; }
    public int? FalsePositives { get; set; }
    public int? FalseNegatives { get; set; }
    public double? JudgeA { get; set; }
    public double? JudgeB { get; set; }

    /// <summary>The third judge's score when a dispute went to it.</summary>
    public double? JudgeC { get; set; }
    public List<string> Judges { get; set; } = [];

    /// <summary>The item's score, 0..1 (1/0 for accuracy; the item's F1 for extraction; the settled judge score).</summary>
    public double FinalScore { get; set; }

    /// <summary>unparsed, disputed, dispute-unsettled, adjudicated-by-judge, adjudicated-by-human, format-violation, call-failed, judge-unreadable.</summary>
    public List<string> Flags { get; set; } = [];
    public string? Error { get; set; }

    /// <summary>The key of the row in disputes and decisions: item id, model and trial.</summary>
    [ParquetIgnore]
    public string Key => DisputeRecord.KeyOf(ItemId, Model, Trial);
}
