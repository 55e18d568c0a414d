using System.Text.Json;
using CurationPipeline.Deidentification;

namespace CurationPipeline.Tests.Deidentification;

public sealed class AuditTests
{
    [Fact]
    public void Counts_per_source_and_category_without_values()
    {
        var audit = new DeidAudit();
        var deid = new Deidentifier(new DeidOptions(), audit);
        deid.Deidentify("患者张三，手机13812345678，2023年3月5日入院。", "p1", "emr.jsonl");
        deid.Deidentify("Patient John Smith, MRN: 12345678.", "p2", "notes.jsonl");
        deid.Deidentify("No personal data here.", "p3", "notes.jsonl");

        Assert.Equal(3, audit.Texts);
        Assert.Equal(1, audit.BySource["emr.jsonl"][PhiCategory.Name]);
        Assert.Equal(1, audit.BySource["emr.jsonl"][PhiCategory.Phone]);
        Assert.Equal(1, audit.BySource["emr.jsonl"][PhiCategory.Date]);
        Assert.Equal(1, audit.BySource["notes.jsonl"][PhiCategory.RecordNumber]);
        Assert.Equal(2, audit.Totals[PhiCategory.Name]);
        Assert.Equal(5, audit.Total);

        var json = audit.ToJson();
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(5, doc.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("by_source").GetProperty("notes.jsonl").GetProperty("RecordNumber").GetInt32());
        foreach (var value in new[] { "张三", "13812345678", "2023", "John", "Smith", "12345678" })
        {
            Assert.DoesNotContain(value, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Is_thread_safe()
    {
        var audit = new DeidAudit();
        Parallel.For(0, 10_000, i => audit.Record("s" + (i % 4), (PhiCategory)(i % 12), 1));
        Assert.Equal(10_000, audit.Total);
        Assert.Equal(2_500, audit.BySource["s0"].Values.Sum());
    }
}
