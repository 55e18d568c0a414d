using System.Text;
using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>One synthetic patient: the values every note of the patient shares.</summary>
internal sealed record ChinesePatient(
    string Name, string Surname, string[] Relatives, string Id, string Mobile, string Address, string Place, string Insurance,
    string WeChat, string Qq, string BankCard, string Plate, string Employer, string Email, string OldAge);

/// <summary>
/// Writes Chinese clinical documents of the eight <see cref="ClinicalDocumentType"/>s from the templates of one set,
/// with names from one half of the surname inventory, and the gold span of every planted value.
/// </summary>
internal sealed partial class ChineseNoteWriter(bool heldOut, SurnameRate rate)
{
    private readonly ChineseNameDraw _names = new(heldOut, rate);
    private readonly IReadOnlyDictionary<ClinicalDocumentType, string[]> _templates = heldOut ? ChineseTemplates.HeldOut : ChineseTemplates.Development;

    public ChinesePatient NewPatient(PhiValueFaker f, Random rng)
    {
        var (name, surname) = _names.Name(rng);
        var relatives = new[] { _names.Name(rng).Full, _names.Name(rng).Full };
        return new ChinesePatient(name, surname, relatives, f.ChineseIdMaybeSpaced(), f.Mobile(), f.ZhAddress(), f.ZhPlace(), f.ZhInsurance(),
            f.WeChatId(), f.QqNumber(), f.BankCard(), f.LicensePlate(), f.ZhOrg(), f.Email(zh: true), f.ZhOldAge());
    }

    public GoldNote Write(PhiValueFaker f, Random rng, string id, string patientId, ChinesePatient patient)
    {
        var type = (ClinicalDocumentType)f.Next(8);
        var parts = _templates[type];
        var chosen = new List<string> { parts[0] };
        var optional = parts.Skip(1).Where(_ => f.Next(10) < 6).ToList();
        chosen.AddRange(optional.Count >= 2 ? optional : parts.Skip(1).Take(2));

        // The cast of the note: clinicians and nurses; relatives come with the patient.
        var doctors = Enumerable.Range(0, 3).Select(_ => _names.Name(rng)).ToArray();
        var nurses = Enumerable.Range(0, 2).Select(_ => _names.Name(rng).Full).ToArray();
        var hospital = f.Hospital();
        var sb = new StringBuilder();
        var spans = new List<GoldPhiSpan>();
        foreach (var template in chosen)
        {
            var pos = 0;
            foreach (Match m in Slot().Matches(template))
            {
                sb.Append(template, pos, m.Index - pos);
                pos = m.Index + m.Length;
                var (category, value) = m.Groups[1].Value switch
                {
                    "P" => (PhiCategory.Name, patient.Name),
                    "PS" => (PhiCategory.Name, patient.Surname),
                    "DR" => (PhiCategory.Name, doctors[f.Next(doctors.Length)].Full),
                    "DRS" => (PhiCategory.Name, doctors[f.Next(doctors.Length)].Surname),
                    "NU" => (PhiCategory.Name, nurses[f.Next(nurses.Length)]),
                    "REL" => (PhiCategory.Name, patient.Relatives[f.Next(patient.Relatives.Length)]),
                    "ID" => (PhiCategory.IdNumber, patient.Id),
                    "MOB" => (PhiCategory.Phone, f.Next(3) == 0 ? f.Mobile() : patient.Mobile),
                    "TEL" => (PhiCategory.Phone, f.Landline()),
                    "DATE" => (PhiCategory.Date, f.ZhDate(f.AnyDate())),
                    "ADDR" => (PhiCategory.Address, patient.Address),
                    "GEO" => (PhiCategory.Address, patient.Place),
                    "ZIP" => (PhiCategory.PostalCode, f.ZhPostal()),
                    "OLD" => (PhiCategory.Age, patient.OldAge),
                    "AGE" => ((PhiCategory?)null, f.Age().ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    "REC" => (PhiCategory.RecordNumber, f.ZhRecord()),
                    "BED" => (PhiCategory.RecordNumber, (1 + f.Next(60)).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    "INS" => (PhiCategory.RecordNumber, patient.Insurance),
                    "STAFF" => (PhiCategory.RecordNumber, f.StaffNumber()),
                    "WX" => (PhiCategory.Account, patient.WeChat),
                    "QQ" => (PhiCategory.Account, patient.Qq),
                    "BANK" => (PhiCategory.Account, patient.BankCard),
                    "PLATE" => (PhiCategory.LicensePlate, patient.Plate),
                    "HOSP" => (PhiCategory.Organization, hospital),
                    "ORG" => (PhiCategory.Organization, patient.Employer),
                    "EMAIL" => (PhiCategory.Email, patient.Email),
                    var other => throw new InvalidOperationException($"unknown template slot {{{other}}}"),
                };
                if (category is { } c)
                {
                    spans.Add(new GoldPhiSpan(c, sb.Length, value.Length));
                }

                sb.Append(value);
            }

            sb.Append(template, pos, template.Length - pos);
        }

        return new GoldNote(id, patientId, sb.ToString().TrimEnd(), spans) { DocumentType = type };
    }

    [GeneratedRegex(@"\{([A-Z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Slot();
}
