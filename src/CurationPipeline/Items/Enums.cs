namespace CurationPipeline.Items;

/// <summary>Whether the dataset is an established public one or built by the pipeline.</summary>
public enum SourceKind
{
    Public,
    Proprietary,
}

/// <summary>The question type of Table 1.</summary>
public enum QuestionType
{
    MultipleChoice,
    OpenEnded,
}

/// <summary>How responses to the item are scored.</summary>
public enum ScoringMethod
{
    /// <summary>Multiple-choice accuracy (three shuffled presentations, all must be right).</summary>
    Accuracy,
    /// <summary>Micro-F1 against gold entities, pooled over all classes.</summary>
    MicroF1,
    /// <summary>AI-assisted scoring against a rubric by two judges, with expert adjudication.</summary>
    Judge,
}

/// <summary>Difficulty from the calibration panel.</summary>
public enum Difficulty
{
    Easy,
    Medium,
    Hard,
}

/// <summary>Where an item stands in difficulty labelling.</summary>
public enum DifficultyState
{
    /// <summary>No calibration has run on the item.</summary>
    Unlabelled,
    /// <summary>The difficulty is known.</summary>
    Labelled,
    /// <summary>A disputed score waits for a human; the difficulty is not guessed.</summary>
    PendingHuman,
}

/// <summary>Expert review status of an item.</summary>
public enum ReviewStatus
{
    /// <summary>No human has looked at the item.</summary>
    Unreviewed,
    /// <summary>Some but not all required human decisions are made.</summary>
    InReview,
    /// <summary>Approved by review (or gold after both P3 stages).</summary>
    Approved,
    /// <summary>Rejected by review; never sampled.</summary>
    Rejected,
}
