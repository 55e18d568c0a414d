namespace CurationPipeline.Deidentification;

/// <summary>E-mail addresses: each '@' and the address around it (cheaper than a pattern over the whole text).</summary>
internal sealed class EmailRecognizer : IPhiRecognizer
{
    public TextFeatures Needs => TextFeatures.None;

    public void Find(PhiText text, CandidateSet found)
    {
        var s = text.Value;
        for (var at = s.IndexOf('@'); at > 0; at = at + 1 < s.Length ? s.IndexOf('@', at + 1) : -1)
        {
            var start = at;
            while (start > 0 && (char.IsAsciiLetterOrDigit(s[start - 1]) || s[start - 1] is '.' or '_' or '%' or '+' or '-'))
            {
                start--;
            }

            var m = PhiPatterns.Email().Match(s, start, Math.Min(s.Length - start, at - start + 256));
            if (m.Success && m.Index == start)
            {
                found.Add(PhiCategory.Email, m.Index, m.Length);
            }
        }
    }
}

/// <summary>The pre-check of the URL pattern.</summary>
internal static class UrlRecognizer
{
    public static bool MayMatch(string text) =>
        text.Contains("http", StringComparison.OrdinalIgnoreCase) || text.Contains("www.", StringComparison.OrdinalIgnoreCase);
}
