using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>
/// Writes synthetic clinical notes (Chinese, English or mixed) with planted personal data and exact gold
/// spans. The same seed, template set and surname rate give the same notes. Chinese notes are documents of eight
/// types (<see cref="ClinicalDocumentType"/>), one to three per patient (consecutive notes with one patient id);
/// their names come from the development or the held-out quarter of the surname inventory, with the template set.
/// </summary>
public sealed partial class PhiNoteSynthesizer(int seed, PhiTemplateSet templates = PhiTemplateSet.Development, SurnameRate surnames = SurnameRate.Realistic)
{
    public IEnumerable<GoldNote> Generate(int count, string language)
    {
        if (language is not ("zh" or "en" or "mixed"))
        {
            throw new ArgumentException($"language must be zh, en or mixed, not '{language}'", nameof(language));
        }

        var rng = new Random(seed);
        ChineseNoteWriter? chinese = null;
        ChinesePatient? patient = null;
        var (left, patientId) = (0, "");
        for (var i = 0; i < count; i++)
        {
            var zh = language == "zh" || (language == "mixed" && i % 2 == 0);
            var id = string.Create(CultureInfo.InvariantCulture, $"{(templates == PhiTemplateSet.HeldOut ? "h" : "d")}{seed}-{i:D5}");
            var noteSeed = rng.Next();
            if (!zh)
            {
                yield return Note(new PhiValueFaker(new Random(noteSeed)), id);
                continue;
            }

            chinese ??= new ChineseNoteWriter(templates == PhiTemplateSet.HeldOut, surnames);
            var names = new Random(noteSeed ^ 0x2545F491);
            if (left == 0)
            {
                patient = chinese.NewPatient(new PhiValueFaker(new Random(noteSeed ^ 0x1B873593)), names);
                (left, patientId) = (1 + noteSeed % 3, "pt-" + id);
            }

            left--;
            yield return chinese.Write(new PhiValueFaker(new Random(noteSeed)), names, id, patientId, patient!);
        }
    }

    /// <summary>An English note: sentence templates of the set with planted values.</summary>
    private GoldNote Note(PhiValueFaker f, string id)
    {
        var pool = templates == PhiTemplateSet.Development ? PhiNoteTemplates.EnDevelopment : PhiNoteTemplates.EnHeldOut;
        var patientFirst = f.EnFirst();
        var patientLast = f.EnLast();
        f.Pick(SurrogateLists.ZhGivenNames); // an unused draw that the later values of a seed depend on
        var patient = $"{patientFirst} {patientLast}";
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
                var (category, value) = Fill(m.Groups[1].Value, f, patient, patientLast);
                if (category is { } c)
                {
                    spans.Add(new GoldPhiSpan(c, sb.Length, value.Length));
                }

                sb.Append(value);
            }

            sb.Append(template, pos, template.Length - pos);
            if (!template.EndsWith('\n'))
            {
                sb.Append(' ');
            }
        }

        return new GoldNote(id, "pt-" + id, sb.ToString().TrimEnd(), spans);
    }

    /// <summary>The value to write for an English slot and its category (null: not personal data).</summary>
    private static (PhiCategory? Category, string Value) Fill(string slot, PhiValueFaker f, string patient, string patientLast) => slot switch
    {
        "P" => (PhiCategory.Name, patient),
        "PS" or "PL" => (PhiCategory.Name, patientLast),
        "DR" or "REL" => (PhiCategory.Name, f.EnName()),
        "DRL" => (PhiCategory.Name, f.EnLast()),
        "ID" => (PhiCategory.IdNumber, f.ChineseId()),
        "SSN" => (PhiCategory.IdNumber, f.Ssn()),
        "MOB" => (PhiCategory.Phone, f.Mobile()),
        "TEL" or "PHONE" => (PhiCategory.Phone, f.UsPhone()),
        "DATE" => (PhiCategory.Date, f.EnDate(f.AnyDate())),
        "ADDR" => (PhiCategory.Address, $"{f.EnStreet()}, {f.EnCity()}"),
        "ZIP" => (PhiCategory.PostalCode, f.Zip()),
        "OLD" => (PhiCategory.Age, f.OldAge().ToString(CultureInfo.InvariantCulture)),
        "AGE" => (null, f.Age().ToString(CultureInfo.InvariantCulture)),
        "REC" => (PhiCategory.RecordNumber, f.EnRecord()),
        "ORG" => (PhiCategory.Organization, f.EnOrg()),
        "EMAIL" => (PhiCategory.Email, f.Email(false)),
        "URL" => (PhiCategory.Url, f.Url()),
        "IP" => (PhiCategory.IpAddress, f.Ip()),
        _ => throw new InvalidOperationException($"unknown template slot {{{slot}}}"),
    };

    [GeneratedRegex(@"\{([A-Z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Slot();
}
