using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Sources.Public;

/// <summary><c>cmeie</c>: CBLUE CMeIE, JSON Lines of texts with their relation triples, which become the gold.</summary>
public sealed class CMeIEFormat : IPublicFormat
{
    public SourceFormat Code { get; } = new("cmeie");

    public IRecordFileReader Reader => JsonLinesRecords.Instance;

    public string? TextField => null;

    public ItemDraft Import(SourceRecord r)
    {
        var entities = PublicDrafts.ArrayField(r, "spo_list", "predicate, subject, object.@value", spo =>
            new GoldEntity(spo.GetProperty("predicate").GetString()!, $"{spo.GetProperty("subject").GetString()}|{spo.GetProperty("object").GetProperty("@value").GetString()}"));

        return PublicDrafts.Extraction(r, "请从以下医学文本中抽取实体关系三元组，每个三元组写成“关系：主体|客体”。", entities.DistinctBy(e => (e.Type, e.Text)).ToList());
    }
}
