using CurationPipeline.Parquet;

namespace CurationPipeline.Calibration;

/// <summary>
/// One row of the <c>calibration</c> table: one solver's response to one item, how it was parsed and
/// scored, and (judge items) both scorers' ratings. The table alone is enough to recompute difficulty with
/// other thresholds (<see cref="Relabel"/>) without asking any model again.
/// </summary>
public sealed class CalibrationRow
{
    public string ItemId { get; set; } = "";
    public string Dataset { get; set; } = "";

    /// <summary><c>accuracy</c>, <c>micro-f1</c> or <c>judge</c>: which rule the row feeds.</summary>
    public string Scoring { get; set; } = "";

    public string Solver { get; set; } = "";

    /// <summary><c>offline</c> or <c>llm</c>.</summary>
    public string Kind { get; set; } = "";

    public int Trial { get; set; }

    /// <summary>Number of solvers in the panel that answered the item.</summary>
    public int PanelSize { get; set; }

    public string Response { get; set; } = "";

    /// <summary>Chosen option letters (multiple-choice) or the parsed entities as <c>type：text</c> joined by <c>；</c> (micro-F1).</summary>
    public string? Parsed { get; set; }

    /// <summary>Whether the answer counts as correct under the thresholds of the run (null for judge items).</summary>
    public bool? Correct { get; set; }

    public double? F1 { get; set; }
    public string? Scorer1 { get; set; }

    [ParquetColumn("score_1")]
    public double? Score1 { get; set; }

    public string? Scorer2 { get; set; }

    [ParquetColumn("score_2")]
    public double? Score2 { get; set; }

    /// <summary>The two scores are more than the gap apart.</summary>
    public bool Disputed { get; set; }

    /// <summary>A human expert's score, once the review store has one; final when present.</summary>
    public double? HumanScore { get; set; }

    /// <summary>The score that counts for the item's mean: the human's, else the mean of the two; null while pending.</summary>
    public double? FinalScore { get; set; }
}
