using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CurationPipeline.Tests.Sources;

/// <summary>
/// Tiny records in the native formats of the four CBLUE sets, written by the tests themselves (CBLUE's data
/// terms do not let the repository carry samples). Files get the upstream names in the public datasets layout
/// (<c>cblue-cmeee/CMeEE_dev.json</c>, ...), so the bundled pipeline's source patterns find them.
/// </summary>
internal static class CblueRecords
{
    /// <summary>CMeEE sentences with their entities (type, text); offsets are computed from the first occurrence.</summary>
    public static readonly (string Text, (string Type, string Entity)[] Entities)[] CMeEE =
    [
        ("小儿肺炎常见症状为发热、咳嗽和气促，重症可出现呼吸衰竭。", [("dis", "小儿肺炎"), ("sym", "发热"), ("sym", "咳嗽"), ("sym", "气促"), ("dis", "呼吸衰竭")]),
        ("川崎病患儿应尽早静脉注射丙种球蛋白，并口服阿司匹林。", [("dis", "川崎病"), ("pro", "静脉注射"), ("dru", "丙种球蛋白"), ("dru", "阿司匹林")]),
        ("轮状病毒感染是婴幼儿秋冬季腹泻的主要原因。", [("mic", "轮状病毒"), ("dis", "轮状病毒感染"), ("sym", "腹泻")]),
        ("新生儿黄疸患儿需监测血清胆红素，必要时行蓝光治疗。", [("dis", "新生儿黄疸"), ("ite", "血清胆红素"), ("pro", "蓝光治疗")]),
        ("急性肾小球肾炎多见于链球菌感染后，表现为水肿、血尿和高血压。", [("dis", "急性肾小球肾炎"), ("mic", "链球菌"), ("dis", "链球菌感染"), ("sym", "水肿"), ("sym", "血尿"), ("dis", "高血压")]),
        ("胸部X线检查可见双肺散在斑片状阴影。", [("ite", "胸部X线检查"), ("bod", "双肺"), ("sym", "斑片状阴影")]),
        ("先天性心脏病患儿可通过心脏超声明确诊断，部分需行外科手术。", [("dis", "先天性心脏病"), ("ite", "心脏超声"), ("pro", "外科手术")]),
        ("缺铁性贫血患儿血红蛋白降低，应补充铁剂。", [("dis", "缺铁性贫血"), ("ite", "血红蛋白"), ("dru", "铁剂")]),
        ("癫痫发作时应保持呼吸道通畅，可静脉给予地西泮。", [("dis", "癫痫"), ("bod", "呼吸道"), ("dru", "地西泮")]),
        ("手足口病由肠道病毒引起，患儿手掌、足底和口腔黏膜出现疱疹。", [("dis", "手足口病"), ("mic", "肠道病毒"), ("bod", "手掌"), ("bod", "足底"), ("bod", "口腔黏膜"), ("sym", "疱疹")]),
        ("哮喘急性发作时可雾化吸入沙丁胺醇，并监测血氧饱和度。", [("dis", "哮喘"), ("pro", "雾化吸入"), ("dru", "沙丁胺醇"), ("ite", "血氧饱和度")]),
        ("重症患儿需转入儿科重症监护病房，必要时使用呼吸机辅助通气。", [("dep", "儿科重症监护病房"), ("equ", "呼吸机"), ("pro", "辅助通气")]),
    ];

    /// <summary>Writes all four sets under <paramref name="folder"/> in the public datasets layout.</summary>
    public static void WriteAll(string folder)
    {
        Write(folder, "cblue-cmeee/CMeEE_dev.json", Indented(new JsonArray([.. CMeEE.Select(r => CMeEERecord(r.Text, r.Entities))])));
        Write(folder, "cblue-chip-cdn/CHIP-CDN_dev.json", Indented(new JsonArray(
            CdnRecord("左膝关节退行性变伴积液", "膝关节病##关节积液"),
            CdnRecord("2型糖尿病性周围神经病变", "2型糖尿病性周围神经病"),
            CdnRecord("高血压3级（极高危）", "高血压3级##高血压3级"))));
        Write(folder, "cblue-chip-cdee/CHIP-CDEE_dev.json", Indented(new JsonArray(
            CdeeRecord(1, "患者3天前无明显诱因出现右上腹持续性疼痛，无恶心呕吐。", ("疼痛", "", ["持续性"], ["右上腹"]), ("恶心", "否定", [], []), ("呕吐", "否定", [], [])),
            CdeeRecord(2, "查体双下肢轻度水肿，考虑心功能不全可能。", ("水肿", "", ["轻度"], ["双下肢"]), ("心功能不全", "不确定", [], [])))));
        // CMeIE's dev file is named .json but holds JSON Lines.
        Write(folder, "cblue-cmeie/CMeIE_dev.json", string.Join('\n',
            Compact(CmeieRecord("支气管哮喘@支气管哮喘患儿常表现为反复发作的喘息、咳嗽，肺功能检查可见可逆性气流受限。",
                ("临床表现", "支气管哮喘", "疾病", "喘息", "症状"), ("临床表现", "支气管哮喘", "疾病", "咳嗽", "症状"),
                ("影像学检查", "支气管哮喘", "疾病", "肺功能检查", "检查"), ("临床表现", "支气管哮喘", "疾病", "喘息", "症状"))),
            Compact(CmeieRecord("缺铁性贫血@缺铁性贫血的治疗以口服铁剂为主，同时去除病因。",
                ("药物治疗", "缺铁性贫血", "疾病", "铁剂", "药物")))) + "\n");
    }

    private static JsonObject CMeEERecord(string text, (string Type, string Entity)[] entities) => new()
    {
        ["text"] = text,
        ["entities"] = new JsonArray([.. entities.Select(e =>
        {
            var start = text.IndexOf(e.Entity, StringComparison.Ordinal);
            return (JsonNode)new JsonObject { ["start_idx"] = start, ["end_idx"] = start + e.Entity.Length - 1, ["type"] = e.Type, ["entity"] = e.Entity };
        })]),
    };

    private static JsonObject CdnRecord(string text, string normalized) => new() { ["text"] = text, ["normalized_result"] = normalized };

    private static JsonObject CdeeRecord(int id, string text, params (string Core, string Tendency, string[] Character, string[] Anatomy)[] events) => new()
    {
        ["id"] = id,
        ["text"] = text,
        ["event"] = new JsonArray([.. events.Select(e => (JsonNode)new JsonObject
        {
            ["core_name"] = e.Core,
            ["tendency"] = e.Tendency,
            ["character"] = new JsonArray([.. e.Character.Select(c => (JsonNode)c)]),
            ["anatomy_list"] = new JsonArray([.. e.Anatomy.Select(a => (JsonNode)a)]),
        })]),
    };

    private static JsonObject CmeieRecord(string text, params (string Predicate, string Subject, string SubjectType, string Object, string ObjectType)[] triples) => new()
    {
        ["text"] = text,
        ["spo_list"] = new JsonArray([.. triples.Select(t => (JsonNode)new JsonObject
        {
            ["Combined"] = false,
            ["predicate"] = t.Predicate,
            ["subject"] = t.Subject,
            ["subject_type"] = t.SubjectType,
            ["object"] = new JsonObject { ["@value"] = t.Object },
            ["object_type"] = new JsonObject { ["@value"] = t.ObjectType },
        })]),
    };

    // Like the upstream files: UTF-8 without escaping Chinese, arrays indented by two spaces.
    private static readonly JsonSerializerOptions IndentedOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions CompactOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Indented(JsonNode node) => node.ToJsonString(IndentedOptions);

    private static string Compact(JsonNode node) => node.ToJsonString(CompactOptions);

    private static void Write(string folder, string relative, string content)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
