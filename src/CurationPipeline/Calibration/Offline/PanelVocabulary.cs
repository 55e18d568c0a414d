namespace CurationPipeline.Calibration.Offline;

/// <summary>
/// A small built-in vocabulary of the entity kinds the bundled lexicons do not cover (body parts,
/// micro-organisms, laboratory items, departments) and the procedure rule: a clause ending in an
/// examination or treatment word is a procedure, from the last verb of doing ("进行", "行", "予") on.
/// </summary>
public static class PanelVocabulary
{
    /// <summary>Term and entity type (CMeEE codes).</summary>
    public static IReadOnlyList<(string Term, string Type)> Terms { get; } = Build();

    private static readonly string[] ProcedureEnds = ["检查", "检测", "治疗", "手术", "分析", "造影", "穿刺", "切除术", "引流", "移植", "置换术", "修补术", "吸氧", "透析", "化疗", "放疗"];
    private static readonly string[] DoingVerbs = ["进行", "给予", "采用", "应用", "行", "予", "做", "作"];

    /// <summary>Procedures found by the rule in <paramref name="text"/>.</summary>
    public static IEnumerable<string> Procedures(string text)
    {
        var plain = StripBrackets(text);
        foreach (var raw in plain.Split(['，', '。', '；', ';', ',', '：', ':', '！', '？', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var clause = raw.TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', '、', '．', ' ', '(', ')');
            if (clause.Length is < 3 or > 30 || !ProcedureEnds.Any(e => clause.EndsWith(e, StringComparison.Ordinal)))
            {
                continue;
            }

            var start = DoingVerbs.Select(v => (v, i: clause.LastIndexOf(v, StringComparison.Ordinal))).Where(x => x.i >= 0)
                .Select(x => x.i + x.v.Length).DefaultIfEmpty(0).Max();
            var entity = clause[start..];
            if (entity.Length >= 2 && !ProcedureEnds.Contains(entity))
            {
                yield return entity;
            }
        }
    }

    private static string StripBrackets(string text)
    {
        var chars = new List<char>(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c is '(' or '（')
            {
                depth++;
            }
            else if (c is ')' or '）')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                chars.Add(c);
            }
        }

        return new string([.. chars]);
    }

    private static List<(string, string)> Build()
    {
        var list = new List<(string, string)>();
        void Add(string type, string terms) => list.AddRange(terms.Split('、').Select(t => (t, type)));
        Add("bod", "头部、头颅、颈部、胸部、腹部、背部、腰部、四肢、上肢、下肢、皮肤、黏膜、口腔、咽部、喉部、鼻腔、眼睛、眼、耳、心脏、心、肺、双肺、肺部、肝、肝脏、脾、脾脏、肾、肾脏、胃、肠、小肠、大肠、结肠、直肠、肛门、膀胱、尿道、子宫、卵巢、乳房、淋巴结、血管、动脉、静脉、骨骼、关节、肌肉、神经、脑、大脑、脊髓、气管、支气管、食管、胆囊、胰腺、甲状腺、扁桃体、血液、骨髓、面部、手、足、指、趾、全身、呼吸道、消化道、泌尿道、胸腔、腹腔、心肌、肺泡");
        Add("mic", "病毒、细菌、真菌、支原体、衣原体、螺旋体、立克次体、结核杆菌、结核分枝杆菌、幽门螺杆菌、肺炎链球菌、金黄色葡萄球菌、大肠杆菌、流感病毒、轮状病毒、腺病毒、呼吸道合胞病毒、EB病毒、肠道病毒、柯萨奇病毒、疱疹病毒、乙肝病毒、HIV、HBV、冠状病毒、SARS病毒、肺炎支原体、溶血性链球菌、铜绿假单胞菌、白色念珠菌、念珠菌、链球菌、葡萄球菌");
        Add("ite", "血常规、尿常规、便常规、血沉、C反应蛋白、CRP、白细胞、白细胞计数、血小板、血小板计数、血红蛋白、红细胞、中性粒细胞、淋巴细胞、嗜酸性粒细胞、转氨酶、ALT、AST、胆红素、肌酐、尿素氮、血糖、血钾、血钠、血气、血培养、痰培养、尿培养、心肌酶、肝功能、肾功能、血电解质、抗体、IgM、IgG、IgE、体温、血压、心率、脉搏、呼吸频率");
        Add("dep", "儿科、内科、外科、急诊科、呼吸科、消化科、神经科、心内科、皮肤科、眼科、耳鼻喉科、口腔科、妇产科、感染科、ICU、重症监护室");
        Add("dis", "SARS、感冒、肺炎、支气管炎、哮喘、腹泻、贫血、发热、败血症、脓毒症、休克、心力衰竭、呼吸衰竭、肾衰竭、脑膜炎、脑炎、肝炎、胃炎、肠炎、结膜炎、中耳炎、扁桃体炎、咽炎、喉炎、鼻炎、湿疹、荨麻疹、手足口病、水痘、麻疹、腮腺炎、川崎病、佝偻病、营养不良、肥胖、糖尿病、高血压、癫痫、惊厥、黄疸、脱水、酸中毒、感染、上呼吸道感染、结核、肺结核");
        Add("sym", "咳嗽、咳痰、发热、高热、低热、发烧、头痛、头晕、乏力、呕吐、恶心、腹痛、腹胀、腹泻、便秘、皮疹、瘙痒、气促、气急、呼吸困难、喘息、胸痛、胸闷、心悸、抽搐、昏迷、嗜睡、烦躁、水肿、出血、黄染、发绀、紫绀、苍白、消瘦、食欲不振、纳差、盗汗、寒战、肌痛、关节痛、鼻塞、流涕、咽痛、声音嘶哑、喘鸣、哭闹");
        return list;
    }
}
