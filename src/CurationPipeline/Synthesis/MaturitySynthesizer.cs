using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Bogus;
using CurationPipeline.Paradigms.Maturity;
using CurationPipeline.Reference;

namespace CurationPipeline.Synthesis;

/// <summary>
/// Raw records of the maturity scenarios for a hospital that has none yet: licensing-exam questions in CMExam's CSV
/// columns (<c>cnmle</c>), admission notes with their operation facts (<c>cff</c>), imaging findings with the conclusion a
/// radiologist derives from them (<c>rrg</c>), records' time facts (<c>tlv</c>), agreeing ultrasound and radiology
/// conclusions (<c>udc</c>), complete admission records (<c>rbq</c>), imaging reports (<c>dec</c>), pathology and imaging
/// reports with planted staging findings (<c>tnm</c>) and oncology cases (<c>mdt</c>). The scenario builders plant the
/// errors and derive the gold; these records are the hospital's side: genuine, consistent, complete.
/// </summary>
internal static class MaturitySynthesizer
{
    public const string CnmleHeader = "Question,Options,Answer,Explanation";

    private static readonly DateTime First = new(2023, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public static string Cnmle(Faker f, KnowledgeBase kb, int index)
    {
        var (question, right, wrong, explanation) = index % 2 == 0 ? Vignette(f, kb) : Fact(f, kb, index / 2);
        var options = f.Random.Shuffle(wrong.Distinct().Where(w => w != right).Take(4).Append(right).ToArray()).ToList();
        var letters = options.Select((o, i) => $"{(char)('A' + i)} {o}");
        return string.Join(",", Csv(question), Csv(string.Join("\\n", letters)), ((char)('A' + options.IndexOf(right))).ToString(), Csv(explanation));
    }

    private static (string, string, IEnumerable<string>, string) Vignette(Faker f, KnowledgeBase kb)
    {
        var d = f.PickRandom(kb.Diseases.Where(x => x.Symptoms.Count >= 2).ToArray());
        var p = SyntheticPatient.For(f, d);
        var symptoms = f.Random.Shuffle(d.Symptoms.ToArray()).Take(Math.Min(3, d.Symptoms.Count));
        // A sign that names the disease (痛风石 for 痛风) would give the answer away.
        var signs = d.Signs.Where(x => !x.Contains(d.Name, StringComparison.Ordinal)).ToArray();
        var sign = signs.Length > 0 ? $"查体：{f.PickRandom(signs)}。" : "";
        var others = f.Random.Shuffle(kb.Diseases.Where(x => x.Name != d.Name && x.Department == d.Department).Concat(kb.Diseases.Where(x => x.Department != d.Department)).Take(12).ToArray())
            .Where(x => x.Name != d.Name).Select(x => x.Name);
        return ($"患者，{p.Sex}，{p.AgeText}，{string.Join("、", symptoms)}{f.Random.Number(2, 20)}天。{sign}最可能的诊断是", d.Name, others, $"{string.Join("、", symptoms)}为{d.Name}的典型表现。");
    }

    private static (string, string, IEnumerable<string>, string) Fact(Faker f, KnowledgeBase kb, int j)
    {
        var diseases = kb.Diseases;
        var families = (diseases.Count * 3) + kb.Drugs.Count + kb.LabTests.Count;
        var k = j % families;
        if (k < diseases.Count * 3)
        {
            var family = k / diseases.Count;
            IReadOnlyList<string> Facts(DiseaseEntry x) => family switch { 0 => x.Drugs, 1 => x.Complications, _ => x.Symptoms };
            var stem = family switch { 0 => "的一线治疗药物是", 1 => "的常见并发症是", _ => "的典型症状是" };
            // A disease without such facts gives its turn to the next one that has them: the answer is never the
            // disease's own name, and never a fact that names the disease.
            var d = Enumerable.Range(0, diseases.Count).Select(i => diseases[(k + i) % diseases.Count])
                .First(x => Facts(x).Any(v => !v.Contains(x.Name, StringComparison.Ordinal)));
            var list = Facts(d);
            var pool = diseases.SelectMany(Facts);
            var right = f.PickRandom(list.Where(v => !v.Contains(d.Name, StringComparison.Ordinal)).ToArray());
            var wrong = f.Random.Shuffle(pool.Where(x => !list.Contains(x)).Distinct().ToArray());
            return (d.Name + stem, right, wrong, $"{right}是{d.Name}的{stem[1..^1]}之一。");
        }

        k -= diseases.Count * 3;
        if (k < kb.Drugs.Count)
        {
            var g = kb.Drugs[k];
            return ($"{g.Name}属于", g.DrugClass, f.Random.Shuffle(kb.Drugs.Select(x => x.DrugClass).Where(c => c != g.DrugClass).Distinct().ToArray()), $"{g.Name}属于{g.DrugClass}。");
        }

        var t = kb.LabTests[k - kb.Drugs.Count];
        return ($"{t.Name}升高的临床意义是", t.HighMeaning, f.Random.Shuffle(kb.LabTests.Select(x => x.HighMeaning).Where(m => m != t.HighMeaning).Distinct().ToArray()), $"{t.Name}升高提示{t.HighMeaning}。");
    }

    private static string Csv(string text) =>
        text.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private sealed record Operation(string Name, string Site, string[] Anesthesia, string Diagnosis, string Complaint);

    private static readonly Operation[] Operations =
    [
        new("腹腔镜胆囊切除术", "腹部", ["全身麻醉"], "胆囊结石伴慢性胆囊炎", "反复右上腹痛"),
        new("腹腔镜阑尾切除术", "腹部", ["全身麻醉", "椎管内麻醉"], "急性阑尾炎", "转移性右下腹痛"),
        new("胸腔镜下肺叶切除术", "胸部", ["全身麻醉"], "肺结节", "体检发现肺部结节"),
        new("开颅血肿清除术", "颅脑", ["全身麻醉"], "高血压性脑出血", "突发头痛伴肢体无力"),
        new("经皮冠状动脉介入治疗", "心脏血管", ["局部麻醉"], "冠状动脉粥样硬化性心脏病", "活动后胸闷胸痛"),
        new("全髋关节置换术", "下肢", ["椎管内麻醉", "全身麻醉"], "股骨颈骨折", "跌倒后髋部疼痛活动受限"),
        new("膝关节镜下半月板成形术", "下肢", ["椎管内麻醉"], "半月板损伤", "膝关节疼痛伴交锁"),
        new("甲状腺腺叶切除术", "颈部", ["全身麻醉"], "甲状腺结节", "发现颈部肿物"),
        new("腹腔镜下子宫肌瘤剔除术", "腹部", ["全身麻醉", "椎管内麻醉"], "子宫肌瘤", "月经量增多"),
        new("腹腔镜胃癌根治术", "腹部", ["全身麻醉"], "胃癌", "上腹部隐痛伴消瘦"),
        new("白内障超声乳化摘除术", "眼部", ["局部麻醉"], "老年性白内障", "视物模糊"),
        new("桡骨远端骨折切开复位内固定术", "上肢", ["臂丛神经阻滞麻醉", "全身麻醉"], "桡骨远端骨折", "摔伤后腕部肿痛"),
        new("食管癌根治术", "胸部", ["全身麻醉"], "食管癌", "进行性吞咽困难"),
        new("脑室腹腔分流术", "颅脑", ["全身麻醉"], "脑积水", "步态不稳伴记忆减退"),
    ];

    public static string Cff(Faker f, KnowledgeBase kb, int index)
    {
        var p = SyntheticPatient.For(f, null);
        var age = f.Random.Number(18, 88);
        var medical = f.Random.Number(0, 4) == 0;
        var op = f.PickRandom(Operations);
        var disease = medical ? f.PickRandom(kb.Diseases.Where(d => d.Symptoms.Count > 0 && !d.Department.StartsWith("Pediatric", StringComparison.Ordinal) && d.Department is not ("Neonatology" or "Obstetrics")).ToArray()) : null;
        var diagnosis = disease?.Name ?? op.Diagnosis;
        var complaint = disease is null ? op.Complaint : string.Join("、", disease.Symptoms.Take(2));
        var anesthesia = medical ? CffBuilder.NoOperation : f.PickRandom(op.Anesthesia);
        var admitted = f.Date.Between(First, First.AddYears(2)).Date;
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"【入院记录】{p.Date(admitted)}\n姓名：{p.Name}　性别：{p.Sex}　年龄：{age}岁　住院号：{p.RecordNumber}\n")
            .Append(CultureInfo.InvariantCulture, $"主诉：{complaint}{f.Random.Number(1, 30)}天。\n")
            .Append(CultureInfo.InvariantCulture, $"现病史：患者近期出现{complaint}，于门诊就诊后收入院。\n")
            .Append(CultureInfo.InvariantCulture, $"查体：T {f.Random.Double(36.2, 37.8):0.0}℃，P {f.Random.Number(60, 100)}次/分，BP {f.Random.Number(100, 160)}/{f.Random.Number(60, 95)}mmHg。\n")
            .Append(CultureInfo.InvariantCulture, $"入院诊断：{diagnosis}\n")
            .Append(medical ? "诊疗计划：予内科治疗，暂无手术计划。" : $"诊疗计划：完善术前检查，拟于入院后第{f.Random.Number(1, 3)}天在{anesthesia}下行{op.Name}。");
        return JsonLine.Of(
            ("id", $"CFF{index + 1:D4}"), ("patient_id", $"P-CFF{index + 1:D4}"), ("text", text.ToString()),
            ("age", age.ToString(CultureInfo.InvariantCulture)), ("sex", p.Sex), ("diagnosis", diagnosis),
            ("operation", medical ? CffBuilder.NoOperation : op.Name), ("operation_site", medical ? "" : op.Site), ("anesthesia", anesthesia));
    }

    private static (List<(ImagingFinding Finding, string Side, int Size, string Lobe)> Picked, string Exam) Findings(Faker f, Func<ImagingFinding, bool> allowed, int min, int max)
    {
        var pool = ImagingCatalog.Findings.Where(allowed).ToArray();
        var picked = f.Random.Shuffle(pool).Take(f.Random.Number(min, Math.Min(max, pool.Length)))
            .Select(x => (x, f.PickRandom("左", "右"), f.Random.Number(4, 35), f.PickRandom("上叶", "下叶"))).ToList();
        return (picked, ImagingCatalog.Exam(picked.Select(p => p.x.Region)));
    }

    private static string FindingsText(Faker f, IEnumerable<(ImagingFinding Finding, string Side, int Size, string Lobe)> picked)
    {
        var list = picked.ToList();
        var normal = list.Select(p => p.Finding.Region).Distinct().SelectMany(r => f.Random.Shuffle(ImagingCatalog.Normal[r].ToArray()).Take(2));
        return string.Concat(list.Select(p => p.Finding.FindingText(p.Side, p.Size, p.Lobe)).Concat(normal));
    }

    private static JsonArray Planted(IEnumerable<(ImagingFinding Finding, string Side, int Size, string Lobe)> picked) =>
        [.. picked.Select(p => (JsonNode?)new JsonObject
        {
            ["kind"] = p.Finding.Kind, ["side"] = p.Finding.Sided ? p.Side : "", ["size_mm"] = p.Finding.Sized ? p.Size : 0, ["lobe"] = p.Finding.Kind == "lung_nodule" ? p.Lobe : "",
        })];

    public static string Rrg(Faker f, KnowledgeBase kb, int index)
    {
        var (picked, exam) = Findings(f, _ => true, 1, 3);
        var conclusion = ImagingCatalog.Numbered(picked.Select(p => p.Finding.ImpressionText(p.Side, p.Size, p.Lobe)));
        return JsonLine.Of(("id", $"RRG{index + 1:D4}"), ("patient_id", $"P-RRG{index + 1:D4}"), ("exam", exam), ("text", FindingsText(f, picked)),
            ("conclusion", conclusion), ("planted", Planted(picked)));
    }

    public static string Udc(Faker f, KnowledgeBase kb, int index)
    {
        var (picked, _) = Findings(f, x => x.Ultrasound is not null, 1, 3);
        var rad = ImagingCatalog.Numbered(picked.Select(p => p.Finding.ImpressionText(p.Side, p.Size, p.Lobe)));
        var us = string.Join("；", picked.Select(p => p.Finding.UltrasoundText(p.Side))) + "。";
        return JsonLine.Of(("id", $"UDC{index + 1:D4}"), ("patient_id", $"P-UDC{index + 1:D4}"), ("text", us + "\n" + rad), ("us_conclusion", us), ("rad_conclusion", rad),
            ("planted", Planted(picked)));
    }

    public static string Dec(Faker f, KnowledgeBase kb, int index)
    {
        var (picked, exam) = Findings(f, _ => true, 1, 3);
        if (!picked.Any(p => p.Finding.Sized))
        {
            var sized = ImagingCatalog.Findings.First(x => x.Sized && x.Kind != picked[0].Finding.Kind);
            picked.Add((sized, f.PickRandom("左", "右"), f.Random.Number(4, 35), "上叶"));
            exam = ImagingCatalog.Exam(picked.Select(p => p.Finding.Region));
        }

        var date = f.Date.Between(First, First.AddYears(2)).Date;
        var text = $"检查项目：{exam}\n检查日期：{date:yyyy-MM-dd}\n检查所见：{FindingsText(f, picked)}\n诊断意见：{string.Join("；", picked.Select(p => p.Finding.ImpressionText(p.Side, p.Size, p.Lobe)))}。\n报告日期：{date.AddDays(f.Random.Number(0, 1)):yyyy-MM-dd}";
        return JsonLine.Of(("id", $"DEC{index + 1:D4}"), ("patient_id", $"P-DEC{index + 1:D4}"), ("text", text), ("planted", Planted(picked)));
    }

    public static string Tlv(Faker f, KnowledgeBase kb, int index)
    {
        var d = f.PickRandom(kb.Diseases.Where(x => x.Symptoms.Count > 0).ToArray());
        var admission = f.Date.Between(First, First.AddYears(2)).Date.AddHours(f.Random.Number(7, 20)).AddMinutes(f.Random.Number(0, 59));
        var stay = f.Random.Number(2, 20);
        var discharge = admission.Date.AddDays(stay).AddHours(f.Random.Number(8, 16)).AddMinutes(f.Random.Number(0, 59));
        var months = f.Random.Bool();
        var duration = months ? f.Random.Number(2, 8) : f.Random.Number(2, 20);
        var onset = months ? admission.Date.AddDays(-(duration * 30) + f.Random.Number(-10, 10)) : admission.Date.AddDays(-duration);
        var complaint = string.Join("、", d.Symptoms.Take(2));
        var operated = f.Random.Number(0, 9) < 6;
        var operation = admission.Date.AddDays(f.Random.Number(1, stay - 1)).AddHours(f.Random.Number(8, 17));
        var op = f.PickRandom(Operations);
        const string Format = "yyyy-MM-dd HH:mm";
        var text = $"患者因{complaint}{duration}{(months ? "个月" : "天")}于{admission.ToString(Format, CultureInfo.InvariantCulture)}入院，{discharge.ToString(Format, CultureInfo.InvariantCulture)}出院，住院{stay}天。";
        return JsonLine.Of(
            ("id", $"TLV{index + 1:D4}"), ("patient_id", $"P-TLV{index + 1:D4}"), ("text", text),
            ("admission_time", admission.ToString(Format, CultureInfo.InvariantCulture)), ("discharge_time", discharge.ToString(Format, CultureInfo.InvariantCulture)),
            ("length_of_stay", stay.ToString(CultureInfo.InvariantCulture)), ("onset_date", onset.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("complaint", complaint), ("duration", duration.ToString(CultureInfo.InvariantCulture) + (months ? "个月" : "天")),
            ("operation_time", operated ? operation.ToString(Format, CultureInfo.InvariantCulture) : null), ("operation", operated ? $"{op.Anesthesia[0]}下行{op.Name}" : null));
    }

    public static string Rbq(Faker f, KnowledgeBase kb, int index)
    {
        var d = f.PickRandom(kb.Diseases.Where(x => x.Symptoms.Count >= 2 && x.Department is not ("Neonatology" or "Obstetrics") && !x.Department.StartsWith("Pediatric", StringComparison.Ordinal)).ToArray());
        var p = SyntheticPatient.For(f, d);
        var days = f.Random.Number(2, 15);
        var complaint = $"{d.Symptoms[0]}、{d.Symptoms[1]}{days}天";
        var sign = d.Signs.Count > 0 ? "，" + f.PickRandom(d.Signs.ToArray()) : "";
        var exam = $"体温{f.Random.Double(36.2, 38.5):0.0}℃，脉搏{f.Random.Number(60, 110)}次/分，呼吸{f.Random.Number(14, 24)}次/分，血压{f.Random.Number(100, 160)}/{f.Random.Number(60, 95)}mmHg{sign}。";
        var illness = $"患者{days}天前无明显诱因出现{d.Symptoms[0]}，伴{string.Join("、", d.Symptoms.Skip(1).Take(2))}，症状逐渐加重，遂来我院就诊。";
        var history = "既往体健，否认高血压、糖尿病病史，否认药物过敏史。";
        var text = $"主诉：{complaint}。\n现病史：{illness}\n既往史：{history}\n体格检查：{exam}\n入院诊断：{d.Name}\n记录医师：{p.Doctor}";
        return JsonLine.Of(("id", $"RBQ{index + 1:D4}"), ("patient_id", $"P-RBQ{index + 1:D4}"), ("text", text),
            ("chief_complaint", complaint), ("present_illness", illness), ("past_history", history), ("physical_exam", exam), ("diagnosis", d.Name), ("physician", p.Doctor));
    }

    public static string Tnm(Faker f, KnowledgeBase kb, int index)
    {
        var site = AjccStaging.Sites[index % AjccStaging.Sites.Count];
        var size = f.Random.Number(6, 90);
        var positive = f.Random.Number(0, 3) == 0 ? 0 : f.Random.Number(0, 18);
        var total = positive + f.Random.Number(6, 20);
        var side = f.PickRandom("左", "右");
        string invasion, nodes, metastasis, text;
        switch (site)
        {
            case "lung":
                invasion = f.PickRandom("none", "none", "visceral_pleura", "chest_wall", "mediastinum");
                nodes = f.PickRandom("none", "hilar", "mediastinal", "contralateral");
                metastasis = f.PickRandom("none", "none", "none", "pleural", "single_extrathoracic", "multiple_extrathoracic");
                text = $"胸部增强CT：{side}肺{f.PickRandom("上叶", "下叶")}见一软组织肿块，大小约{size}mm" +
                    invasion switch { "visceral_pleura" => "，邻近脏层胸膜受侵", "chest_wall" => "，侵犯邻近胸壁", "mediastinum" => "，侵犯纵隔", _ => "，未累及胸膜" } + "。" +
                    nodes switch { "hilar" => "同侧肺门见肿大淋巴结，考虑转移。", "mediastinal" => "同侧纵隔（隆突下）见肿大淋巴结，考虑转移。", "contralateral" => "对侧纵隔及锁骨上见肿大淋巴结，考虑转移。", _ => "纵隔及肺门未见肿大淋巴结。" } +
                    metastasis switch { "pleural" => "同侧胸腔积液，细胞学见癌细胞。", "single_extrathoracic" => "头颅MRI示单发脑转移灶。", "multiple_extrathoracic" => "肝脏及多处骨骼见转移灶。", _ => "全身检查未见远处转移征象。" } +
                    "穿刺病理：非小细胞肺癌（腺癌）。";
                return Line(index, text, site, size, invasion, nodes, metastasis);
            case "breast":
                invasion = f.PickRandom("none", "none", "none", "chest_wall", "skin");
                metastasis = f.PickRandom("none", "none", "none", "distant");
                text = $"（{side}乳腺）浸润性导管癌，肿瘤大小约{size}mm" + invasion switch { "chest_wall" => "，侵犯胸壁", "skin" => "，伴皮肤溃疡形成", _ => "，未累及皮肤及胸壁" } + "。" +
                    $"腋窝淋巴结{positive}/{total}枚见癌转移。" + (metastasis == "none" ? "骨扫描及胸腹部CT未见远处转移。" : "骨扫描示多发骨转移。");
                return Line(index, text, site, size, invasion, positive.ToString(CultureInfo.InvariantCulture), metastasis);
            case "colorectal":
                invasion = f.PickRandom("submucosa", "muscularis_propria", "subserosa", "subserosa", "visceral_peritoneum", "adjacent_organ");
                metastasis = f.PickRandom("none", "none", "none", "one_organ", "multiple_organs", "peritoneum");
                text = $"（{f.PickRandom("乙状结肠", "升结肠", "直肠", "横结肠")}）腺癌，肿瘤大小约{size}mm，癌组织" +
                    invasion switch { "submucosa" => "侵及黏膜下层", "muscularis_propria" => "侵及固有肌层", "subserosa" => "穿透固有肌层侵及浆膜下及结直肠周围组织", "visceral_peritoneum" => "穿透脏层腹膜", _ => "直接侵犯邻近器官（膀胱）" } + "。" +
                    $"区域淋巴结{positive}/{total}枚见癌转移。" +
                    metastasis switch { "one_organ" => "影像学示肝脏转移灶（单一器官）。", "multiple_organs" => "影像学示肝脏及肺多发转移灶。", "peritoneum" => "术中见腹膜多发种植转移结节。", _ => "影像学未见远处转移。" };
                return Line(index, text, site, size, invasion, positive.ToString(CultureInfo.InvariantCulture), metastasis);
            case "gastric":
                invasion = f.PickRandom("submucosa", "muscularis_propria", "subserosa", "serosa", "serosa", "adjacent_organ");
                metastasis = f.PickRandom("none", "none", "none", "distant");
                text = $"（胃{f.PickRandom("窦", "体", "角")}）腺癌，肿瘤大小约{size}mm，癌组织" +
                    invasion switch { "submucosa" => "侵及黏膜下层", "muscularis_propria" => "侵及固有肌层", "subserosa" => "侵及浆膜下结缔组织", "serosa" => "穿透浆膜（脏层腹膜）", _ => "直接侵犯胰腺" } + "。" +
                    $"胃周淋巴结{positive}/{total}枚见癌转移。" + (metastasis == "none" ? "影像学未见远处转移。" : "影像学示肝内多发转移灶。");
                return Line(index, text, site, size, invasion, positive.ToString(CultureInfo.InvariantCulture), metastasis);
            default:
                invasion = f.PickRandom("none", "none", "celiac_axis");
                metastasis = f.PickRandom("none", "none", "none", "distant");
                var pancreaticNodes = Math.Min(positive, 8);
                text = $"上腹部增强CT：胰腺{f.PickRandom("头", "体", "尾")}部见一低密度肿块，大小约{size}mm" + (invasion == "celiac_axis" ? "，包绕腹腔干" : "，与周围血管分界清楚") + "。" +
                    $"病理：胰腺导管腺癌，区域淋巴结{pancreaticNodes}/{pancreaticNodes + total - positive}枚见癌转移。" + (metastasis == "none" ? "未见远处转移。" : "肝内见多发转移灶。");
                return Line(index, text, site, size, invasion, pancreaticNodes.ToString(CultureInfo.InvariantCulture), metastasis);
        }

        static string Line(int index, string text, string site, int size, string invasion, string nodes, string metastasis) =>
            JsonLine.Of(("id", $"TNM{index + 1:D4}"), ("patient_id", $"P-TNM{index + 1:D4}"), ("text", text), ("site", site),
                ("size_mm", size.ToString(CultureInfo.InvariantCulture)), ("invasion", invasion), ("nodes", nodes), ("metastasis", metastasis));
    }

    public static string Mdt(Faker f, KnowledgeBase kb, int index)
    {
        var cancer = MdtGuidance.Cancers[index % MdtGuidance.Cancers.Count];
        var stage = f.PickRandom(MdtGuidance.StageGroups.ToArray());
        var biomarker = f.PickRandom(MdtGuidance.Biomarkers[cancer].ToArray());
        var sex = cancer == "breast" ? "女" : f.PickRandom("男", "女");
        var age = f.Random.Number(35, 82);
        var ecog = f.Random.Number(0, 2);
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { ["lung"] = "非小细胞肺癌（腺癌）", ["breast"] = "浸润性乳腺癌", ["colorectal"] = f.PickRandom("结肠腺癌", "直肠腺癌"), ["gastric"] = "胃腺癌" };
        var stageText = stage switch { "early" => f.PickRandom("I期", "II期"), "locally_advanced" => "III期", _ => "IV期" };
        var wish = f.PickRandom("希望积极治疗", "希望尽量保留生活质量", "担心治疗费用，希望选择性价比高的方案", "希望尽快手术");
        var comorbidity = f.PickRandom("既往体健", "高血压病史10年，药物控制可", "2型糖尿病病史5年", "慢性阻塞性肺疾病病史");
        var text = $"患者，{sex}，{age}岁。诊断：{names[cancer]}，{stageText}。分子检测：{biomarker}。ECOG评分{ecog}分。{comorbidity}。患者意愿：{wish}。";
        return JsonLine.Of(("id", $"MDT{index + 1:D4}"), ("patient_id", $"P-MDT{index + 1:D4}"), ("text", text), ("cancer", cancer), ("stage_group", stage),
            ("biomarker", biomarker), ("age", age.ToString(CultureInfo.InvariantCulture)), ("ecog", ecog.ToString(CultureInfo.InvariantCulture)));
    }
}
