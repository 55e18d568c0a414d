using CurationPipeline.Departments;
using CurationPipeline.Reference;
using CurationPipeline.Testing;
using CurationPipeline.Tests.Paradigms;

namespace CurationPipeline.Tests.Reference;

public sealed class KnowledgeTablesTests
{
    private static readonly KnowledgeBase Kb = RawFiles.Reference.Knowledge;

    [Fact]
    public void The_bundled_tables_have_the_promised_sizes_and_known_departments()
    {
        Assert.True(Kb.Diseases.Count >= 60);
        Assert.True(Kb.Diseases.Select(d => d.Department).Distinct().Count() >= 25);
        Assert.True(Kb.Drugs.Count >= 50);
        Assert.True(Kb.LabTests.Count >= 30);
        Assert.True(Kb.Guidelines.Count >= 50);
        Assert.All(Kb.Diseases.Select(d => d.Department).Concat(Kb.Drugs.Select(d => d.Department)).Concat(Kb.Guidelines.Select(g => g.Department)),
            d => Assert.True(DepartmentCatalog.IsValidLabel(d), d));
        Assert.All(Kb.Guidelines, g => Assert.InRange(g.Text.Length, 150, 400));
        Assert.All(Kb.Guidelines.SelectMany(g => g.KeyFacts.Select(f => (g, f))), x => Assert.Contains(x.f.Answer, x.g.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_with_an_empty_field_names_the_file_line_and_field()
    {
        using var dir = new TempDirectory();
        var knowledge = Directory.CreateDirectory(dir.File("knowledge")).FullName;
        foreach (var f in new[] { "drugs.csv", "lab_tests.csv", "guidelines.jsonl" })
        {
            File.Copy(Path.Combine(RawFiles.Knowledge, f), Path.Combine(knowledge, f));
        }

        File.WriteAllText(Path.Combine(knowledge, "diseases.csv"),
            "id,name,department,symptoms,signs,examinations,first_line_drugs,complications,text\nD1,某病,Cardiology,,体征,检查,药,并发症,文本\n");
        var e = Assert.Throws<InvalidDataException>(() => ReferenceData.ForKnowledge(knowledge).Knowledge);
        Assert.EndsWith("diseases.csv: line 2, field 'symptoms' is missing or empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_guideline_line_without_text_names_the_file_line_and_field()
    {
        using var dir = new TempDirectory();
        var knowledge = Directory.CreateDirectory(dir.File("knowledge")).FullName;
        foreach (var f in new[] { "diseases.csv", "drugs.csv", "lab_tests.csv" })
        {
            File.Copy(Path.Combine(RawFiles.Knowledge, f), Path.Combine(knowledge, f));
        }

        File.WriteAllText(Path.Combine(knowledge, "guidelines.jsonl"), "{\"id\":\"G1\",\"topic\":\"t\",\"department\":\"Cardiology\",\"source_type\":\"guideline\"}\n");
        var e = Assert.Throws<InvalidDataException>(() => ReferenceData.ForKnowledge(knowledge).Knowledge);
        Assert.EndsWith("guidelines.jsonl:1: field 'text' is missing or not a string", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_csv_fields_keep_commas_quotes_and_line_breaks()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("t.csv"), "id,text\r\n1,\"a, \"\"b\"\"\nc\"\r\n2,d\r\n");
        var rows = ReferenceReader.Csv(dir.File("t.csv"));
        Assert.Equal("a, \"b\"\nc", rows[0].Fields["text"]);
        Assert.Equal((4, "d"), (rows[1].Line, rows[1].Fields["text"]));
    }
}
