using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Sources.Public;

/// <summary><c>chip-cdee</c>: CBLUE CHIP-CDEE, a JSON array of texts with their clinical finding events, which become the gold.</summary>
public sealed class ChipCdeeFormat : IPublicFormat
{
    public SourceFormat Code { get; } = new("chip-cdee");

    public IRecordFileReader Reader => JsonArrayRecords.Instance;

    public string? TextField => null;

    public ItemDraft Import(SourceRecord r)
    {
        var entities = PublicDrafts.ArrayField(r, "event", "core_name, tendency, character, anatomy_list", e =>
        {
            var core = e.GetProperty("core_name").GetString() ?? "";
            var tendency = e.TryGetProperty("tendency", out var t) ? t.GetString() ?? "" : "";
            var anatomy = e.TryGetProperty("anatomy_list", out var a) ? string.Join('、', a.EnumerateArray().Select(x => x.GetString())) : "";
            var character = e.TryGetProperty("character", out var c) ? string.Join('、', c.EnumerateArray().Select(x => x.GetString())) : "";
            return new GoldEntity("event", $"{core}|{tendency}|{anatomy}|{character}");
        });

        return PublicDrafts.Extraction(r, "请从以下临床文本中抽取临床发现事件：主体词、发生状态（否定/不确定/空）、解剖部位、描述词。每个事件写成“主体词|发生状态|解剖部位|描述词”。", entities);
    }
}
