namespace CurationPipeline.Deidentification;

/// <summary>Chinese employers and schools after a cue (工作单位, 就职于, 在…公司工作 ...).</summary>
internal sealed class ChineseOrganizationRecognizer : IPhiRecognizer
{
    private const string OrgEnds = "公司集团大学学院中学小学幼儿园学校医院研究所研究院局厂银行中心委员会事务所店社部所处站队馆";

    public TextFeatures Needs => TextFeatures.Han;

    public void Find(PhiText phiText, CandidateSet found)
    {
        var text = phiText.Value;
        for (var m = PhiPatterns.ZhOrganization().Match(text); m.Success; m = m.NextMatch())
        {
            var v = m.Groups["v"];
            var cut = ChineseLexicon.LastSuffixEnd(v.Value, OrgEnds);
            var len = cut > 0 ? cut : StopAtVerb(v.Value);
            if (len >= 2)
            {
                found.Add(PhiCategory.Organization, v.Index, len);
            }
        }
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
