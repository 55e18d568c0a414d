namespace CurationPipeline.Deidentification;

/// <summary>
/// One recogniser: finds candidate spans of personal data in a text and adds them to the candidate set. It is
/// registered once, with a named priority, in <see cref="PhiRecognizers"/>; recognisers run in registration order
/// and may read what earlier ones found (<see cref="CandidateSet.Covers"/>). Implementations are stateless and
/// thread-safe: one instance serves every text.
/// </summary>
internal interface IPhiRecognizer
{
    /// <summary>The features a text must have for this recogniser to run (a cheap pre-check).</summary>
    TextFeatures Needs { get; }

    /// <summary>
    /// Adds candidates to <paramref name="found"/>: <see cref="CandidateSet.Add(PhiCategory, int, int)"/> at the
    /// registered priority, or with another named <see cref="PhiPriority"/> for a second category.
    /// </summary>
    void Find(PhiText text, CandidateSet found);
}
