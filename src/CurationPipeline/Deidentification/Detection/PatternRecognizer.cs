using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>
/// A recogniser that is one pattern: every match (its group "v" when it has one) is a candidate of one category,
/// optionally checked by <paramref name="accept"/>; <paramref name="mayMatch"/> is a cheap pre-check of the text.
/// </summary>
internal sealed class PatternRecognizer(
    Regex pattern, PhiCategory category, TextFeatures needs, Func<Group, bool>? accept = null, Func<string, bool>? mayMatch = null) : IPhiRecognizer
{
    public TextFeatures Needs => needs;

    public void Find(PhiText text, CandidateSet found)
    {
        if (mayMatch is null || mayMatch(text.Value))
        {
            found.AddAll(pattern, category, found.Priority, accept);
        }
    }
}
