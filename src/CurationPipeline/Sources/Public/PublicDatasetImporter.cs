using System.Text.Json;
using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Sources.Public;

/// <summary>
/// Turns a record of a public dataset, read in its native format, into a benchmark item; no generation.
/// CMExam becomes a multiple-choice item, CMeEE entities, CHIP-CDN normalised terms, CHIP-CDEE events and
/// CMeIE relation triples become gold annotations scored by micro-F1.
/// </summary>
public sealed class PublicDatasetImporter : IItemGenerator
{
    public Paradigm Paradigm => Paradigm.Public;

    public string Engine => "public-import/1";

    public Task<IReadOnlyList<BenchmarkItem>> GenerateAsync(SourceRecord record, DatasetDefinition dataset, GenerationContext context, CancellationToken cancellationToken = default)
    {
        var draft = record.Format.Code switch
        {
            "cmexam" => CMExam(record),
            "cmeee" => CMeEE(record),
            "chip-cdn" => ChipCdn(record),
            "chip-cdee" => ChipCdee(record),
            "cmeie" => CMeIE(record),
            _ => throw new RecordRejectedException($"no importer for format '{record.Format}'"),
        };
        var item = ItemFactory.Create(dataset, record, draft, Engine, "public", context);
        return Task.FromResult<IReadOnlyList<BenchmarkItem>>([item]);
    }

    private static ItemDraft CMExam(SourceRecord r)
    {
        var raw = r.Field("Options") ?? throw new RecordRejectedException("field 'Options' is missing", "Options");
        // The CSV holds all options in one cell separated by newlines (or the two characters \n).
        var lines = raw.Replace("\\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var options = new List<string>();
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            var expected = AnswerLetters.Letter(i);
            if (line.Length < 2 || char.ToUpperInvariant(line[0]) != expected)
            {
                throw new RecordRejectedException($"option {i + 1} does not start with letter {expected}", "Options");
            }

            options.Add(line[1..].TrimStart(' ', '.', '、', '．', ':', '：'));
        }

        var answer = (r.Field("Answer") ?? "").Trim();
        // CMExam's annotated split names a clinical department; the department tagger reads it from the attributes.
        var department = r.Field("Clinical Department")?.Trim();
        return new ItemDraft(r.Text.Trim(), null, options, answer)
        {
            Explanation = r.Field("Explanation"),
            Attributes = string.IsNullOrEmpty(department)
                ? new Dictionary<string, string>(StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal) { [DepartmentSpread.SourceDepartmentAttribute] = department },
        };
    }

    private static ItemDraft CMeEE(SourceRecord r)
    {
        var entities = ArrayField(r, "entities", "start_idx, end_idx, type, entity", e =>
            new GoldEntity(e.GetProperty("type").GetString()!, e.GetProperty("entity").GetString()!, e.GetProperty("start_idx").GetInt32(), e.GetProperty("end_idx").GetInt32() + 1));

        return Extraction(r, "请从以下医学文本中抽取所有医学实体，类型包括：疾病(dis)、症状(sym)、医疗程序(pro)、医疗设备(equ)、药物(dru)、医学检验项目(ite)、身体(bod)、科室(dep)、微生物类(mic)。以JSON列表给出每个实体的类型和原文。", entities);
    }

    private static ItemDraft ChipCdn(SourceRecord r)
    {
        var normalized = r.Field("normalized_result") ?? throw new RecordRejectedException("field 'normalized_result' is missing", "normalized_result");
        var entities = normalized.Split("##", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).Select(t => new GoldEntity("term", t)).ToList();
        return Extraction(r, "请将以下临床诊断表述标准化为《国际疾病分类 ICD-10 北京临床版 v601》中的标准诊断名称；有多个标准词时全部列出。", entities);
    }

    private static ItemDraft ChipCdee(SourceRecord r)
    {
        var entities = ArrayField(r, "event", "core_name, tendency, character, anatomy_list", e =>
        {
            var core = e.GetProperty("core_name").GetString() ?? "";
            var tendency = e.TryGetProperty("tendency", out var t) ? t.GetString() ?? "" : "";
            var anatomy = e.TryGetProperty("anatomy_list", out var a) ? string.Join('、', a.EnumerateArray().Select(x => x.GetString())) : "";
            var character = e.TryGetProperty("character", out var c) ? string.Join('、', c.EnumerateArray().Select(x => x.GetString())) : "";
            return new GoldEntity("event", $"{core}|{tendency}|{anatomy}|{character}");
        });

        return Extraction(r, "请从以下临床文本中抽取临床发现事件：主体词、发生状态（否定/不确定/空）、解剖部位、描述词。每个事件写成“主体词|发生状态|解剖部位|描述词”。", entities);
    }

    private static ItemDraft CMeIE(SourceRecord r)
    {
        var entities = ArrayField(r, "spo_list", "predicate, subject, object.@value", spo =>
            new GoldEntity(spo.GetProperty("predicate").GetString()!, $"{spo.GetProperty("subject").GetString()}|{spo.GetProperty("object").GetProperty("@value").GetString()}"));

        return Extraction(r, "请从以下医学文本中抽取实体关系三元组，每个三元组写成“关系：主体|客体”。", entities.DistinctBy(e => (e.Type, e.Text)).ToList());
    }

    private static ItemDraft Extraction(SourceRecord r, string instruction, IReadOnlyList<GoldEntity> entities) =>
        new(instruction, r.Text, [], string.Join("；", entities.Select(e => $"{e.Type}：{e.Text}"))) { Entities = entities };

    /// <summary>
    /// The elements of a JSON array field, each read by <paramref name="read"/>. A field or an element of another
    /// shape rejects the record, naming the field, the element and the keys the dataset's format has.
    /// </summary>
    private static List<GoldEntity> ArrayField(SourceRecord r, string name, string keys, Func<JsonElement, GoldEntity> read)
    {
        var json = r.Field(name);
        if (json is null)
        {
            return [];
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            throw new RecordRejectedException($"field '{name}' is not valid JSON", name);
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new RecordRejectedException($"field '{name}' is not a JSON array", name);
            }

            var list = new List<GoldEntity>();
            foreach (var element in doc.RootElement.EnumerateArray())
            {
                try
                {
                    list.Add(read(element));
                }
                catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
                {
                    throw new RecordRejectedException($"field '{name}', element {list.Count + 1}: does not have the dataset's shape ({keys})", name);
                }
            }

            return list;
        }
    }
}
