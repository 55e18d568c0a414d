using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>Recognisers of Chinese names, addresses and employers/schools (context-driven).</summary>
internal static class ChineseRecognizers
{
    private const string AddressEnds = "省市区县镇乡村路街道号栋幢单元室楼层弄巷组苑园里庄屯寨旗盟州";
    private const string OrgEnds = "公司集团大学学院中学小学幼儿园学校医院研究所研究院局厂银行中心委员会事务所店社部所处站队馆";

    public static void Run(string text, CandidateSet found)
    {
        Names(text, found);
        foreach (Match m in PhiPatterns.ZhCuedAddress().Matches(text))
        {
            AddAddress(found, text, m.Groups["v"].Index, m.Groups["v"].Length, requireTwoParts: false);
        }

        foreach (Match m in PhiPatterns.ZhAddressStart().Matches(text))
        {
            AddAddress(found, text, m.Index, m.Length, requireTwoParts: true);
        }

        // "杭州市西湖区..." at a clause start: 2-3 characters before 市/省 with no Chinese character before them.
        for (var i = text.AsSpan().IndexOfAny('市', '省'); i >= 0; i = NextIndex(text, i + 1))
        {
            var run = 0;
            while (run < 4 && i - run - 1 >= 0 && ChineseLexicon.IsHan(text[i - run - 1]))
            {
                run++;
            }

            if (run is 2 or 3)
            {
                var end = i + 1;
                while (end < text.Length && end - i <= 50 && (ChineseLexicon.IsHan(text[end]) || char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '－' or '#'))
                {
                    end++;
                }

                if (end - i - 1 >= 2)
                {
                    AddAddress(found, text, i - run, end - (i - run), requireTwoParts: true);
                }
            }
        }

        foreach (Match m in PhiPatterns.ZhOrganization().Matches(text))
        {
            var v = m.Groups["v"];
            var cut = LastSuffixEnd(v.Value, OrgEnds);
            var len = cut > 0 ? cut : StopAtVerb(v.Value);
            if (len >= 2)
            {
                found.Add(PhiCategory.Organization, v.Index, len, 45);
            }
        }
    }

    private static void Names(string text, CandidateSet found)
    {
        var names = new List<(int Start, int Length)>();
        foreach (Match m in PhiPatterns.ZhNameCue().Matches(text))
        {
            var len = NameLengthAt(text, m.Index + m.Length);
            if (len > 0)
            {
                names.Add((m.Index + m.Length, len));
            }
        }

        foreach (Match m in PhiPatterns.ZhNameGender().Matches(text))
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

        foreach (Match m in PhiPatterns.ZhNameBeforeTitle().Matches(text))
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

        foreach (var (start, length) in names)
        {
            found.Add(PhiCategory.Name, start, length, 40);
        }

        // Every other occurrence of a full name found in context is the same person.
        foreach (var name in names.Where(n => n.Length >= 2).Select(n => text.Substring(n.Start, n.Length)).Distinct(StringComparer.Ordinal))
        {
            for (var i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + name.Length, StringComparison.Ordinal))
            {
                found.Add(PhiCategory.Name, i, name.Length, 39);
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

    private static int NextIndex(string text, int from)
    {
        var j = from < text.Length ? text.AsSpan(from).IndexOfAny('市', '省') : -1;
        return j < 0 ? -1 : from + j;
    }

    private static void AddAddress(CandidateSet found, string text, int start, int length, bool requireTwoParts)
    {
        var v = text.Substring(start, length);
        var len = LastSuffixEnd(v, AddressEnds);
        if (len < 2)
        {
            return;
        }

        var value = v.AsSpan(0, len);
        var parts = 0;
        foreach (var c in value)
        {
            if (AddressEnds.Contains(c))
            {
                parts++;
            }
        }

        if (!requireTwoParts || parts >= 2)
        {
            found.Add(PhiCategory.Address, start, len, 50);
        }
    }

    private static int LastSuffixEnd(string value, string ends)
    {
        for (var i = value.Length - 1; i >= 0; i--)
        {
            if (ends.Contains(value[i]))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static int StopAtVerb(string value)
    {
        foreach (var verb in (ReadOnlySpan<string>)["工作", "上班", "任职", "担任", "从事", "就读", "读书", "学习", "做", "当"])
        {
            var i = value.IndexOf(verb, StringComparison.Ordinal);
            if (i >= 0)
            {
                value = value[..i];
            }
        }

        return value.Length;
    }
}
