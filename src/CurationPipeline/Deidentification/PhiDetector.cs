namespace CurationPipeline.Deidentification;

/// <summary>
/// Runs the recognisers over a text, validates their candidates (ID checksums, calendar dates, name
/// lexicons) and resolves overlaps by priority. Stateless and thread-safe.
/// </summary>
internal static class PhiDetector
{
    public static List<PhiSpan> Detect(string text, IReadOnlyCollection<string>? knownNames = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var found = new CandidateSet(text);
        foreach (var name in knownNames ?? [])
        {
            found.AddOccurrences(name, PhiCategory.Name, 39);
        }

        var hasHan = text.AsSpan().IndexOfAnyInRange('\u4e00', '\u9fff') >= 0;
        var hasDigit = text.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
        // E-mail: find each '@' and match the address around it (cheaper than scanning the whole text).
        for (var at = text.IndexOf('@'); at > 0; at = at + 1 < text.Length ? text.IndexOf('@', at + 1) : -1)
        {
            var start = at;
            while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '.' or '_' or '%' or '+' or '-'))
            {
                start--;
            }

            var m = PhiPatterns.Email().Match(text, start, Math.Min(text.Length - start, at - start + 256));
            if (m.Success && m.Index == start)
            {
                found.Add(PhiCategory.Email, m.Index, m.Length, 100);
            }
        }

        if (text.Contains("http", StringComparison.OrdinalIgnoreCase) || text.Contains("www.", StringComparison.OrdinalIgnoreCase))
        {
            found.AddAll(PhiPatterns.Url(), PhiCategory.Url, 95);
        }

        if (hasDigit)
        {
            DigitRecognizers.Run(text, found, hasHan);
        }

        if (hasHan)
        {
            ChineseRecognizers.Run(text, found);
        }

        EnglishRecognizers.Run(text, found);
        return found.Resolve();
    }
}
