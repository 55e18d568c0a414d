namespace CurationPipeline.Deidentification;

/// <summary>Chinese person names: surname + 1-2 given characters after a cue, before a title, or before 男/女.</summary>
internal static class ChineseNames
{
    public static void Run(string text, CandidateSet found)
    {
        var names = new List<(int Start, int Length)>();
        for (var m = PhiPatterns.ZhNameCue().Match(text); m.Success; m = m.NextMatch())
        {
            var len = NameLengthAt(text, m.Index + m.Length);
            if (len > 0)
            {
                names.Add((m.Index + m.Length, len));
            }
        }

        for (var m = PhiPatterns.ZhNameGender().Match(text); m.Success; m = m.NextMatch())
        {
            // "张三，男，" : the name is the end of the Chinese run before the comma ("患者张三" -> "张三").
            var runEnd = m.Index;
            var runStart = runEnd;
            while (runStart > 0 && runEnd - runStart < 4 && ChineseLexicon.IsHan(text[runStart - 1]))
            {
                runStart--;
            }

            for (var start = runStart; start < runEnd - 1; start++)
            {
                var len = NameLengthAt(text, start);
                if (len > 0 && start + len == runEnd)
                {
                    names.Add((start, len));
                    break;
                }
            }
        }

        for (var m = PhiPatterns.ZhNameBeforeTitle().Match(text); m.Success; m = m.NextMatch())
        {
            // Up to four Chinese characters before the title: "由王明医生", "李主任", "欧阳建华教授".
            var end = m.Index;
            var vIndex = end;
            while (vIndex > 0 && end - vIndex < 4 && ChineseLexicon.IsHan(text[vIndex - 1]))
            {
                vIndex--;
            }

            for (var start = vIndex; start < end; start++)
            {
                var len = end - start;
                var compound = len >= 2 && ChineseLexicon.CompoundSurnames.Contains(text.Substring(start, 2));
                if (!compound && !ChineseLexicon.IsSurname(text[start]))
                {
                    continue;
                }

                var surname = compound ? 2 : 1;
                var ok = len == surname
                    ? start == vIndex ? !IsWordBefore(text, start) : "由请找被与和及给向经让叫跟同见问对".Contains(text[start - 1])
                    : IsGivenName(text.AsSpan(start + surname, len - surname)) && !ChineseLexicon.NotNameBigrams.Contains(text.Substring(start, 2));
                if (ok)
                {
                    names.Add((start, len));
                    break;
                }
            }
        }

        SubjectBeforeVerb(text, names);
        foreach (var (start, length) in names)
        {
            found.Add(PhiCategory.Name, start, length);
        }

        // Every other occurrence of a full name found in context is the same person.
        foreach (var name in names.Where(n => n.Length >= 2).Select(n => text.Substring(n.Start, n.Length)).Distinct(StringComparer.Ordinal))
        {
            for (var i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + name.Length, StringComparison.Ordinal))
            {
                found.Add(PhiCategory.Name, i, name.Length, PhiPriority.NameRepeat);
            }
        }
    }

    /// <summary>
    /// A name with no cue as the subject of a clause that reports what the person said: at the start of the
    /// text or after a clause mark, a full name right before 诉 / 自诉 / 述 / 称 / 反映 / 表示 ("：卢鹏涛诉头晕").
    /// </summary>
    private static void SubjectBeforeVerb(string text, List<(int Start, int Length)> names)
    {
        for (var m = PhiPatterns.ZhReportingVerb().Match(text); m.Success; m = m.NextMatch())
        {
            for (var start = Math.Max(0, m.Index - 4); start <= m.Index - 2; start++)
            {
                var clauseStart = start == 0 || "：:，,。；;！？!?\n）)】]“\"".Contains(text[start - 1]);
                if (clauseStart && NameLengthAt(text, start) == m.Index - start)
                {
                    names.Add((start, m.Index - start));
                    break;
                }
            }
        }
    }

    /// <summary>Length of a name (surname + 1-2 given characters) starting at <paramref name="i"/>, or 0.</summary>
    internal static int NameLengthAt(string text, int i)
    {
        if (i >= text.Length)
        {
            return 0;
        }

        var surname = 0;
        if (i + 1 < text.Length && ChineseLexicon.CompoundSurnames.Contains(text.Substring(i, 2)))
        {
            surname = 2;
        }
        else if (ChineseLexicon.IsSurname(text[i]))
        {
            surname = 1;
        }

        if (surname == 0 || (i + 2 <= text.Length && ChineseLexicon.NotNameBigrams.Contains(text.Substring(i, 2))))
        {
            return 0;
        }

        var given = 0;
        while (given < 2 && i + surname + given < text.Length && IsGivenChar(text[i + surname + given]))
        {
            given++;
        }

        // "王某" / "张某某" are already anonymised forms but still name a person.
        return given == 0 ? 0 : surname + given;
    }

    private static bool IsGivenChar(char c) => ChineseLexicon.IsHan(c) && !ChineseLexicon.IsStop(c);

    private static bool IsGivenName(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!IsGivenChar(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWordBefore(string text, int i) => i > 0 && ChineseLexicon.IsHan(text[i - 1]);
}

/// <summary>Chinese person names (<see cref="ChineseNames"/>).</summary>
internal sealed class ChineseNameRecognizer : IPhiRecognizer
{
    public TextFeatures Needs => TextFeatures.Han;

    public void Find(PhiText text, CandidateSet found) => ChineseNames.Run(text.Value, found);
}
