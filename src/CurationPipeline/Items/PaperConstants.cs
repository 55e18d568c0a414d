namespace CurationPipeline.Items;

/// <summary>
/// The numbers of the MLB method, in one place: the engines, the checks, the defaults of the pipeline file and of the
/// commands use these.
/// </summary>
public static class PaperConstants
{
    /// <summary>Models of the calibration panel (section 3.4).</summary>
    public const int PanelSize = 5;

    /// <summary>Scorer instances that rate every open-ended response.</summary>
    public const int ScorerCount = 2;

    /// <summary>An extraction response is correct when its micro-F1 is strictly above this.</summary>
    public const double F1Correct = 0.8;

    /// <summary>A judged item is Easy when its mean final score is strictly above this.</summary>
    public const double EasyScore = 0.7;

    /// <summary>A judged item is Medium when its mean final score is at least this (and at most <see cref="EasyScore"/>).</summary>
    public const double MediumScore = 0.6;

    /// <summary>Two scores of one response are disputed when they differ by strictly more than this.</summary>
    public const double DisputeGap = 0.25;

    /// <summary>Hard:Medium:Easy of every split.</summary>
    public const string DifficultyRatio = "3:5:2";

    /// <summary>Secondary departments an item may carry.</summary>
    public const int MaxDepartments = 3;

    /// <summary>Options of a P1 item (A to E), exactly one of them right.</summary>
    public const int P1OptionCount = 5;

    /// <summary>Shuffled presentations of a multiple-choice item in evaluation; all must be answered right.</summary>
    public const int Presentations = 3;

    /// <summary>Reviewers needed: two per item and a third for split decisions.</summary>
    public const int MinReviewers = 3;
}
