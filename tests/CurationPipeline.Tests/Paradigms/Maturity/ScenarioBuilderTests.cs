using System.Globalization;
using System.Text.RegularExpressions;
using CurationPipeline.Core;
using CurationPipeline.Paradigms.Maturity;

namespace CurationPipeline.Tests.Paradigms.Maturity;

/// <summary>
/// Every scenario builder's gold re-derived from the facts of the bundled records and the facts the builder planted,
/// by rules written here independently of the builders (dates read back from the text shown, corrections applied back,
/// the AJCC tables' cells checked by hand).
/// </summary>
public sealed partial class ScenarioBuilderTests
{
    [Fact]
    public void CNMLE_keeps_the_exam_answer_and_rejects_an_answer_that_is_no_option()
    {
        var fields = new Dictionary<string, string> { ["Question"] = "维生素A缺乏最早出现的表现是", ["Options"] = "A 夜盲\\nB 毕脱斑\\nC 角膜软化\\nD 皮肤干燥\\nE 生长迟缓", ["Answer"] = "A" };
        var draft = new CnmleBuilder().Build(MaturityRecords.Record(fields) with { Text = fields["Question"] }, new Random(1), RawFiles.Reference);
        Assert.Equal("夜盲", draft.Options[AnswerLetterIndex(draft.Answer)]);
        Assert.Equal(5, draft.Options.Count);

        var bad = new Dictionary<string, string>(fields) { ["Answer"] = "F" };
        var e = Assert.Throws<RecordRejectedException>(() => new CnmleBuilder().Build(MaturityRecords.Record(bad) with { Text = fields["Question"] }, new Random(1), RawFiles.Reference));
        Assert.Equal("Answer", e.Field);
    }

    [Fact]
    public void CTC_blanks_refill_to_the_knowledge_row()
    {
        var builder = new CtcBuilder();
        var kb = RawFiles.Reference.Knowledge;
        foreach (var d in kb.Diseases)
        {
            var fields = new Dictionary<string, string>
            {
                ["name"] = d.Name, ["symptoms"] = string.Join(";", d.Symptoms), ["signs"] = string.Join(";", d.Signs), ["examinations"] = string.Join(";", d.Examinations),
                ["first_line_drugs"] = string.Join(";", d.Drugs), ["complications"] = string.Join(";", d.Complications),
            };
            var draft = builder.Build(MaturityRecords.Record(fields, d.Id), new Random(d.Id.Aggregate(17, (h, c) => unchecked((h * 31) + c))), RawFiles.Reference);
            var terms = draft.Answer.Split(", ");
            var sentence = draft.Question[(draft.Question.IndexOf('\n', StringComparison.Ordinal) + 1)..];
            var filled = terms.Aggregate(sentence, (s, t) => ReplaceFirst(s, CtcBuilder.Blank, t));
            var list = filled[(filled.IndexOf("包括", StringComparison.Ordinal) + 2)..].TrimEnd('。').Split('、');
            Assert.Equal(fields[draft.Facts["fact_field"]].Split(';'), list);
            Assert.Equal(terms.Length >= 2 ? 2 : 1, sentence.Split(CtcBuilder.Blank).Length - 1);
        }
    }

    [Fact]
    public void CFF_indicators_follow_the_decision_logic_on_the_record_facts()
    {
        var drafts = MaturityRecords.Drafts(new CffBuilder(), "cff.jsonl");
        foreach (var (record, draft) in drafts)
        {
            var form = MaturityRecords.Json(draft.Answer);
            var age = int.Parse(record.Fields["age"], CultureInfo.InvariantCulture);
            var operated = record.Fields["operation"] != "无";
            var major = record.Fields.GetValueOrDefault("operation_site") is "颅脑" or "胸部" or "腹部";
            Assert.Equal(operated && major && record.Fields["anesthesia"] == "全身麻醉" ? 1 : 0, form.GetProperty("ctag_surgery").GetInt32());
            Assert.Equal(operated && age >= 65 ? 1 : 0, form.GetProperty("elderly_surgery").GetInt32());
            Assert.Equal(age, form.GetProperty("age").GetInt32());
            Assert.Contains(form.GetProperty("diagnosis").GetString()!, draft.Context, StringComparison.Ordinal);
            Assert.Contains($"{age}岁", draft.Context, StringComparison.Ordinal);
        }

        Assert.Contains(drafts, d => MaturityRecords.Json(d.Draft.Answer).GetProperty("ctag_surgery").GetInt32() == 1);
        Assert.Contains(drafts, d => MaturityRecords.Json(d.Draft.Answer).GetProperty("ctag_surgery").GetInt32() == 0 && d.Record.Fields["operation_site"] == "腹部");
    }

    [Fact]
    public void RRG_holds_out_a_conclusion_that_names_every_planted_finding_with_its_side_and_size()
    {
        foreach (var (record, draft) in MaturityRecords.Drafts(new RrgBuilder(), "rrg.jsonl"))
        {
            Assert.Equal(record.Fields["conclusion"], draft.Answer);
            Assert.DoesNotContain(draft.Answer, draft.Context, StringComparison.Ordinal);
            var planted = MaturityRecords.Json(record.Fields["planted"]).EnumerateArray().ToList();
            Assert.Equal(planted.Count, draft.Rubric.Count);
            Assert.Equal(1.0, draft.Rubric.Sum(c => c.Weight), 6);
            foreach (var p in planted)
            {
                var size = p.GetProperty("size_mm").GetInt32();
                var side = p.GetProperty("side").GetString()!;
                Assert.Contains(draft.Rubric, c => (size == 0 || c.Description.Contains($"约{size}mm", StringComparison.Ordinal)) && c.Description.StartsWith(side, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void TLV_gold_is_whether_every_time_relation_holds_in_the_text_shown()
    {
        var drafts = MaturityRecords.Drafts(new TlvBuilder(), "tlv.jsonl");
        foreach (var (_, draft) in drafts)
        {
            var text = draft.Context!;
            var admission = Time(text, "入院时间：");
            var discharge = Time(text, "出院时间：");
            var stay = int.Parse(Regex.Match(text, @"住院天数：(\d+)天").Groups[1].Value, CultureInfo.InvariantCulture);
            var onset = Time(text, "患者于");
            var stated = Regex.Match(text, @"主诉：\D*?(\d+)(天|个月)。");
            var days = (admission.Date - onset.Date).Days;
            var n = int.Parse(stated.Groups[1].Value, CultureInfo.InvariantCulture);
            var ok = discharge >= admission && (discharge.Date - admission.Date).Days == stay
                && (stated.Groups[2].Value == "天" ? Math.Abs(days - n) <= 1 : Math.Round(days / 30.0, MidpointRounding.AwayFromZero) == n);
            if (text.Contains("手术记录：", StringComparison.Ordinal))
            {
                var op = Time(text, "手术记录：");
                ok &= op >= admission && op <= discharge;
            }

            Assert.Equal(ok ? "true" : "false", draft.Answer);
            Assert.Equal(draft.Facts["planted_relation"] == "none" ? "true" : "false", draft.Answer);
        }

        Assert.InRange(drafts.Count(d => d.Draft.Answer == "false"), drafts.Count / 3, drafts.Count * 2 / 3);
        Assert.Equal(TlvBuilder.Relations.Order(), drafts.Select(d => d.Draft.Facts["planted_relation"]).Where(r => r != "none").Distinct().Order());
    }

    [Fact]
    public void UDC_gold_is_false_exactly_when_an_edit_changed_the_radiology_conclusion()
    {
        var drafts = MaturityRecords.Drafts(new UdcBuilder(), "udc.jsonl");
        foreach (var (record, draft) in drafts)
        {
            var shown = draft.Context![(draft.Context!.IndexOf("【放射检查结论】\n", StringComparison.Ordinal) + "【放射检查结论】\n".Length)..];
            var edited = shown != record.Fields["rad_conclusion"];
            Assert.Equal(edited ? "false" : "true", draft.Answer);
            Assert.Equal(edited, draft.Facts["planted_edit"] != "none");
            Assert.Contains(record.Fields["us_conclusion"], draft.Context, StringComparison.Ordinal);
        }

        Assert.Equal(UdcBuilder.Edits.Order(), drafts.Select(d => d.Draft.Facts["planted_edit"]).Where(e => e != "none").Distinct().Order());
        Assert.Equal("右肾未见明显异常。", UdcBuilder.Apply("negation", "右肾结石（约6mm）。"));
        Assert.Equal("1. 左肾囊肿。", UdcBuilder.Apply("laterality", "1. 右肾囊肿。"));
        Assert.Null(UdcBuilder.Apply("laterality", "1. 脂肪肝。"));
    }

    [Fact]
    public void RBQ_deduction_and_failed_items_come_from_the_rules_file_and_the_planted_violations()
    {
        var rules = QcRules.From(RawFiles.Reference).Rules;
        var drafts = MaturityRecords.Drafts(new RbqBuilder(), "rbq.jsonl");
        foreach (var (_, draft) in drafts)
        {
            var answer = MaturityRecords.Json(draft.Answer);
            var failed = answer.GetProperty("failed_items").EnumerateArray().Select(e => e.GetString()!).ToList();
            var planted = draft.Facts["planted_violations"] == "none" ? [] : draft.Facts["planted_violations"].Split(',');
            Assert.Superset(planted.ToHashSet(), failed.ToHashSet());
            Assert.Equal(rules.Select(r => r.Id).Where(failed.Contains), failed);
            var fixedPart = rules.Where(r => failed.Contains(r.Id) && r.Check != "contains_each").Sum(r => r.Deduction);
            var vitals = rules.Single(r => r.Check == "contains_each");
            var examLine = draft.Context!.Split('\n').Single(l => l.StartsWith("体格检查：", StringComparison.Ordinal));
            var missing = vitals.Terms.Count(t => !examLine.Contains(t, StringComparison.Ordinal));
            Assert.Equal(fixedPart + (missing * vitals.Deduction), answer.GetProperty("total_deduction").GetInt32());
            if (planted.Length == 0)
            {
                Assert.Equal(0, answer.GetProperty("total_deduction").GetInt32());
            }
        }

        Assert.Contains(drafts, d => d.Draft.Facts["planted_violations"] == "none");
        Assert.Contains(drafts, d => d.Draft.Facts["planted_violations"].Split(',').Length == 3);
    }

    [Fact]
    public void A_rules_file_with_an_unknown_check_is_an_error_naming_file_line_and_column()
    {
        using var dir = new Testing.TempDirectory();
        File.WriteAllText(dir.File("rules.tsv"), "id\titem\trequirement\tcheck\tfield\tparameter\tdeduction\nR1\t主诉\t简明\tshort\tchief_complaint\t20\t2\n");
        var e = Assert.Throws<FormatException>(() => QcRules.Read(dir.File("rules.tsv")));
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("'check'", e.Message, StringComparison.Ordinal);
        Assert.Contains("rules.tsv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DEC_corrections_applied_to_the_report_give_back_the_original()
    {
        // Many seeds per report: which kinds are planted, and where, depends on the seed.
        var drafts = Enumerable.Range(0, 12).SelectMany(seed => MaturityRecords.Drafts(new DecBuilder(), "dec.jsonl", seed)).ToList();
        foreach (var (record, draft) in drafts)
        {
            var answer = MaturityRecords.Json(draft.Answer);
            var errors = answer.GetProperty("errors").EnumerateArray().ToList();
            Assert.Equal(errors.Count, answer.GetProperty("error_count").GetInt32());
            Assert.Equal(errors.Select(e => e.GetProperty("type").GetString()!).Distinct().Order(), answer.GetProperty("error_types").EnumerateArray().Select(e => e.GetString()!));
            var text = draft.Context!;
            foreach (var error in errors.AsEnumerable().Reverse())
            {
                var wrong = error.GetProperty("error_text").GetString()!;
                Assert.Contains(wrong, text, StringComparison.Ordinal);
                text = ReplaceFirst(text, wrong, error.GetProperty("correction").GetString()!);
            }

            Assert.Equal(record.Text.Trim(), text);
        }

        Assert.Equal(DecBuilder.Kinds.Order(), drafts.SelectMany(d => d.Draft.Facts["planted_errors"].Split(',')).Distinct().Order());
    }

    [Theory]
    [InlineData("lung", 8, "visceral_pleura", "none", "none", "T2a", "N0", "M0", "IB")]
    [InlineData("lung", 45, "none", "mediastinal", "none", "T2b", "N2", "M0", "IIIA")]
    [InlineData("lung", 25, "none", "none", "multiple_extrathoracic", "T1c", "N0", "M1c", "IVB")]
    [InlineData("lung", 65, "chest_wall", "hilar", "none", "T3", "N1", "M0", "IIIA")]
    [InlineData("lung", 18, "none", "contralateral", "none", "T1b", "N3", "M0", "IIIB")]
    [InlineData("lung", 80, "mediastinum", "mediastinal", "none", "T4", "N2", "M0", "IIIB")]
    [InlineData("breast", 36, "chest_wall", "5", "none", "T4", "N2", "M0", "IIIB")]
    [InlineData("breast", 15, "none", "0", "none", "T1", "N0", "M0", "IA")]
    [InlineData("breast", 30, "none", "2", "none", "T2", "N1", "M0", "IIB")]
    [InlineData("breast", 60, "none", "12", "none", "T3", "N3", "M0", "IIIC")]
    [InlineData("colorectal", 40, "subserosa", "2", "none", "T3", "N1b", "M0", "IIIB")]
    [InlineData("colorectal", 40, "visceral_peritoneum", "0", "none", "T4a", "N0", "M0", "IIB")]
    [InlineData("colorectal", 40, "muscularis_propria", "5", "none", "T2", "N2a", "M0", "IIIB")]
    [InlineData("colorectal", 40, "adjacent_organ", "1", "none", "T4b", "N1a", "M0", "IIIC")]
    [InlineData("colorectal", 40, "submucosa", "0", "peritoneum", "T1", "N0", "M1c", "IVC")]
    [InlineData("gastric", 30, "submucosa", "0", "none", "T1", "N0", "M0", "IA")]
    [InlineData("gastric", 30, "serosa", "4", "none", "T4a", "N2", "M0", "IIIA")]
    [InlineData("gastric", 30, "subserosa", "8", "none", "T3", "N3a", "M0", "IIIB")]
    [InlineData("gastric", 30, "adjacent_organ", "16", "none", "T4b", "N3b", "M0", "IIIC")]
    [InlineData("gastric", 30, "muscularis_propria", "1", "none", "T2", "N1", "M0", "IIA")]
    [InlineData("pancreatic", 18, "none", "0", "none", "T1", "N0", "M0", "IA")]
    [InlineData("pancreatic", 35, "none", "2", "none", "T2", "N1", "M0", "IIB")]
    [InlineData("pancreatic", 50, "celiac_axis", "0", "none", "T4", "N0", "M0", "III")]
    [InlineData("pancreatic", 30, "none", "5", "none", "T2", "N2", "M0", "III")]
    [InlineData("pancreatic", 30, "none", "0", "distant", "T2", "N0", "M1", "IV")]
    public void TNM_gold_is_the_AJCC_8th_classification_of_the_planted_findings(string site, int size, string invasion, string nodes, string metastasis,
        string t, string n, string m, string stage)
    {
        var fields = new Dictionary<string, string>
        {
            ["text"] = "报告", ["site"] = site, ["size_mm"] = size.ToString(CultureInfo.InvariantCulture), ["invasion"] = invasion, ["nodes"] = nodes, ["metastasis"] = metastasis,
        };
        var answer = MaturityRecords.Json(new TnmBuilder().Build(MaturityRecords.Record(fields), new Random(1), RawFiles.Reference).Answer);
        Assert.Equal((t, n, m, stage), (answer.GetProperty("T_classification").GetString(), answer.GetProperty("N_classification").GetString(),
            answer.GetProperty("M_classification").GetString(), answer.GetProperty("Stage_classification").GetString()));
    }

    [Fact]
    public void TNM_bundled_reports_state_the_planted_findings_and_cover_the_five_sites()
    {
        var drafts = MaturityRecords.Drafts(new TnmBuilder(), "tnm.jsonl");
        foreach (var (record, draft) in drafts)
        {
            Assert.Contains($"大小约{record.Fields["size_mm"]}mm", draft.Context, StringComparison.Ordinal);
            if (record.Fields["site"] != "lung")
            {
                Assert.Contains($"{record.Fields["nodes"]}/", draft.Context, StringComparison.Ordinal);
            }

            Assert.Equal(4, draft.Rubric.Count);
            Assert.All(draft.Rubric, c => Assert.Contains(c.Description.Split(' ')[1], draft.Answer, StringComparison.Ordinal));
        }

        Assert.Equal(["breast", "colorectal", "gastric", "lung", "pancreatic"], drafts.Select(d => d.Record.Fields["site"]).Distinct().Order());
    }

    [Fact]
    public void MDT_reference_has_four_perspectives_from_the_guideline_and_the_case()
    {
        foreach (var (record, draft) in MaturityRecords.Drafts(new MdtBuilder(), "mdt.jsonl"))
        {
            var lines = draft.Answer.Split('\n');
            Assert.Equal(MdtBuilder.Perspectives.Select((p, i) => $"({i + 1}) {p}："), lines.Select(l => l[..(l.IndexOf('：', StringComparison.Ordinal) + 1)]));
            var plan = MdtGuidance.Plan(record.Fields["cancer"], record.Fields["stage_group"]);
            Assert.Contains(plan.Guideline, draft.Context, StringComparison.Ordinal);
            Assert.Contains(plan.Radiotherapy, lines[2], StringComparison.Ordinal);
            if (record.Fields["stage_group"] == "metastatic")
            {
                Assert.Contains(record.Fields["biomarker"], lines[1], StringComparison.Ordinal);
            }

            Assert.Equal(int.Parse(record.Fields["ecog"], CultureInfo.InvariantCulture) >= 2, lines[3].Contains("营养支持与康复", StringComparison.Ordinal));
        }
    }

    private static DateTime Time(string text, string label)
    {
        var m = Regex.Match(text, Regex.Escape(label) + @"(\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?)");
        Assert.True(m.Success, $"no time after {label}");
        return DateTime.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static int AnswerLetterIndex(string answer) => answer[0] - 'A';

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return at < 0 ? text : text[..at] + with + text[(at + what.Length)..];
    }
}
