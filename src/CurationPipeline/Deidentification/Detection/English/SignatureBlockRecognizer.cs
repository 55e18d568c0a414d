namespace CurationPipeline.Deidentification;

/// <summary>The employer line of a signature or letter-head block (reads the names and addresses found before it).</summary>
internal sealed class SignatureBlockRecognizer : IPhiRecognizer
{
    public TextFeatures Needs => TextFeatures.None;

    public void Find(PhiText phiText, CandidateSet found)
    {
        if (!phiText.IsCaseless && phiText.HasCapital && phiText.Value.Contains('\n'))
        {
            SignatureBlockOrganization(phiText.Value, found);
        }
    }

    /// <summary>
    /// In a signature or letter-head block (short lines: name, employer, address), the line after a name line and
    /// before an address line (or a repeat of the name) is the employer: "Allan Björk / Scale Unlimited / Unit 5022
    /// Box 1225". A job-title line ("Leasing consultant") is told apart by its lowercase words.
    /// </summary>
    private static void SignatureBlockOrganization(string text, CandidateSet found)
    {
        var lines = new List<(int Start, int End)>();
        for (var s = 0; s <= text.Length;)
        {
            var e = text.IndexOf('\n', s);
            e = e < 0 ? text.Length : e;
            var a = s;
            while (a < e && text[a] is ' ' or '\t' or '>' or '?' or '*' or '-')
            {
                a++;
            }

            var b = e;
            while (b > a && char.IsWhiteSpace(text[b - 1]))
            {
                b--;
            }

            if (b > a)
            {
                lines.Add((a, b));
            }

            s = e + 1;
        }

        for (var i = 1; i + 1 < lines.Count; i++)
        {
            var (start, end) = lines[i];
            var line = text.AsSpan(start, end - start);
            if (line.Length > 60 || line.IndexOfAnyInRange('0', '9') >= 0 || line.IndexOfAny(":;!?@") >= 0 || (line[^1] == '.' && !line.EndsWith("Inc.") && !line.EndsWith("Ltd."))
                || !char.IsUpper(line[0]))
            {
                continue;
            }

            var words = 0;
            var titleCase = true;
            foreach (var range in line.Split(' '))
            {
                var w = line[range];
                if (w.Length == 0)
                {
                    continue;
                }

                words++;
                titleCase &= w.Length < 4 || char.IsUpper(w[0]);
            }

            var firm = line.Contains(", ", StringComparison.Ordinal) && line.Contains(" and ", StringComparison.Ordinal);
            if (words > 6 || !(titleCase || firm) || (words == 1 && NameShape.PlainWord(line.ToString())))
            {
                continue;
            }

            // Only now the candidates: the line is no name or address itself, a name line is before it and an
            // address line (or the name again, then the address) after it.
            if (found.Covers(PhiCategory.Name, start, end) || found.Covers(PhiCategory.Address, start, end)
                || !found.Covers(PhiCategory.Name, lines[i - 1].Start, lines[i - 1].End)
                || !(found.Covers(PhiCategory.Address, lines[i + 1].Start, lines[i + 1].End)
                    || (found.Covers(PhiCategory.Name, lines[i + 1].Start, lines[i + 1].End) && i + 2 < lines.Count && found.Covers(PhiCategory.Address, lines[i + 2].Start, lines[i + 2].End))))
            {
                continue;
            }

            found.Add(PhiCategory.Organization, start, end - start);
        }
    }
}
