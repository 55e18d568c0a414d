using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Sources.Public;

/// <summary><c>chip-cdn</c>: CBLUE CHIP-CDN, a JSON array of diagnosis phrases with their ICD-10 normalised terms, which become the gold.</summary>
public sealed class ChipCdnFormat : IPublicFormat
{
    public SourceFormat Code { get; } = new("chip-cdn");

    public IRecordFileReader Reader => JsonArrayRecords.Instance;

    public string? TextField => null;

    public ItemDraft Import(SourceRecord r)
    {
        var normalized = r.Field("normalized_result") ?? throw new RecordRejectedException("field 'normalized_result' is missing", "normalized_result");
        var entities = normalized.Split("##", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).Select(t => new GoldEntity("term", t)).ToList();
        return PublicDrafts.Extraction(r, "请将以下临床诊断表述标准化为《国际疾病分类 ICD-10 北京临床版 v601》中的标准诊断名称；有多个标准词时全部列出。", entities);
    }
}
