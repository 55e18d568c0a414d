using CurationPipeline.Deidentification;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Deidentification;

public sealed class SynthesizerTests
{
    [Fact]
    public void Is_deterministic_per_seed_and_template_set()
    {
        var a = new PhiNoteSynthesizer(42).Generate(30, "mixed").ToList();
        var b = new PhiNoteSynthesizer(42).Generate(30, "mixed").ToList();
        var c = new PhiNoteSynthesizer(42, PhiTemplateSet.HeldOut).Generate(30, "mixed").ToList();
        Assert.Equal(a.Select(n => n.Text), b.Select(n => n.Text));
        Assert.NotEqual(a.Select(n => n.Text), c.Select(n => n.Text));
        Assert.Equal(15, a.Count(n => n.Text.Any(ch => ch >= '\u4e00' && ch <= '\u9fff')));
    }

    [Fact]
    public void Gold_spans_point_at_planted_values()
    {
        foreach (var note in new PhiNoteSynthesizer(9).Generate(100, "mixed"))
        {
            Assert.NotEmpty(note.Spans);
            foreach (var s in note.Spans)
            {
                var value = note.Text.Substring(s.Start, s.Length);
                Assert.Equal(value.Trim(), value);
                switch (s.Category)
                {
                    case PhiCategory.IdNumber when value.Length == 18:
                        Assert.True(NationalId.IsValid(value), value);
                        break;
                    case PhiCategory.Age:
                        Assert.True(int.Parse(value.TrimEnd('岁'), System.Globalization.CultureInfo.InvariantCulture) >= 90, value);
                        break;
                    case PhiCategory.Email:
                        Assert.Contains('@', value);
                        break;
                }
            }
        }
    }

    [Fact]
    public void Rejects_an_unknown_language() =>
        Assert.Throws<ArgumentException>(() => new PhiNoteSynthesizer(1).Generate(1, "fr").ToList());

    [Fact]
    public async Task Gold_notes_round_trip_through_jsonl()
    {
        using var dir = new TempDirectory();
        var notes = new PhiNoteSynthesizer(4).Generate(25, "mixed").ToList();
        await GoldNoteJsonl.WriteAsync(dir.File("gold.jsonl"), notes);
        var back = await GoldNoteJsonl.ReadAsync(dir.File("gold.jsonl"));
        Assert.Equal(notes.Count, back.Count);
        for (var i = 0; i < notes.Count; i++)
        {
            Assert.Equal(notes[i].Id, back[i].Id);
            Assert.Equal(notes[i].PatientId, back[i].PatientId);
            Assert.Equal(notes[i].Text, back[i].Text);
            Assert.Equal(notes[i].Spans, back[i].Spans);
            Assert.Equal(notes[i].DocumentType, back[i].DocumentType);
        }

        var firstLine = (await File.ReadAllLinesAsync(dir.File("gold.jsonl")))[0];
        Assert.StartsWith("""{"id":""", firstLine);
        Assert.Contains("""{"category":""", firstLine);
    }

    [Theory]
    [InlineData("""{"id":"a","text":"abc","spans":[{"category":"Nope","start":0,"length":1}]}""", "line 2: spans[0].category")]
    [InlineData("""{"id":"a","text":"abc","spans":[{"category":"Name","start":2,"length":5}]}""", "line 2: spans[0] (2+5) lies outside")]
    [InlineData("""{"id":"a","spans":[]}""", "line 2: field 'text'")]
    [InlineData("""{"id":"a","text":"abc"}""", "line 2: field 'spans'")]
    [InlineData("{oops", "line 2: not valid JSON")]
    public async Task Bad_gold_records_name_file_line_and_field(string badLine, string expected)
    {
        using var dir = new TempDirectory();
        var path = dir.File("gold.jsonl");
        await File.WriteAllLinesAsync(path, ["""{"id":"ok","text":"abc","spans":[]}""", badLine]);
        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => GoldNoteJsonl.ReadAsync(path));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
