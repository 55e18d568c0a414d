using System.Globalization;
using System.Text.Json;
using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Departments;
using CurationPipeline.Items;
using CurationPipeline.Reference;
using CurationPipeline.Sources;
using CurationPipeline.Testing;
using CurationPipeline.Tests.Calibration;

namespace CurationPipeline.Tests.Departments;

public sealed class OfflineTaggerTests
{
    private static readonly OfflineDepartmentTagger Tagger = OfflineDepartmentTagger.Load(new ReferenceData(RepoPaths.Raw));

    [Theory]
    [InlineData("牙疼好几天了，牙龈也肿了，吃饭都困难", "Stomatology")]
    [InlineData("最近总是心慌胸闷，血压也偏高，需要做心电图吗", "Cardiology")]
    [InlineData("孩子出生第三天皮肤发黄，新生儿黄疸要不要照蓝光", "Neonatology")]
    [InlineData("怀孕32周了，产检发现血糖偏高", "Obstetrics")]
    [InlineData("膝盖扭伤后一直疼，上下楼梯更明显，是不是半月板损伤", "Orthopedic Surgery")]
    [InlineData("脸上长了很多痘痘，又红又痒", "Dermatology")]
    [InlineData("最近情绪低落，晚上失眠，对什么都提不起兴趣", "Psychiatry Dept.")]
    public void Tags_clinical_questions_with_the_right_department_first(string text, string expected)
    {
        var tagging = Tagger.Tag(text);
        var tags = tagging.Departments;
        Assert.Equal(expected, tags[0]);
        Assert.InRange(tags.Count, 1, 3);
        Assert.Empty(DepartmentRules.Check(tags));

        // Every department comes with words of the text that support it, and its primary department is Table 2's.
        Assert.Equal(tags, tagging.Evidence.Select(e => e.Department));
        Assert.All(tagging.Evidence, e => Assert.All(e.Words, w => Assert.Contains(w, text.ToLowerInvariant(), StringComparison.Ordinal)));
        Assert.All(tagging.Evidence, e => Assert.NotEmpty(e.Words));
        Assert.Equal(tags.Select(t => DepartmentCatalog.Find(t)!.Primary).Distinct(), tagging.Groups);
        Assert.InRange(tagging.Confidence, 0.01, 1);
        Assert.Equal("offline:lexicon+cnb", tagging.Engine);
    }

    // Negated, past-history, family-history and rule-out mentions with nothing else: no department at all.
    [Theory]
    [InlineData("没有药物过敏。")]
    [InlineData("否认高血压、糖尿病等慢性病史。")]
    [InlineData("否认肝炎、结核等传染病史，否认药物过敏史。")]
    [InlineData("无发热、咳嗽、咳痰。")]
    [InlineData("未见明显骨折征象。")]
    [InlineData("患者没有胸痛，没有心慌。")]
    [InlineData("无恶心呕吐，无腹痛腹泻。")]
    [InlineData("否认吸烟饮酒史，否认手术外伤史。")]
    [InlineData("家族史：父亲患高血压，母亲患糖尿病。")]
    [InlineData("其母亲有乳腺癌病史。")]
    [InlineData("家族中有精神分裂症遗传史。")]
    [InlineData("既往史：2010年曾患肺结核，已治愈。")]
    [InlineData("需排除急性心肌梗死。")]
    [InlineData("Denies chest pain or shortness of breath.")]
    [InlineData("No fever, no cough.")]
    [InlineData("Family history of breast cancer in her mother.")]
    [InlineData("Rule out pulmonary embolism.")]
    public void Negated_and_family_history_sentences_yield_no_department(string text)
    {
        var tagging = Tagger.Tag(text);
        Assert.Equal([DepartmentCatalog.NoDepartment], tagging.Departments);
        Assert.Empty(tagging.Evidence);
    }

    [Fact]
    public void A_negated_allergy_does_not_outweigh_the_complaint_and_the_diagnosis()
    {
        const string dialogue = "患者：医生您好，我咳嗽两个多月了，最近还咯血，晚上盗汗。\n医生：有没有药物过敏？\n患者：没有药物过敏。\n医生：家里人有没有得过什么病？\n患者：我父亲有高血压病史。";
        var tagging = Tagger.Tag(dialogue);
        Assert.DoesNotContain("Allergy and Immunology", tagging.Departments);
        Assert.DoesNotContain("Cardiology", tagging.Departments);
        Assert.Contains(tagging.Departments[0], new[] { "Tuberculosis (TB) Dept.", "Respiratory Medicine" });
        Assert.DoesNotContain(tagging.Evidence.SelectMany(e => e.Words), w => w.Contains("过敏", StringComparison.Ordinal));
    }

    [Fact]
    public void The_chief_complaint_and_the_diagnosis_outweigh_other_sections()
    {
        const string note = "入院记录\n主诉：反复胸痛3天。\n现病史：患者3天前出现胸痛，伴皮肤瘙痒。\n既往史：否认糖尿病史。\n初步诊断：急性冠脉综合征";
        var clauses = ClinicalReading.Read(note);
        Assert.Equal(ClinicalReading.KeyWeight, clauses.Single(c => c.Text.Contains("反复胸痛", StringComparison.Ordinal)).Weight);
        Assert.Equal(ClinicalReading.KeyWeight, clauses.Single(c => c.Text.Contains("急性冠脉综合征", StringComparison.Ordinal)).Weight);
        Assert.Equal(ClauseStatus.PastHistory, clauses.Single(c => c.Text.Contains("糖尿病", StringComparison.Ordinal)).Status);
        Assert.DoesNotContain(clauses, c => c.Text.Trim() is "主诉" or "初步诊断");
        Assert.Equal("Cardiology", Tagger.Tag(note).Departments[0]);
    }

    [Fact]
    public void A_negation_negates_what_follows_it_in_its_clause_and_a_pseudo_negation_nothing()
    {
        var clauses = ClinicalReading.Read("无明显诱因出现头痛，伴呕吐，无发热、咳嗽。");
        Assert.Equal([ClauseStatus.Affirmed, ClauseStatus.Affirmed, ClauseStatus.Negated], clauses.Select(c => c.Status));
        Assert.Equal("", ClinicalReading.EvidenceText(clauses[2]));
        var partly = ClinicalReading.Read("头痛但无发热").Single();
        Assert.Equal("头痛但", ClinicalReading.EvidenceText(partly));

        // A relative who is the patient is not family history; a relative's disease history is.
        Assert.Equal(ClauseStatus.Affirmed, ClinicalReading.Read("我妈妈最近总是头晕").Single().Status);
        Assert.Equal(ClauseStatus.FamilyHistory, ClinicalReading.Read("我妈妈有高血压病史").Single().Status);
    }

    [Theory]
    [InlineData("嗓子疼好几天了，怎么办？", "Otolaryngology")]
    [InlineData("最近总是拉肚子，大便不成形", "Gastroenterology")]
    [InlineData("双眼眼裂缩窄", "Ophthalmology")]
    [InlineData("脸上长了很多痘痘", "Dermatology")]
    [InlineData("最近情绪低落，总想哭", "Psychiatry Dept.")]
    public void Everyday_complaints_name_their_department(string text, string department)
    {
        var tagging = Tagger.Tag(text);
        Assert.Equal(department, tagging.Departments[0]);
        Assert.NotEmpty(tagging.Evidence[0].Words);
    }

    [Theory]
    [InlineData("今天天气怎么样？")]
    [InlineData("帮我写一首关于春天的诗")]
    public void Non_clinical_queries_get_no_department_alone(string text) => Assert.Equal(["No Department"], Tagger.Tag(text).Departments);

    [Fact]
    public async Task The_stage_tags_only_marked_datasets_and_rejects_answers_that_break_the_rules()
    {
        var stage = new TaggingStage(Tagger, new HashSet<string> { "MAGuidance" });
        var item = CalibrationFixtures.Choice() with { Dataset = "MAGuidance", Question = "牙疼好几天了，应该挂哪个科？" };
        Assert.True(stage.AppliesTo(item));
        Assert.False(stage.AppliesTo(item with { Dataset = "CMExam" }));
        var tagged = await stage.ProcessAsync(item);
        Assert.Equal("Stomatology", tagged.Departments[0]);
        Assert.Equal("Other Departments", tagged.DepartmentGroups[0]);
        Assert.Contains(tagged.DepartmentEvidence[0].Words, w => w.Contains('牙', StringComparison.Ordinal));
        Assert.Equal("offline:lexicon+cnb", tagged.DepartmentEngine);
        Assert.InRange(tagged.DepartmentConfidence!.Value, 0.01, 1);
        Assert.Equal("tag", stage.Name);

        // The new fields survive the Parquet row.
        var back = ItemRow.From(tagged).ToItem();
        Assert.Equal(tagged.DepartmentGroups, back.DepartmentGroups);
        Assert.Equal(tagged.DepartmentEvidence[0].Words, back.DepartmentEvidence[0].Words);
        Assert.Equal(tagged.DepartmentConfidence, back.DepartmentConfidence);

        var tooMany = new TaggingStage(new FixedTagger(["Cardiology", "Neurology", "Nephrology", "Hematology"]), new HashSet<string> { "MAGuidance" });
        var e = await Assert.ThrowsAsync<ItemInvalidException>(() => tooMany.ProcessAsync(item));
        Assert.Equal("departments", e.Field);
        Assert.Contains(item.Id, e.Message, StringComparison.Ordinal);

        var unsupported = new TaggingStage(new FixedTagger(["Cardiology"], withEvidence: false), new HashSet<string> { "MAGuidance" });
        e = await Assert.ThrowsAsync<ItemInvalidException>(() => unsupported.ProcessAsync(item));
        Assert.Contains("\"Cardiology\" has no supporting words", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_is_read_from_its_text_not_from_a_fixed_instruction_or_its_distractors()
    {
        // An extraction item: the question is the same instruction for every item; only the context speaks.
        var extraction = CalibrationFixtures.Choice() with
        {
            QuestionType = QuestionType.OpenEnded, Scoring = ScoringMethod.MicroF1, Options = [], Answer = null,
            Question = "请从以下医学文本中抽取所有医学实体，类型包括：疾病、症状、医疗程序、医疗设备、药物、医学检验项目、身体、科室、微生物类。",
            Context = "双眼眼裂缩窄",
        };
        var tagging = await Tagger.TagAsync(extraction);
        Assert.Equal("Ophthalmology", tagging.Departments[0]);
        Assert.Equal([DepartmentCatalog.NoDepartment], (await Tagger.TagAsync(extraction with { Context = "请按时填写表格并提交。" })).Departments);

        // Multiple choice: the right option counts, the distractors do not.
        var guidance = CalibrationFixtures.Choice() with { Question = "应该挂哪个科？", Options = ["眼科", "骨科", "皮肤科", "口腔科"], Answer = "D" };
        Assert.Equal("Stomatology", (await Tagger.TagAsync(guidance)).Departments[0]);
    }

    [Fact]
    public async Task The_training_file_holds_only_even_position_records_so_the_odd_ones_stay_held_out()
    {
        // train.tsv is derived (raw/departments/derive_training.py) from the samples vendored under tests/data/external;
        // positions count, per source, the records with a department label. Each excerpt must be the text of the
        // record at its position, so that the positions checked are those of the file it came from.
        var records = TrainingFile.ReadRecords(new ReferenceData(RepoPaths.Raw)).ToList();
        Assert.InRange(records.Count, 100, 2000);
        Assert.All(records, r => Assert.True(r.Text.Length <= 100));

        using var doc = JsonDocument.Parse(File.ReadAllText(TestData.Sample("cmtmedqa/CMtMedQA_test.sample.json")));
        var cmtmedqa = doc.RootElement.EnumerateArray().Where(r => r.TryGetProperty("cate1", out _))
            .Select((r, i) => (Id: r.GetProperty("id").GetString()!, Position: i, Text: FirstTurn(r))).ToDictionary(x => x.Id);
        var toyhomPath = TestData.Sample("toyhom-med-dialogue/IM_neike_sample.csv");
        var toyhom = new List<string>();
        await foreach (var read in SourceReader.ReadAsync(Extensions.Bundled.Formats, new SourceDefinition { Name = "toyhom", Path = toyhomPath, Format = new("csv"), Kind = "dialogue", TextField = "ask", Encoding = "gb18030" }, toyhomPath, toyhomPath))
        {
            toyhom.Add(read.Record!.Field("title") + "。" + read.Record!.Text);
        }

        Assert.Equal(621, cmtmedqa.Count);
        Assert.Equal(555, toyhom.Count);
        Assert.Equal(["cmtmedqa", "toyhom"], records.Select(r => r.Source).Distinct().Order(StringComparer.Ordinal));
        foreach (var r in records)
        {
            var (position, text) = r.Source == "cmtmedqa"
                ? (cmtmedqa[r.Record].Position, cmtmedqa[r.Record].Text)
                : (int.Parse(r.Record, CultureInfo.InvariantCulture), toyhom[int.Parse(r.Record, CultureInfo.InvariantCulture)]);
            Assert.True(position % 2 == 0, $"{r.Source} {r.Record} is at odd position {position}");
            Assert.Equal(Excerpt(text), r.Text);
        }
    }

    private static string FirstTurn(JsonElement record)
    {
        var history = record.GetProperty("history");
        return history.GetArrayLength() > 0 ? history[0][0].GetString()! : record.GetProperty("instruction").GetString()!;
    }

    // As derive_training.py: whitespace runs become one space, cut to 100 characters.
    private static string Excerpt(string text)
    {
        var joined = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return joined.Length <= 100 ? joined : joined[..100];
    }

    private sealed class FixedTagger(IReadOnlyList<string> tags, bool withEvidence = true) : IDepartmentTagger
    {
        public string Name => "fixed";

        public Task<DepartmentTagging> TagAsync(BenchmarkItem item, CancellationToken cancellationToken = default) =>
            Task.FromResult(new DepartmentTagging(tags, withEvidence ? [.. tags.Select(t => new DepartmentEvidence(t, ["牙疼"]))] : [], Name, 0.5));
    }
}
