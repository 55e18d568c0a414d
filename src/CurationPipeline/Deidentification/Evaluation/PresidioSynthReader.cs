using System.Text.Json;

namespace CurationPipeline.Deidentification;

/// <summary>
/// Reads the presidio-research synthetic PII set (synth_dataset_v2.json) as gold notes. Its entity types
/// are mapped onto <see cref="PhiCategory"/>; types with no category here (GPE, TITLE, NRP, CREDIT_CARD,
/// IBAN_CODE, US_DRIVER_LICENSE) and AGE (ages up to 89 are kept by design) become unscored ranges.
/// </summary>
public static class PresidioSynthReader
{
    /// <summary>The mapping of scored entity types.</summary>
    public static IReadOnlyDictionary<string, PhiCategory> Mapping { get; } = new Dictionary<string, PhiCategory>(StringComparer.Ordinal)
    {
        ["PERSON"] = PhiCategory.Name,
        ["STREET_ADDRESS"] = PhiCategory.Address,
        ["PHONE_NUMBER"] = PhiCategory.Phone,
        ["EMAIL_ADDRESS"] = PhiCategory.Email,
        ["DATE_TIME"] = PhiCategory.Date,
        ["IP_ADDRESS"] = PhiCategory.IpAddress,
        ["DOMAIN_NAME"] = PhiCategory.Url,
        ["ZIP_CODE"] = PhiCategory.PostalCode,
        ["US_SSN"] = PhiCategory.IdNumber,
        ["ORGANIZATION"] = PhiCategory.Organization,
    };

    public static List<GoldNote> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{path}: expected a JSON array of records");
        }

        var notes = new List<GoldNote>();
        var index = 0;
        foreach (var record in doc.RootElement.EnumerateArray())
        {
            index++;
            if (!record.TryGetProperty("full_text", out var textEl) || textEl.ValueKind != JsonValueKind.String)
            {
                throw new InvalidDataException($"{path}: record {index}: field 'full_text' missing or not a string");
            }

            var text = textEl.GetString()!;
            var scored = new List<GoldPhiSpan>();
            var unscored = new List<GoldPhiSpan>();
            if (record.TryGetProperty("spans", out var spans) && spans.ValueKind == JsonValueKind.Array)
            {
                foreach (var s in spans.EnumerateArray())
                {
                    var type = s.GetProperty("entity_type").GetString() ?? "";
                    var start = s.GetProperty("start_position").GetInt32();
                    var end = s.GetProperty("end_position").GetInt32();
                    if (start < 0 || end > text.Length || end <= start)
                    {
                        throw new InvalidDataException($"{path}: record {index}: span {type} ({start}..{end}) lies outside the text");
                    }

                    if (Mapping.TryGetValue(type, out var category))
                    {
                        scored.Add(new GoldPhiSpan(category, start, end - start));
                    }
                    else
                    {
                        unscored.Add(new GoldPhiSpan(PhiCategory.Age, start, end - start));
                    }
                }
            }

            var id = "presidio-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            notes.Add(new GoldNote(id, id, text, scored) { Unscored = unscored });
        }

        return notes;
    }
}
