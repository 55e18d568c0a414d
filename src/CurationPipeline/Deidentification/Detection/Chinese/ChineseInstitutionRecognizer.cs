using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>
/// Hospitals and clinics named by their place, which identify where a patient was treated: "温州市中医院",
/// "胜利县人民医院", "恒通镇卫生院", "广州东方大学附属第一医院". The name runs back from the institution word over
/// Chinese characters to the start of the run or to the last word before it that cannot be part of a name (在, 于,
/// 联系, 转至 ...), and must hold a place (a name and 市/县/区/镇/乡/省/州/旗) or a university; so "上级医院",
/// "当地医院", "社区医院" and "中医院" stay.
/// </summary>
internal sealed partial class ChineseInstitutionRecognizer : IPhiRecognizer
{
    private const int MaxName = 16;

    /// <summary>Characters no institution's name holds: particles, and 院 that ends another name before it.</summary>
    private const string NotInName = "的了着或是被把将也还就又很院所";

    private const string PlaceUnits = "市县区镇乡省州旗";

    /// <summary>Words a name does not begin with: verbs and particles before it ("已联系合肥市妇幼保健院").</summary>
    private static readonly string[] Before =
    [
        "联系", "转至", "转往", "转入", "转到", "转诊", "就诊", "就医", "治疗", "住院", "前往", "来自", "送往", "送至", "送到", "返回", "回到",
        "曾在", "曾于", "并在", "后在", "比如", "例如", "经", "在", "于", "至", "到", "往", "赴", "去", "从", "由", "及", "和", "与", "或", "、", "我", "为",
        "像", "是", "说", "看", "有",
    ];

    /// <summary>Unit-character words that name no place ("社区医院", "市区", "病区").</summary>
    private static readonly string[] NoPlace = ["当地", "本地", "外地", "附近", "老家", "我们", "你们", "他们", "咱们", "社区", "地区", "市区", "城区", "郊区", "山区", "病区", "院区", "小区", "街区", "县级", "市级", "省级", "区级", "乡镇", "城乡"];

    /// <summary>Characters before a unit that make it no place name: "该市", "全县", "本省".</summary>
    private const string Determiners = "全各该本外此我贵其每某";

    public TextFeatures Needs => TextFeatures.Han;

    public void Find(PhiText phiText, CandidateSet found)
    {
        var text = phiText.Value;
        for (var m = Institution().Match(text); m.Success; m = m.NextMatch())
        {
            var start = NameStart(text, RunStart(text, m.Index), m.Index);
            if (start >= 0)
            {
                found.Add(PhiCategory.Organization, start, m.Index + m.Length - start);
            }
        }

        for (var m = Employer().Match(text); m.Success; m = m.NextMatch())
        {
            var start = NameStart(text, RunStart(text, m.Index), m.Index);
            if (start >= 0 && !ChinesePlaceNames.IsHospital(text.AsSpan(start, m.Index - start)))
            {
                found.Add(PhiCategory.Organization, start, m.Index + m.Length - start);
            }
        }
    }

    /// <summary>The start of the run of Chinese characters and digits before <paramref name="end"/> that may be a name.</summary>
    private static int RunStart(string text, int end)
    {
        var runStart = end;
        while (runStart > 0 && end - runStart < MaxName && (ChineseLexicon.IsHan(text[runStart - 1]) || char.IsAsciiDigit(text[runStart - 1]))
            && !NotInName.Contains(text[runStart - 1]))
        {
            runStart--;
        }

        return runStart;
    }

    /// <summary>
    /// Where the hospital's name before the institution word at <paramref name="end"/> starts, or -1 when the words
    /// there name no place: after the last verb or particle before it (在, 去, 转至 ...), so "现在去市里医院" names none.
    /// </summary>
    private static int NameStart(string text, int runStart, int end)
    {
        var afterWord = -1;
        for (var i = runStart; i < end - 1; i++)
        {
            foreach (var word in Before)
            {
                // A one-character word that starts a common word is part of the name ("和平县").
                if (text.AsSpan(i).StartsWith(word, StringComparison.Ordinal) && !(word.Length == 1 && ChineseWords.PairAt(text, i)))
                {
                    afterWord = i + word.Length;
                    break;
                }
            }
        }

        // The name starts after the last such word ("我打算明天去市儿童医院" names none).
        var nameStart = afterWord < 0 ? runStart : afterWord;
        if (HoldsPlace(text.AsSpan(nameStart, end - nameStart)))
        {
            return nameStart;
        }

        // A place name without its unit (北京协和医院, 昆明儿童医院) or a hospital's short name (协和医院).
        // A one-character word may also start the place's name (在于都县, 和平县): the search starts on it.
        for (var i = Math.Max(runStart, afterWord - 1); i <= end - 2; i++)
        {
            var name = text.AsSpan(i, end - i);
            if (ChinesePlaceNames.PlaceAt(name) > 0 || ChinesePlaceNames.IsHospital(name))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when the words before the institution word name a place or a university.</summary>
    private static bool HoldsPlace(ReadOnlySpan<char> name)
    {
        if (name.Length < 2)
        {
            return false;
        }

        var university = name.IndexOf("大学", StringComparison.Ordinal);
        if (university >= 2)
        {
            return true;
        }

        for (var i = 2; i < name.Length; i++)
        {
            // A place name of two characters at least before its unit ("温州市", "胜利县"; not "入县医院").
            if (i >= 2 && PlaceUnits.Contains(name[i]) && !IsNoPlace(name.Slice(i - 1, 2)) && !IsNoPlace(name.Slice(i - 2, 2)) && ChineseLexicon.IsHan(name[i - 1]) && ChineseLexicon.IsHan(name[i - 2])
                && !Determiners.Contains(name[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNoPlace(ReadOnlySpan<char> pair)
    {
        foreach (var word in NoPlace)
        {
            if (pair.SequenceEqual(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Employers and schools, named by their place like hospitals ("温州华信科技有限公司", "宁海第一中学").</summary>
    [GeneratedRegex(@"(?:有限责任公司|股份有限公司|有限公司|集团|第[一二三四五六七八九十]+中学|中学|实验小学|小学|机械厂|银行)", RegexOptions.CultureInvariant)]
    private static partial Regex Employer();

    [GeneratedRegex(@"(?:人民医院|中医医院|中西医结合医院|中医院|医院|卫生院|保健院|卫生服务中心|卫生服务站|卫生室|诊所|门诊部|疗养院|急救中心)", RegexOptions.CultureInvariant)]
    private static partial Regex Institution();
}
