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
            AddAddress(found, m.Groups["v"], requireTwoParts: false);
        }

        foreach (Match m in PhiPatterns.ZhAddressStart().Matches(text))
        {
            AddAddress(found, m.Groups["v"], requireTwoParts: true);
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
            var v = m.Groups["v"];
            // "张三，男，" : the name is the end of the run, e.g. "患者张三" -> "张三".
            for (var start = v.Index; start < v.Index + v.Length - 1; start++)
            {
                var len = NameLengthAt(text, start);
                if (len > 0 && start + len == v.Index + v.Length)
                {
                    names.Add((start, len));
                    break;
                }
            }
        }

        foreach (Match m in PhiPatterns.ZhNameBeforeTitle().Matches(text))
        {
            var v = m.Groups["v"];
            var end = v.Index + v.Length;
            for (var start = v.Index; start < end; start++)
            {
                var len = end - start;
                var compound = len >= 2 && ChineseLexicon.CompoundSurnames.Contains(text.Substring(start, 2));
                if (!compound && !ChineseLexicon.IsSurname(text[start]))
                {
                    continue;
                }

                var surname = compound ? 2 : 1;
                var ok = len == surname
                    ? start == v.Index ? !IsWordBefore(text, start) : "由请找被与和及给向经让叫跟同见问对".Contains(text[start - 1])
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

    private static void AddAddress(CandidateSet found, Group v, bool requireTwoParts)
    {
        var len = LastSuffixEnd(v.Value, AddressEnds);
        if (len < 2)
        {
            return;
        }

        var value = v.Value.AsSpan(0, len);
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
            found.Add(PhiCategory.Address, v.Index, len, 50);
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
