using CurationPipeline.Deidentification;

namespace CurationPipeline.Tests.Deidentification;

/// <summary>The Chinese gold set: eight document types, patients with several records, two surname halves.</summary>
public sealed class ChineseSynthesisTests
{
    [Theory]
    [InlineData(PhiTemplateSet.Development)]
    [InlineData(PhiTemplateSet.HeldOut)]
    public void Writes_all_eight_document_types_with_gold_spans_on_their_values(PhiTemplateSet set)
    {
        var notes = new PhiNoteSynthesizer(3, set).Generate(300, "zh").ToList();
        Assert.Equal(Enum.GetValues<ClinicalDocumentType>().ToHashSet(), notes.Select(n => n.DocumentType!.Value).ToHashSet());
        foreach (var note in notes)
        {
            foreach (var s in note.Spans)
            {
                var value = note.Text.Substring(s.Start, s.Length);
                Assert.Equal(value.Trim(), value);
                Assert.DoesNotContain('{', value);
            }
        }

        // Every category the documents plant is there: the structured Safe Harbor ones included.
        var categories = notes.SelectMany(n => n.Spans).Select(s => s.Category).ToHashSet();
        foreach (var c in new[] { PhiCategory.Name, PhiCategory.IdNumber, PhiCategory.Phone, PhiCategory.Address, PhiCategory.Date, PhiCategory.Age,
                     PhiCategory.RecordNumber, PhiCategory.Organization, PhiCategory.Account, PhiCategory.LicensePlate })
        {
            Assert.Contains(c, categories);
        }
    }

    [Fact]
    public void Patients_have_one_to_three_records_sharing_their_names()
    {
        var notes = new PhiNoteSynthesizer(8).Generate(200, "zh").ToList();
        var patients = notes.GroupBy(n => n.PatientId).ToList();
        Assert.All(patients, p => Assert.InRange(p.Count(), 1, 3));
        Assert.Contains(patients, p => p.Count() > 1);
    }

    [Fact]
    public void Held_out_notes_use_surnames_no_development_note_uses()
    {
        static HashSet<string> Surnames(PhiTemplateSet set, SurnameRate rate) =>
            [.. new PhiNoteSynthesizer(5, set, rate).Generate(400, "zh").SelectMany(n => n.Spans.Where(s => s.Category == PhiCategory.Name)
                .Select(s => n.Text.Substring(s.Start, s.Length)))
                .Where(v => !v.Contains('·', StringComparison.Ordinal) && !ChineseNameDraw.MinorityParts.Contains(v))
                .Select(v => SurnameInventory.IsCompoundAt(v, 0) ? v[..2] : v[..1])];

        var development = Surnames(PhiTemplateSet.Development, SurnameRate.Stress);
        var heldOut = Surnames(PhiTemplateSet.HeldOut, SurnameRate.Stress);
        Assert.Empty(development.Intersect(heldOut));
        Assert.All(heldOut, s => Assert.True(ChineseNameDraw.IsHeldOut(s), s));
    }

    [Fact]
    public void Stress_rate_draws_many_more_compound_and_minority_names()
    {
        static double Share(SurnameRate rate, Func<string, bool> what)
        {
            var names = new PhiNoteSynthesizer(6, PhiTemplateSet.Development, rate).Generate(300, "zh")
                .SelectMany(n => n.Spans.Where(s => s.Category == PhiCategory.Name && s.Length > 2).Select(s => n.Text.Substring(s.Start, s.Length))).ToList();
            return (double)names.Count(what) / names.Count;
        }

        bool Compound(string name) => SurnameInventory.Compound.Contains(name[..2]);
        Assert.True(Share(SurnameRate.Stress, Compound) > 0.2);
        Assert.True(Share(SurnameRate.Realistic, Compound) < 0.05);
        Assert.True(Share(SurnameRate.Stress, n => n.Contains('·', StringComparison.Ordinal)) > Share(SurnameRate.Realistic, n => n.Contains('·', StringComparison.Ordinal)));
    }

    [Fact]
    public void The_surname_inventory_holds_rare_and_every_traditional_compound_surname()
    {
        Assert.True(SurnameInventory.All.Count > 900, $"{SurnameInventory.All.Count} surnames");
        foreach (var s in new[] { "呼延", "濮阳", "闻人", "端木", "司马", "欧阳", "诸葛", "澹台", "公冶", "第五", "羊舌", "完颜", "独孤" })
        {
            Assert.True(SurnameInventory.Compound.Contains(s), s);
        }

        foreach (var c in "冼禤覃谌邝亓逯郄昝")
        {
            Assert.True(SurnameInventory.IsSingle(c), c.ToString());
        }
    }
}
