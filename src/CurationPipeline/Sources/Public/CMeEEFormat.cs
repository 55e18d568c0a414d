using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Sources.Public;

/// <summary><c>cmeee</c>: CBLUE CMeEE, a JSON array of texts with their entities; the entities become gold spans scored by micro-F1.</summary>
public sealed class CMeEEFormat : IPublicFormat
{
    public SourceFormat Code { get; } = new("cmeee");

    public IRecordFileReader Reader => JsonArrayRecords.Instance;

    public string? TextField => null;

    public ItemDraft Import(SourceRecord r)
    {
        var entities = PublicDrafts.ArrayField(r, "entities", "start_idx, end_idx, type, entity", e =>
            new GoldEntity(e.GetProperty("type").GetString()!, e.GetProperty("entity").GetString()!, e.GetProperty("start_idx").GetInt32(), e.GetProperty("end_idx").GetInt32() + 1));

        return PublicDrafts.Extraction(r, "请从以下医学文本中抽取所有医学实体，类型包括：疾病(dis)、症状(sym)、医疗程序(pro)、医疗设备(equ)、药物(dru)、医学检验项目(ite)、身体(bod)、科室(dep)、微生物类(mic)。以JSON列表给出每个实体的类型和原文。", entities);
    }
}
