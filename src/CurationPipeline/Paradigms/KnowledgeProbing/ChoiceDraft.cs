namespace CurationPipeline.Paradigms.KnowledgeProbing;

/// <summary>
/// A multiple-choice item before shuffling: the stem, the one correct option, four distractors, the
/// explanation from the source, and what else the source makes true (for <see cref="KnowledgeProbingChecks"/>).
/// </summary>
public sealed record ChoiceDraft(
    string Template,
    string Stem,
    string Correct,
    IReadOnlyList<string> Distractors,
    string Explanation,
    IReadOnlyCollection<string> AlsoTrue,
    string? Context = null,
    IReadOnlyDictionary<string, string>? Attributes = null);
