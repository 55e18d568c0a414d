namespace CurationPipeline.Deidentification;

/// <summary>Recognisers of Chinese addresses and employers/schools (context-driven); names are in <see cref="ChineseNames"/>.</summary>
internal static class ChineseRecognizers
{
    private const string AddressEnds = "省市区县镇乡村路街道号栋幢单元室楼层弄巷组苑园里庄屯寨旗盟州";
    private const string OrgEnds = "公司集团大学学院中学小学幼儿园学校医院研究所研究院局厂银行中心委员会事务所店社部所处站队馆";

    public static void Run(string text, CandidateSet found)
    {
        ChineseNames.Run(text, found);
        for (var m = PhiPatterns.ZhCuedAddress().Match(text); m.Success; m = m.NextMatch())
        {
            AddAddress(found, text, m.Groups["v"].Index, m.Groups["v"].Length, requireTwoParts: false);
        }

        for (var m = PhiPatterns.ZhAddressStart().Match(text); m.Success; m = m.NextMatch())
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

        for (var m = PhiPatterns.ZhOrganization().Match(text); m.Success; m = m.NextMatch())
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
