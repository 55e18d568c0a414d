using System.Text.RegularExpressions;

namespace CurationPipeline.Departments;

/// <summary>Why a clause of clinical text is, or is not, evidence about the patient's present problem.</summary>
public enum ClauseStatus
{
    Affirmed,
    Negated,
    PastHistory,
    FamilyHistory,
    RuleOut,
}

/// <summary>A clause of the text: its characters, its status and how much it weighs (chief complaint and diagnosis most).</summary>
public sealed record Clause(int Start, string Text, ClauseStatus Status, double Weight);

/// <summary>
/// Reads clinical text the way a physician tagging it would: splits it into clauses (sentence and comma
/// boundaries; an enumeration with 、 stays one clause so that "无发热、咳嗽" negates both), follows record
/// sections (主诉, 既往史, 家族史, 诊断, ...) and marks each clause affirmed, negated (没有, 否认, 无, 未见,
/// denies, no, ...), past history, family history or rule-out (排除, 除外, rule out). A negation cue negates
/// what follows it in its clause, so "无明显诱因出现头痛" keeps 头痛 (a fixed phrase, not a negation).
/// Chief complaint and diagnosis clauses weigh <see cref="KeyWeight"/>, others 1.
/// </summary>
public static class ClinicalReading
{
    /// <summary>The weight of chief-complaint and diagnosis clauses, and of the item's answer.</summary>
    public const double KeyWeight = 3;

    private static readonly Regex Section = new(
        @"(?:^|[\n\u3000 【\[])(?<name>主诉|现病史|既往史|个人史|婚育史|月经史|家族史|过敏史|查体|体格检查|专科检查|辅助检查|初步诊断|入院诊断|出院诊断|门诊诊断|临床诊断|修正诊断|术前诊断|术后诊断|诊断|诊疗计划|治疗计划|处理|Chief complaint|History of present illness|Past (?:medical )?history|Family history|Social history|Diagnosis|Impression|Assessment)\s*[:：】\]]",
        RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // Negation cues; the pseudo-negations are phrases that contain a cue but negate nothing clinical.
    private static readonly string[] NegationCues =
        ["没有", "否认", "未见", "未发现", "未闻及", "未触及", "未出现", "不伴", "无", "未", "非", "并非", "不是",
         "denies", "denied", "deny", "no ", "not ", "without", "negative for", "absence of", "free of"];

    private static readonly string[] PseudoNegations =
        ["无明显诱因", "无诱因", "无明显原因", "无原因", "未予特殊处理", "未予处理", "未予重视", "无特殊", "不明原因", "未明", "非常", "无法",
         "no longer", "not only", "no change in"];

    // Family history: a family-history phrase, or a relative together with a history word. A relative alone is
    // often the patient ("我妈妈最近总头晕" asks for the mother), so it is not enough.
    private static readonly string[] FamilyHistoryCues = ["家族史", "家族中", "家族里", "家族有", "遗传史", "家族遗传", "family history", "familial"];

    private static readonly string[] Relatives =
        ["家里人", "家人", "父亲", "母亲", "父母", "爸爸", "妈妈", "爷爷", "奶奶", "外公", "外婆", "姥姥", "姥爷", "祖父", "祖母", "兄弟",
         "姐妹", "哥哥", "姐姐", "弟弟", "妹妹", "亲属", "亲戚", "mother", "father", "sister", "brother", "parent", "grandmother", "grandfather", "sibling", "uncle", "aunt"];

    private static readonly string[] RelativeHistoryWords = ["史", "遗传", "去世", "死于", "也有", "也得", "也患", "得过", "患过", "had ", "died", "history"];

    private static readonly string[] PastCues =
        ["既往", "曾患", "曾有", "曾行", "曾因", "以前得过", "以前有过", "过去有", "多年前", "病史", "已治愈", "已痊愈",
         "past history", "history of", "previously", "years ago", "prior", "resolved"];

    private static readonly string[] RuleOutCues = ["排除", "除外", "待排", "rule out", "ruled out", "r/o", "exclude", "excluded"];

    /// <summary>The clauses of <paramref name="text"/>, in order; <paramref name="baseWeight"/> scales every weight.</summary>
    public static IReadOnlyList<Clause> Read(string text, double baseWeight = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        var headers = Section.Matches(text).Select(m => (Name: m.Groups["name"].Value, NameAt: m.Groups["name"].Index, End: m.Index + m.Length)).ToList();
        var clauses = new List<Clause>();
        var start = 0;
        string? section = null;
        var next = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !IsBoundary(text[i]))
            {
                continue;
            }

            // A header ends at its colon (a boundary): its own words are no evidence, its section rules what follows.
            var isHeader = false;
            while (next < headers.Count && headers[next].End <= i + 1)
            {
                isHeader |= headers[next].NameAt >= start && headers[next].End == i + 1;
                section = headers[next].Name;
                next++;
            }

            if (!isHeader && text.AsSpan(start, i - start).Trim().Length > 0)
            {
                clauses.Add(Classify(start, text[start..i], section, baseWeight));
            }

            start = i + 1;
        }

        return clauses;
    }

    /// <summary>
    /// The part of a clause that counts as evidence: the clause when affirmed, else the text before its first
    /// negation cue (what the cue negates is what follows it). Empty for past, family and rule-out clauses.
    /// </summary>
    public static string EvidenceText(Clause clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return clause.Status switch
        {
            ClauseStatus.Affirmed => clause.Text,
            ClauseStatus.Negated => clause.Text[..NegationAt(clause.Text)],
            _ => "",
        };
    }

    private static Clause Classify(int start, string body, string? section, double baseWeight)
    {
        var lower = body.ToLowerInvariant();
        var sectionName = section?.ToLowerInvariant() ?? "";
        var weight = sectionName switch
        {
            "主诉" or "chief complaint" => KeyWeight,
            _ when sectionName.Contains("诊断", StringComparison.Ordinal) || sectionName is "diagnosis" or "impression" or "assessment" => KeyWeight,
            _ => 1,
        } * baseWeight;
        var status = sectionName switch
        {
            "家族史" or "family history" => ClauseStatus.FamilyHistory,
            "既往史" or "past history" or "past medical history" or "过敏史" => ClauseStatus.PastHistory,
            _ => ClauseStatus.Affirmed,
        };
        if (status == ClauseStatus.Affirmed)
        {
            if (RuleOutCues.Any(c => lower.Contains(c, StringComparison.Ordinal)))
            {
                status = ClauseStatus.RuleOut;
            }
            else if (FamilyHistoryCues.Any(c => lower.Contains(c, StringComparison.Ordinal))
                || (Relatives.Any(c => lower.Contains(c, StringComparison.Ordinal)) && RelativeHistoryWords.Any(c => lower.Contains(c, StringComparison.Ordinal))))
            {
                status = ClauseStatus.FamilyHistory;
            }
            else if (PastCues.Any(c => lower.Contains(c, StringComparison.Ordinal)))
            {
                status = ClauseStatus.PastHistory;
            }
            else if (NegationAt(body) < body.Length)
            {
                status = ClauseStatus.Negated;
            }
        }

        return new Clause(start, body, status, weight);
    }

    /// <summary>Where the first real negation cue of a clause starts; its length when it has none.</summary>
    private static int NegationAt(string clause)
    {
        var lower = " " + clause.ToLowerInvariant();
        var masked = lower.ToCharArray();
        foreach (var pseudo in PseudoNegations)
        {
            for (var at = lower.IndexOf(pseudo, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(pseudo, at + 1, StringComparison.Ordinal))
            {
                Array.Fill(masked, '\u0001', at, pseudo.Length);
            }
        }

        var text = new string(masked);
        var first = clause.Length;
        foreach (var cue in NegationCues)
        {
            var at = text.IndexOf(cue, StringComparison.Ordinal);
            if (at >= 0 && IsWordStart(text, at, cue))
            {
                first = Math.Min(first, Math.Max(0, at - 1));
            }
        }

        return first;
    }

    // An English cue must start a word ("no " inside "piano " is none); Chinese cues have no word boundary.
    private static bool IsWordStart(string text, int at, string cue) =>
        !char.IsAsciiLetter(cue[0]) || at == 0 || !char.IsAsciiLetter(text[at - 1]);

    private static bool IsBoundary(char c) => c is '。' or '；' or ';' or '！' or '!' or '？' or '?' or '\n' or '，' or ',' or '.' or '：' or ':';
}
