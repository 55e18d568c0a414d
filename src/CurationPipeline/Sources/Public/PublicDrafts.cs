using System.Text.Json;
using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Sources.Public;

/// <summary>What the public datasets' formats share: an extraction item over the record's text, and reading a JSON array field.</summary>
internal static class PublicDrafts
{
    public static ItemDraft Extraction(SourceRecord r, string instruction, IReadOnlyList<GoldEntity> entities) =>
        new(instruction, r.Text, [], string.Join("；", entities.Select(e => $"{e.Type}：{e.Text}"))) { Entities = entities };

    /// <summary>
    /// The elements of a JSON array field, each read by <paramref name="read"/>. A field or an element of another
    /// shape rejects the record, naming the field, the element and the keys the dataset's format has.
    /// </summary>
    public static List<GoldEntity> ArrayField(SourceRecord r, string name, string keys, Func<JsonElement, GoldEntity> read)
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
