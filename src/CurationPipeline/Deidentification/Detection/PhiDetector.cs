namespace CurationPipeline.Deidentification;

/// <summary>
/// Runs the registered recognisers over a text and resolves overlaps by priority. Stateless and thread-safe.
/// </summary>
internal static class PhiDetector
{
    public static List<PhiSpan> Detect(string text, PhiRecognizers recognizers, IReadOnlyCollection<string>? knownNames = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var found = new CandidateSet(text);
        foreach (var name in knownNames ?? [])
        {
            found.AddOccurrences(name, PhiCategory.Name, PhiPriority.NameRepeat);
        }

        recognizers.Run(new PhiText(text), found);
        return found.Resolve();
    }
}
