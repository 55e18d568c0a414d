namespace CurationPipeline.Deidentification;

/// <summary>A note with planted personal data and the gold spans of it.</summary>
public sealed record GoldNote(string Id, string PatientId, string Text, IReadOnlyList<GoldPhiSpan> Spans)
{
    /// <summary>
    /// Ranges holding annotated data of a kind not scored (e.g. a credit card number in an external set):
    /// a detection there counts neither as right nor as a false positive.
    /// </summary>
    public IReadOnlyList<GoldPhiSpan> Unscored { get; init; } = [];

    /// <summary>The kind of document a synthetic Chinese note is written as; null for other notes.</summary>
    public ClinicalDocumentType? DocumentType { get; init; }
}

/// <summary>One gold span: <see cref="Length"/> characters at <see cref="Start"/> of the note's text.</summary>
public sealed record GoldPhiSpan(PhiCategory Category, int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>Which template set the synthesiser writes from.</summary>
public enum PhiTemplateSet
{
    /// <summary>The templates the recognisers were developed against.</summary>
    Development,

    /// <summary>Different templates, never looked at while tuning: the held-out check.</summary>
    HeldOut,
}
