using System.Text;
using CurationPipeline.Core;
using CurationPipeline.Sources;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Sources;

/// <summary>Damaged source files lose nothing silently: every record is read or rejected by name.</summary>
public sealed class DamagedSourceTests
{
    [Fact]
    public async Task An_unclosed_quote_rejects_its_row_and_every_row_after_it_is_still_read()
    {
        using var dir = new TempDirectory();
        var path = dir.File("drugs.csv");
        var lines = new List<string> { "id,name,text" };
        lines.AddRange(Enumerable.Range(1, 4).Select(i => $"d{i},药{i},解热镇痛{i}"));
        lines.Add("d5,药5,\"引号没有闭合");
        lines.AddRange(Enumerable.Range(6, 67).Select(i => $"d{i},药{i},解热镇痛{i}"));
        await File.WriteAllLinesAsync(path, lines);
        var source = new SourceDefinition { Name = "drugs", Path = path, Format = new("csv"), Kind = "drug" };

        var reads = await ReadAll(source, path);

        Assert.Equal(72, reads.Count);
        var reject = Assert.Single(reads, r => r.Reject is not null).Reject!;
        Assert.Equal("row 5", reject.Record);
        Assert.Contains("quoted field is not closed", reject.Reason, StringComparison.Ordinal);
        Assert.Equal([.. Enumerable.Range(1, 72).Where(i => i != 5).Select(i => $"d{i}")], reads.Where(r => r.Record is not null).Select(r => r.Record!.RecordId));
    }

    [Fact]
    public async Task Invalid_utf8_in_a_jsonl_record_is_a_reject_naming_the_line_and_field()
    {
        using var dir = new TempDirectory();
        var path = dir.File("notes.jsonl");
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"id\": \"n1\", \"text\": \"患者咳嗽三天\"}\n{\"id\": \"n2\", \"text\": \"发热"));
        bytes.AddRange([0xE5, 0x8F, 0x41, 0xFF]); // a cut-off three-byte sequence and a byte UTF-8 never uses
        bytes.AddRange(Encoding.UTF8.GetBytes("三天\"}\n{\"id\": \"n3\", \"text\": \"头痛\"}\n"));
        await File.WriteAllBytesAsync(path, [.. bytes]);
        var source = new SourceDefinition { Name = "ehr", Path = path, Format = new("jsonl"), Kind = "ehr" };

        var reads = await ReadAll(source, path);

        Assert.Equal(["n1", "n3"], reads.Where(r => r.Record is not null).Select(r => r.Record!.RecordId));
        var reject = Assert.Single(reads, r => r.Reject is not null).Reject!;
        Assert.Equal("line 2", reject.Record);
        Assert.Equal("text", reject.Field);
        Assert.Contains("not valid UTF-8", reject.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(reads, r => r.Record?.Text.Contains('\uFFFD', StringComparison.Ordinal) == true);
    }

    private static Task<List<SourceRead>> ReadAll(SourceDefinition source, string path) => SourceReaderTests.ReadAll(source, path);
}
