using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>
/// Chinese person names, found by their context: a field label ("姓名：", "医师签名："; any surname), a role or
/// relation before the name ("患者", "家属", "其女儿"), a title after it ("王医生", "李主任", "赵女士"), "，男，" after
/// it, a dialogue speaker label, the subject of a reporting verb, a list joined by "、" with a name in it, and minority
/// names written with "·". Outside a field label a name is a surname of the inventory (<see cref="SurnameInventory"/>)
/// and one or two given-name characters; where the context is weak (a title, a speaker label, a list, a verb) the
/// given name must also be one seen as a given name (<see cref="GivenNameEvidence"/>). Every other occurrence of a
/// full name found once is the same person.
/// </summary>
internal static partial class ChineseNames
{
    /// <summary>Characters before a name (or a surname and a title) that let it start there: 由王医生, 请李主任, 随张主任.</summary>
    private const string Particles = "由请找被与和及给向经让叫跟同见问对随陪将把称为是日天";

    /// <summary>
    /// Characters that never start a given name, although some are given-name characters elsewhere: the first given
    /// character may otherwise be a character that ends names in clinical text when it commonly starts given names
    /// (王中华, 李向东, 张小明).
    /// </summary>
    private const string NeverFirstGiven = "因于在是为诉述称自等的了和与及或被把将从对由到给让使所其该此这那每各也都而但并又再均则即岁次周天分秒个患者医师护签住院门急科室床号电话身份证男女性";

    /// <summary>Words before a name that let it start there: 谢谢王医生, 告知李主任, 我院张教授.</summary>
    private static readonly string[] LeftWords = ["谢谢", "感谢", "告知", "告诉", "通知", "联系", "询问", "麻烦", "报告", "汇报", "院", "科", "室", "组"];

    /// <summary>Verbs before 院 that make it a hospital stay (出院, 住院, 入院, 转院), not a hospital before a name.</summary>
    private const string StayVerbs = "出入住转来离回";

    /// <summary>Surname characters that are more often conjunctions or particles: outside a label they start no name.</summary>
    private const string FunctionSurnames = "和与及或同跟也都还就又在从向对把被给让为以于是有无不其之那能应随中相过";

    /// <summary>Function-word surnames that are also common surnames (于): after a cue they start a name whose given name is one.</summary>
    private const string CommonFunctionSurnames = "于";

    /// <summary>Cue words that are relations or labels: a name after them is taken even when it is also a common word.</summary>
    private static readonly HashSet<string> RelationCues = new(StringComparer.Ordinal)
    {
        "姓名", "名字", "叫做", "名叫", "签名", "签字人", "记录者", "记录人", "家属", "陪同人", "陪护人", "配偶", "丈夫", "妻子", "爱人", "之子", "之女",
        "儿子", "女儿", "父亲", "母亲", "其子", "其女", "其女儿", "其儿子", "其夫", "其妻", "其母", "其父", "其兄", "其弟", "其姐", "其妹", "长子",
        "次子", "三子", "长女", "次女", "三女", "孙子", "孙女", "外孙", "外孙女", "儿媳", "女婿", "哥哥", "姐姐", "弟弟", "妹妹", "监护人", "代诉人",
        "陈述者", "同事", "朋友", "邻居", "保姆", "护工",
    };

    /// <summary>Values of a name field that are no name.</summary>
    private static readonly HashSet<string> NotNameValues = new(StringComparer.Ordinal)
    {
        "不详", "未知", "本人", "患者本人", "患者", "家属", "无", "同上", "见上", "已签", "签字", "拒签", "未签", "缺如", "待定", "空缺",
    };

    public static void Run(string text, CandidateSet found)
    {
        var names = new List<(int Start, int Length)>();
        Labelled(text, names);
        Cued(text, names);
        SelfIntroduced(text, names);
        Gender(text, names);
        BeforeTitle(text, names);
        SpeakerLabels(text, names);
        SubjectBeforeVerb(text, names);
        Minority(text, names);
        Lists(text, names);
        foreach (var (start, length) in names)
        {
            found.Add(PhiCategory.Name, start, length);
        }

        // Every other occurrence of a full name found in context is the same person; so is each part of a name
        // written with a middle dot ("艾力医生" after "艾力·吐尔逊").
        var full = names.Where(n => n.Length >= 2).Select(n => text.Substring(n.Start, n.Length)).ToList();
        full.AddRange(full.Where(n => n.AsSpan().IndexOfAny("·•・") >= 0).SelectMany(n => n.Split('·', '•', '・')).Where(p => p.Length >= 2).ToList());
        foreach (var name in full.Distinct(StringComparer.Ordinal))
        {
            for (var i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + name.Length, StringComparison.Ordinal))
            {
                found.Add(PhiCategory.Name, i, name.Length, PhiPriority.NameRepeat);
            }
        }
    }

    /// <summary>
    /// The value of a name field: a name of the inventory when one starts there, else the run of two or three Chinese
    /// characters (four for a run that a separator ends) up to the next separator, whatever its surname.
    /// </summary>
    private static void Labelled(string text, List<(int Start, int Length)> names)
    {
        for (var m = PhiPatterns.ZhStrongNameLabel().Match(text); m.Success; m = m.NextMatch())
        {
            // A list in the field ("参加人员：王明、李华、张丽") holds names alike.
            for (var start = m.Index + m.Length; LabelValue(text, start, names) is var end and > 0 && end + 1 < text.Length && text[end] == '、';)
            {
                start = end + 1;
            }
        }
    }

    /// <summary>Adds the name a field value starting at <paramref name="start"/> holds; returns its end, or 0 if none.</summary>
    private static int LabelValue(string text, int start, List<(int Start, int Length)> names)
    {
        var run = HanRun(text, start, 8);
        if (run == 0)
        {
            return 0;
        }

        if (MinorityLength(text, start) is > 0 and var minority)
        {
            names.Add((start, minority));
            return start + minority;
        }

        // "上级医师：王明主任": a title that ends the run is not part of the name.
        var title = PhiPatterns.ZhNameBeforeTitle().Match(text, start, run);
        var ends = IsSeparatorAt(text, start + run);
        if (title.Success && title.Index + title.Length == start + run && title.Index > start)
        {
            (run, ends) = (title.Index - start, true);
            if (SurnameLengthAt(text, start) == run)
            {
                // "上级医师：宗主任": the surname alone.
                names.Add((start, run));
                return start + run;
            }
        }

        var value = text.AsSpan(start, Math.Min(run, 4)).ToString();
        var known = NameLengthAt(text, start, evidence: false);
        if (known > 0 && (known == run || !ends))
        {
            names.Add((start, known));
            return start + known;
        }

        // A field's whole value of three characters is a name even when it starts like a word ("罗红良", not "罗红霉素").
        if (run is >= 2 and <= 4 && ends && !NotNameValues.Contains(value) && (run == 3 || !ChineseLexicon.NotNameBigrams.Contains(value[..2])))
        {
            names.Add((start, run));
            return start + run;
        }

        return 0;
    }

    /// <summary>A name of the inventory right after a role, relation or label ("患者李建国", "由其女儿王丽陪同").</summary>
    private static void Cued(string text, List<(int Start, int Length)> names)
    {
        var dialogue = IsDialogue(text);
        for (var m = PhiPatterns.ZhNameCue().Match(text); m.Success; m = m.NextMatch())
        {
            var start = m.Index + m.Length;
            if (start < text.Length && FunctionSurnames.Contains(text[start]) && !CommonFunctionSurnames.Contains(text[start]))
            {
                continue;
            }

            // In a dialogue a role and a colon at a line start are a speaker label: an utterance follows, not a name.
            if (dialogue && (m.Index == 0 || text[m.Index - 1] == '\n') && m.Value.AsSpan().IndexOfAny("：:") >= 0)
            {
                continue;
            }

            // A role right after a speaker's colon addresses the listener ("患者：医生益生菌能吃吗"): no name follows.
            if (dialogue && m.Index > 0 && text[m.Index - 1] is '：' or ':' && !RelationCues.Contains(m.Value.Trim()))
            {
                continue;
            }

            // A cue word that is part of a longer word is none ("辅助手段", "助手段来"). A relation is read as a word
            // whatever follows it ("其女儿马丽", "之女王芳"), unless it ends a word before it ("妇女儿童").
            var glued = m.Value.Length == m.Value.TrimEnd().TrimEnd('：', ':').TrimEnd().Length;
            var relation = RelationCues.Contains(m.Value.Trim());
            // A word that the cue's last character starts is the better reading only when it is at least as common as the
            // cue ("助手段": 手段; not "社区医生姜龙": 生姜).
            if (glued && (relation ? m.Value[0] is not ('其' or '之') && ChineseWords.PairAt(text, m.Index - 1)
                    : ChineseWords.PairAt(text, start - 1) && ChineseWords.CountOf(text.AsSpan(start - 1, 2)) >= ChineseWords.CountOf(m.Value.AsSpan().Trim())))
            {
                continue;
            }

            var len = MinorityLength(text, start) is > 0 and var minority ? minority : NameLengthAt(text, start, evidence: true);
            // A relation, or a patient's role, with a name filling the clause after it ("患者林自丽，73岁"); not a doctor's
            // role, which an action follows as often ("让医生查体，").
            if (relation || m.Value.Trim() is "患者" or "病人" or "患儿")
            {
                len = Math.Max(len, ClauseName(text, start));
            }
            // After a colon the name is a field's value, which a separator ends; a role and a colon that start an
            // utterance ("医生：益生菌…", "患者：三天了") are a speaker label.
            var colon = m.Value.AsSpan().TrimEnd().EndsWith("：") || m.Value.AsSpan().TrimEnd().EndsWith(":");
            // After a role ("患者", "医生") an ordinary word is more likely than a name ("患者通常…", "医生能够…"); after a
            // relation or a label a name is expected even when it is also a word ("其女儿高峰").
            var role = glued && !relation;
            if (len > 0 && (!colon || IsSeparatorAt(text, start + len))
                && !(role ? IsCommonWordName(text, start, len) : ChineseWords.IsVeryCommon(text.AsSpan(start, len))))
            {
                names.Add((start, len));
            }
        }
    }

    /// <summary>A speaker naming themself ("我是张三"): a name of the inventory with a given name seen as one.</summary>
    private static void SelfIntroduced(string text, List<(int Start, int Length)> names)
    {
        for (var m = PhiPatterns.ZhSelfIntroduction().Match(text); m.Success; m = m.NextMatch())
        {
            var start = m.Index + m.Length;
            // A name that ends the clause ("我是王明，") is taken without evidence for its given name.
            var len = Math.Max(NameLengthAt(text, start, evidence: true), ClauseName(text, start));
            if (NameLengthAt(text, start, evidence: false) is > 0 and var plain && IsSeparatorAt(text, start + plain) && !ChineseWords.IsVeryCommon(text.AsSpan(start, plain)))
            {
                len = plain;
            }

            // A word jieba knows as a person's name is one here ("我是王明，").
            if (len > 0 && !FunctionSurnames.Contains(text[start]) && (IsSeparatorAt(text, start + len) || text[start + len] is '的' or '啊' or '呀')
                && (!IsCommonWordName(text, start, len) || ChineseWords.IsTaggedName(text.AsSpan(start, len))))
            {
                names.Add((start, len));
            }
        }
    }

    /// <summary>"张三，男，": the name is the end of the Chinese run before the comma ("患者张三" gives "张三").</summary>
    private static void Gender(string text, List<(int Start, int Length)> names)
    {
        for (var m = PhiPatterns.ZhNameGender().Match(text); m.Success; m = m.NextMatch())
        {
            var runEnd = m.Index;
            var runStart = runEnd;
            while (runStart > 0 && runEnd - runStart < 4 && ChineseLexicon.IsHan(text[runStart - 1]))
            {
                runStart--;
            }

            for (var start = runStart; start < runEnd - 1; start++)
            {
                var len = NameLengthAt(text, start, evidence: false);
                // A whole run of a surname and two characters is the name even when the last one often ends names
                // ("杨恒男，男，"): the comma and the sex leave no other reading.
                var whole = start == runStart && (start == 0 || !ChineseLexicon.IsHan(text[start - 1]))
                    && SurnameLengthAt(text, start) is > 0 and var surname && runEnd - start - surname is 1 or 2
                    && !IsCommonWordName(text, start, runEnd - start) && !ChineseLexicon.NotNameBigrams.Contains(text.Substring(start, 2));
                if ((len > 0 && start + len == runEnd) || whole)
                {
                    names.Add((start, runEnd - start));
                    break;
                }
            }
        }
    }

    /// <summary>
    /// A surname, or a full name, right before a title ("王医生", "欧阳明华主任", "赵女士"), where a name may start:
    /// after a non-Chinese character, a particle (由, 请, 随 ...) or a word such as 谢谢 or 告知.
    /// </summary>
    private static void BeforeTitle(string text, List<(int Start, int Length)> names)
    {
        for (var m = PhiPatterns.ZhNameBeforeTitle().Match(text); m.Success; m = m.NextMatch())
        {
            var end = m.Index;
            var runStart = end;
            while (runStart > 0 && end - runStart < 4 && ChineseLexicon.IsHan(text[runStart - 1]))
            {
                runStart--;
            }

            // "向医生", "给医生": a particle before the title makes the title its object, and no name stands between.
            if (runStart == end || Particles.Contains(text[end - 1]))
            {
                continue;
            }

            for (var start = runStart; start < end; start++)
            {
                var function = FunctionSurnames.Contains(text[start]);
                var loneCommon = CommonFunctionSurnames.Contains(text[start]) && (start == 0 || !ChineseLexicon.IsHan(text[start - 1]));
                if (!MayStartName(text, start) || (function && !loneCommon))
                {
                    continue;
                }

                var surname = SurnameLengthAt(text, start);
                var alone = start + surname == end;
                // A surname alone may be the end of a word before it or the start of one with the title ("请教医生",
                // "经过医生", "中医师"); a full name may be a word ("社区医生").
                if (surname > 0 && (alone
                        ? !ChineseWords.PairAt(text, start - 1) && !(surname == 1 && (StrongTitle(m.Value) ? ChineseWords.FrequentPairAt(text, start) : ChineseWords.PairAt(text, start)))
                        : !function && NameLengthAt(text, start, evidence: true) == end - start && !IsCommonWordName(text, start, end - start)))
                {
                    names.Add((start, end - start));
                    break;
                }
            }
        }
    }

    /// <summary>Titles that follow a surname far more often than they end a word before them: "原主任" is no 原主 (a rare
    /// word), while "中医师" is 中医.</summary>
    private static bool StrongTitle(string title) => title is "主任" or "女士" or "护士长";

    /// <summary>In a dialogue (lines starting with 医生：/患者： ...), a name that starts a line before a colon.</summary>
    private static void SpeakerLabels(string text, List<(int Start, int Length)> names)
    {
        if (!IsDialogue(text))
        {
            return;
        }

        for (var line = 0; line < text.Length; line = text.IndexOf('\n', line) is var nl and >= 0 ? nl + 1 : text.Length)
        {
            var run = HanRun(text, line, 8);
            if (line + run < text.Length && text[line + run] is '：' or ':')
            {
                var len = MinorityLength(text, line) is > 0 and var minority ? minority : NameLengthAt(text, line, evidence: true);
                if (len == run && !IsCommonWordName(text, line, len))
                {
                    names.Add((line, len));
                }
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
                if (clauseStart && NameLengthAt(text, start, evidence: true) == m.Index - start && !IsCommonWordName(text, start, m.Index - start))
                {
                    names.Add((start, m.Index - start));
                    break;
                }
            }
        }
    }

    /// <summary>Names written with a middle dot between their parts (阿依古丽·买买提), after any role or label word.</summary>
    private static void Minority(string text, List<(int Start, int Length)> names)
    {
        if (text.AsSpan().IndexOfAny("·•・") < 0)
        {
            return;
        }

        for (var m = PhiPatterns.ZhDottedName().Match(text); m.Success; m = m.NextMatch())
        {
            // A role or relation glued before the name ("患者阿依古丽·买买提", "由其妻热依拉·阿迪力") is not part of it.
            var start = m.Index;
            var firstEnd = m.Index + m.Groups["first"].Length;
            var from = Math.Max(0, m.Index - 4);
            for (var cue = PhiPatterns.ZhNameCue().Match(text, from, firstEnd - from); cue.Success; cue = cue.NextMatch())
            {
                var end = cue.Index + cue.Length;
                if (end > start && end <= firstEnd - 2)
                {
                    start = end;
                }
            }

            // "我是麦麦提·艾力": a self-introduction before the name is not part of it.
            for (var intro = PhiPatterns.ZhSelfIntroduction().Match(text, from, firstEnd - from); intro.Success; intro = intro.NextMatch())
            {
                var end = intro.Index + intro.Length;
                if (end > start && end <= firstEnd - 2)
                {
                    start = end;
                }
            }

            // Words before the name that no cue names ("其女儿帕提古丽"): the name starts after the last of them.
            var dottedEnd = DottedEnd(text, m);
            while (start <= firstEnd - 2 && HoldsCommonWord(text[start..dottedEnd]))
            {
                start++;
            }

            if (start <= firstEnd - 2)
            {
                names.Add((start, dottedEnd - start));
            }
        }
    }

    /// <summary>
    /// True when a phrase joined by middle dots holds a common word: "抗菌消炎·调理脾胃" is a list of treatments, while the
    /// parts of a transliterated name (阿依古丽, 买买提) are no words.
    /// </summary>
    private static bool HoldsCommonWord(string value)
    {
        for (var i = 0; i + 1 < value.Length; i++)
        {
            if (ChineseWords.PairAt(value, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Characters that end the last part of a name written with a middle dot: verbs and particles after a name.</summary>
    private const string DottedStops = "诉述称说因于在是为等的了和与及被把将从对由到给让要已来去陪签也都还体";

    /// <summary>
    /// The end of a name written with a middle dot: its last part stops before a character that ends names (诉, 护 ...)
    /// or a title ("热合曼·阿不都护士", "阿依古丽·吐尔逊诉").
    /// </summary>
    private static int DottedEnd(string text, Match m)
    {
        var last = m.Value.AsSpan().LastIndexOfAny("·•・") + 1 + m.Index;
        for (var i = last + 2; i < m.Index + m.Length; i++)
        {
            if (DottedStops.Contains(text[i]) || TitleAt(text, i) || ChineseWords.PairAt(text, i))
            {
                return i;
            }
        }

        return m.Index + m.Length;
    }

    /// <summary>
    /// Names listed with "、" next to a name already found ("参加人员：王明、李华、张丽"): the neighbours in the list
    /// that are names of the inventory are names too.
    /// </summary>
    private static void Lists(string text, List<(int Start, int Length)> names)
    {
        for (var k = 0; k < names.Count; k++)
        {
            var (start, length) = names[k];
            var next = start + length;
            if (next + 1 < text.Length && text[next] == '、')
            {
                var len = MinorityLength(text, next + 1) is > 0 and var minority ? minority : NameLengthAt(text, next + 1, evidence: true);
                if (len > 0 && IsListEnd(text, next + 1 + len) && !names.Contains((next + 1, len)))
                {
                    names.Add((next + 1, len));
                }
            }

            if (start >= 3 && text[start - 1] == '、')
            {
                for (var s = Math.Max(0, start - 5); s <= start - 3; s++)
                {
                    var len = NameLengthAt(text, s, evidence: true);
                    if (len == start - 1 - s && (s == 0 || !ChineseLexicon.IsHan(text[s - 1]) || text[s - 1] == '、') && !names.Contains((s, len)))
                    {
                        names.Add((s, len));
                        break;
                    }
                }
            }
        }
    }

    /// <summary>
    /// A name that fills the clause after a strong cue ("患者林自丽，73岁", "我是史立力，", "患者之子张细日。"): a surname and
    /// one or two characters up to a separator or 的, whatever their given-name counts; neither the whole nor its given
    /// part is a common word and the surname starts none ("患者精神差，"). Its length, or 0.
    /// </summary>
    private static int ClauseName(string text, int start)
    {
        var surname = SurnameLengthAt(text, start);
        var run = surname == 0 ? 0 : HanRun(text, start, surname + 3);
        var given = run - surname;
        if (given is < 1 or > 2 || !(IsSeparatorAt(text, start + run) || text[start + run] == '的')
            || (surname == 1 && ChineseWords.PairAt(text, start))
            || (ChineseWords.IsCommon(text.AsSpan(start, run)) && !ChineseWords.IsTaggedName(text.AsSpan(start, run)))
            || (given == 2 && ChineseWords.IsCommon(text.AsSpan(start + surname, 2)))
            || text.AsSpan(start + surname, given).IndexOfAny(ClauseEnds) >= 0)
        {
            return 0;
        }

        return run;
    }

    /// <summary>Particles that end a clause and are no part of a name ("我是他的，", "患者好了，").</summary>
    private const string ClauseEnds = "的了吗呢吧啊呀哦着过么";

    /// <summary>A name candidate that is a common word, or starts with one ("通常会", "经常晚").</summary>
    private static bool IsCommonWordName(string text, int start, int length) =>
        ChineseWords.IsCommon(text.AsSpan(start, length))
        || (length == 3 && ChineseWords.FrequentPairAt(text, start) && !SurnameInventory.IsCompoundAt(text, start))
        || (start + length < text.Length && ChineseWords.IsCommon(text.AsSpan(start, length + 1)))
        || (start + length + 1 < text.Length && ChineseWords.IsCommon(text.AsSpan(start, length + 2)));

    /// <summary>A dialogue: two or more lines start with a speaker's role and a colon (医生：/患者：).</summary>
    private static bool IsDialogue(string text)
    {
        var m = PhiPatterns.ZhDialogueRole().Match(text);
        return m.Success && m.NextMatch().Success;
    }

    /// <summary>Length of a name (surname + 1-2 given characters) starting at <paramref name="i"/>, or 0.</summary>
    internal static int NameLengthAt(string text, int i, bool evidence)
    {
        var surname = SurnameLengthAt(text, i);
        if (surname == 0 || (i + 2 <= text.Length && ChineseLexicon.NotNameBigrams.Contains(text.Substring(i, 2)))
            || TitleAt(text, i + surname))
        {
            // A title right after the surname ("李先生") makes the surname alone the name (see BeforeTitle).
            return 0;
        }

        var given = 0;
        while (given < 2 && i + surname + given < text.Length
            && (IsGivenChar(text[i + surname + given])
                || (given == 0 && !NeverFirstGiven.Contains(text[i + surname]) && GivenNameEvidence.StartsGivenNames(text[i + surname]))))
        {
            given++;
        }

        // A name does not end inside a word: "患者中比较…" is no "中比"; unless the next character starts a word of its own,
        // which makes the name's last character the better reading ("林显安全程陪护", "张庆海神志清楚").
        var last = i + surname + given - 1;
        if (given > 0 && ChineseWords.PairAt(text, last) && !ChineseWords.IsCommon(text.AsSpan(i, surname + given)) && !ChineseWords.PairAt(text, last + 1))
        {
            given--;
        }

        // A given character never seen in that place is more likely the next word ("徐婷神志清楚", "医生能够").
        if (given == 2 && !GivenNameEvidence.Plausible(text.AsSpan(i + surname, 2)))
        {
            given = 1;
        }

        if (evidence && given == 1 && !GivenNameEvidence.Plausible(text.AsSpan(i + surname, 1)))
        {
            given = 0;
        }

        // "王某" / "张某某" are already anonymised forms but still name a person; "于某医院" is "a certain hospital".
        var end = i + surname + given;
        if (given > 0 && text[end - 1] == '某' && end < text.Length && "医院地处单位公司日天年月时些种个次".Contains(text[end]))
        {
            return 0;
        }

        return given == 0 ? 0 : surname + given;
    }

    private static bool TitleAt(string text, int i)
    {
        var m = i < text.Length ? PhiPatterns.ZhNameBeforeTitle().Match(text, i, Math.Min(5, text.Length - i)) : Match.Empty;
        return m.Success && m.Index == i;
    }

    /// <summary>2 for a compound surname at <paramref name="i"/>, 1 for a single one, else 0.</summary>
    private static int SurnameLengthAt(string text, int i) =>
        i >= text.Length ? 0 : SurnameInventory.IsCompoundAt(text, i) ? 2 : SurnameInventory.IsSingle(text[i]) ? 1 : 0;

    /// <summary>The length of a name written with a middle dot starting at <paramref name="i"/>, or 0.</summary>
    private static int MinorityLength(string text, int i)
    {
        var m = PhiPatterns.ZhDottedName().Match(text, i, Math.Min(text.Length - i, 30));
        return m.Success && m.Index == i && DottedEnd(text, m) is var end && !HoldsCommonWord(text[i..end]) ? end - i : 0;
    }

    private static bool MayStartName(string text, int start)
    {
        if (start == 0 || !ChineseLexicon.IsHan(text[start - 1]) || Particles.Contains(text[start - 1]))
        {
            return true;
        }

        foreach (var word in LeftWords)
        {
            // 院 of 我院/本院 lets a name start, 院 of 出院/住院 (a stay, then a time: 出院时医生) does not.
            if (text.AsSpan(0, start).EndsWith(word, StringComparison.Ordinal) && !(word == "院" && start >= 2 && StayVerbs.Contains(text[start - 2])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The number of Chinese characters from <paramref name="start"/> (at most <paramref name="max"/>).</summary>
    private static int HanRun(string text, int start, int max)
    {
        var end = start;
        while (end < text.Length && end - start < max && ChineseLexicon.IsHan(text[end]))
        {
            end++;
        }

        return end - start;
    }

    /// <summary>A place a name field's value may end: the text end, whitespace, or punctuation.</summary>
    private static bool IsSeparatorAt(string text, int i) =>
        i >= text.Length || char.IsWhiteSpace(text[i]) || "　，,。、；;（(）)：:/|".Contains(text[i]);

    private static bool IsListEnd(string text, int i) => IsSeparatorAt(text, i) || i < text.Length && text[i] is '等' or '和' or '及';

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
}

/// <summary>Chinese person names (<see cref="ChineseNames"/>).</summary>
internal sealed class ChineseNameRecognizer : IPhiRecognizer
{
    public TextFeatures Needs => TextFeatures.Han;

    public void Find(PhiText text, CandidateSet found) => ChineseNames.Run(text.Value, found);
}
