using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>
/// Writes synthetic clinical notes (Chinese, English or mixed) with planted personal data and exact gold
/// spans. The same seed and template set give the same notes.
/// </summary>
public sealed partial class PhiNoteSynthesizer(int seed, PhiTemplateSet templates = PhiTemplateSet.Development)
{
    public IEnumerable<GoldNote> Generate(int count, string language)
    {
        if (language is not ("zh" or "en" or "mixed"))
        {
            throw new ArgumentException($"language must be zh, en or mixed, not '{language}'", nameof(language));
        }

        var rng = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var zh = language == "zh" || (language == "mixed" && i % 2 == 0);
            var id = string.Create(CultureInfo.InvariantCulture, $"{(templates == PhiTemplateSet.HeldOut ? "h" : "d")}{seed}-{i:D5}");
            yield return Note(new PhiValueFaker(new Random(rng.Next())), id, zh);
        }
    }

    private GoldNote Note(PhiValueFaker f, string id, bool zh)
    {
        var pool = (zh, templates) switch
        {
            (true, PhiTemplateSet.Development) => PhiNoteTemplates.ZhDevelopment,
            (false, PhiTemplateSet.Development) => PhiNoteTemplates.EnDevelopment,
            (true, _) => PhiNoteTemplates.ZhHeldOut,
            _ => PhiNoteTemplates.EnHeldOut,
        };

        var patientFirst = zh ? "" : f.EnFirst();
        var patientLast = zh ? f.ZhSurname() : f.EnLast();
        var given = f.Pick(SurrogateLists.ZhGivenNames);
        var patient = zh ? patientLast + given[..Math.Min(given.Length, f.Next(4) == 0 ? 1 : 2)] : $"{patientFirst} {patientLast}";
        var sb = new StringBuilder();
        var spans = new List<GoldPhiSpan>();
        var sections = pool.OrderBy(_ => f.Next(1000)).Take(3 + f.Next(Math.Max(1, pool.Length - 2))).ToList();
        foreach (var template in sections)
        {
            var pos = 0;
            foreach (Match m in Slot().Matches(template))
            {
                sb.Append(template, pos, m.Index - pos);
                pos = m.Index + m.Length;
                var (category, value, spanValue) = Fill(m.Groups[1].Value, f, zh, patient, patientLast);
                if (category is { } c)
                {
                    spans.Add(new GoldPhiSpan(c, sb.Length, spanValue.Length));
                }

                sb.Append(value);
            }

            sb.Append(template, pos, template.Length - pos);
            if (!template.EndsWith('\n'))
            {
                sb.Append(zh ? "" : " ");
            }
        }

        return new GoldNote(id, "pt-" + id, sb.ToString().TrimEnd(), spans);
    }

    /// <summary>The value to write and its category; the gold span covers the first spanValue.Length characters.</summary>
    private static (PhiCategory? Category, string Value, string SpanValue) Fill(string slot, PhiValueFaker f, bool zh, string patient, string patientLast)
    {
        string v;
        switch (slot)
        {
            case "P": return (PhiCategory.Name, patient, patient);
            case "PS": case "PL": return (PhiCategory.Name, patientLast, patientLast);
            case "DR": case "REL": v = zh ? f.ZhName() : f.EnName(); return (PhiCategory.Name, v, v);
            case "DRL": v = f.EnLast(); return (PhiCategory.Name, v, v);
            case "ID": v = f.ChineseId(); return (PhiCategory.IdNumber, v, v);
            case "SSN": v = f.Ssn(); return (PhiCategory.IdNumber, v, v);
            case "MOB": v = f.Mobile(); return (PhiCategory.Phone, v, v);
            case "TEL": v = zh ? f.Landline() : f.UsPhone(); return (PhiCategory.Phone, v, v);
            case "PHONE": v = f.UsPhone(); return (PhiCategory.Phone, v, v);
            case "DATE": v = zh ? f.ZhDate(f.AnyDate()) : f.EnDate(f.AnyDate()); return (PhiCategory.Date, v, v);
            case "ADDR": v = zh ? f.ZhAddress() : $"{f.EnStreet()}, {f.EnCity()}"; return (PhiCategory.Address, v, v);
            case "ZIP": v = zh ? f.ZhPostal() : f.Zip(); return (PhiCategory.PostalCode, v, v);
            case "OLD":
                v = f.OldAge().ToString(CultureInfo.InvariantCulture);
                return zh ? (PhiCategory.Age, v + "岁", v + "岁") : (PhiCategory.Age, v, v);
            case "AGE": return (null, f.Age().ToString(CultureInfo.InvariantCulture), "");
            case "REC": v = zh ? f.ZhRecord() : f.EnRecord(); return (PhiCategory.RecordNumber, v, v);
            case "ORG": v = zh ? f.ZhOrg() : f.EnOrg(); return (PhiCategory.Organization, v, v);
            case "EMAIL": v = f.Email(zh); return (PhiCategory.Email, v, v);
            case "URL": v = f.Url(); return (PhiCategory.Url, v, v);
            case "IP": v = f.Ip(); return (PhiCategory.IpAddress, v, v);
            default: throw new InvalidOperationException($"unknown template slot {{{slot}}}");
        }
    }

    [GeneratedRegex(@"\{([A-Z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Slot();
}
