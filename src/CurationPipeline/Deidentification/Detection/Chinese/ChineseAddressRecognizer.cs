namespace CurationPipeline.Deidentification;

/// <summary>
/// Chinese addresses: after a cue (住址, 家住 ...), from a province, or from a city at a clause start, cut after
/// the last address character.
/// </summary>
internal sealed class ChineseAddressRecognizer : IPhiRecognizer
{
    private const string AddressEnds = "省市区县镇乡村路街道号栋幢单元室楼层弄巷组苑园里庄屯寨旗盟州";

    /// <summary>Characters no address holds: particles and words of a description ("一个比较安全的社区", "贵州等省").</summary>
    private const string NotInAddress = "的等和及或与这那些较很";

    public TextFeatures Needs => TextFeatures.Han;

    public void Find(PhiText phiText, CandidateSet found)
    {
        var text = phiText.Value;
        for (var m = PhiPatterns.ZhCuedAddress().Match(text); m.Success; m = m.NextMatch())
        {
            // After a label (住址：) any place is the address; after a verb (住在, 居住于) a place named by two parts at
            // least ("住在西湖区留下街道", not "居住在疟疾流行地区").
            var label = m.Value.AsSpan().IndexOfAny("址籍：:") >= 0 || m.Value.Contains("出生地", StringComparison.Ordinal);
            AddAddress(found, text, m.Groups["v"].Index, m.Groups["v"].Length, requireTwoParts: !label);
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
    }

    private static int NextIndex(string text, int from)
    {
        var j = from < text.Length ? text.AsSpan(from).IndexOfAny('市', '省') : -1;
        return j < 0 ? -1 : from + j;
    }

    private static void AddAddress(CandidateSet found, string text, int start, int length, bool requireTwoParts)
    {
        var v = text.Substring(start, length);
        var len = ChineseLexicon.LastSuffixEnd(v, AddressEnds);
        if (len < 2)
        {
            return;
        }

        var value = v.AsSpan(0, len);
        for (var i = value.IndexOfAny(NotInAddress); i >= 0; i = value[(i + 1)..].IndexOfAny(NotInAddress) is var next and >= 0 ? i + 1 + next : -1)
        {
            // A particle inside a word is none: 和平路, 等离子 are no "和"/"等".
            if (!ChineseWords.PairAt(v, i) && !ChineseWords.PairAt(v, i - 1))
            {
                return;
            }
        }

        // A part is a name and its end character: "杭州市西湖区" has two, "市里" one.
        var parts = 0;
        var named = false;
        foreach (var c in value)
        {
            if (AddressEnds.Contains(c))
            {
                parts += named ? 1 : 0;
                named = false;
            }
            else
            {
                named = true;
            }
        }

        if (!requireTwoParts || parts >= 2)
        {
            found.Add(PhiCategory.Address, start, len);
        }
    }

}
