using CurationPipeline.Calibration.Offline;
using CurationPipeline.Paradigms.EhrExtraction;
using CurationPipeline.Reference;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Reference;

public sealed class ReferenceDataTests
{
    private const string NewTerm = "胸骨后烧灼感";

    [Fact]
    public void One_reference_data_builds_each_thing_once_for_every_engine_that_asks()
    {
        var reference = new ReferenceData(RepoPaths.Raw);

        Assert.Same(reference.Knowledge, reference.Knowledge);
        Assert.Same(LexiconMatcher.For(reference), LexiconMatcher.For(reference));
        Assert.Same(OfflineKnowledge.For(reference), OfflineKnowledge.For(reference));
        Assert.Same(reference.KnowledgeTable("diseases"), reference.KnowledgeTable("diseases"));
    }

    [Fact]
    public void A_run_reads_its_files_once_and_the_next_run_reads_them_again()
    {
        using var dir = new TempDirectory();
        var lexicons = Directory.CreateDirectory(dir.File("lexicons")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Raw, "lexicons")))
        {
            File.Copy(file, Path.Combine(lexicons, Path.GetFileName(file)));
        }

        var text = $"患者诉{NewTerm}三天。";
        var first = new ReferenceData(dir.Path);
        Assert.DoesNotContain(LexiconMatcher.For(first).Match(text), m => m.Text == NewTerm);

        File.AppendAllText(Path.Combine(lexicons, "symptom.txt"), NewTerm + "\n");

        Assert.DoesNotContain(LexiconMatcher.For(first).Match(text), m => m.Text == NewTerm);
        Assert.Contains(LexiconMatcher.For(new ReferenceData(dir.Path)).Match(text), m => m.Text == NewTerm && m.Type == "symptom");
    }

    [Fact]
    public void Missing_files_are_null_and_a_missing_table_an_engine_needs_names_the_file()
    {
        using var dir = new TempDirectory();
        var reference = new ReferenceData(dir.Path);

        Assert.Null(reference.KnowledgeTable("diseases"));
        Assert.Null(reference.Lexicon("symptom"));
        Assert.Null(reference.DepartmentTable("terms"));
        Assert.Empty(reference.LexiconTypes);
        var e = Assert.Throws<FileNotFoundException>(() => LexiconMatcher.For(reference));
        Assert.EndsWith(Path.Combine("lexicons", "symptom.txt") + ": lexicon not found", e.Message, StringComparison.Ordinal);
    }
}
