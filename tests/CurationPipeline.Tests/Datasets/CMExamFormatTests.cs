using System.Text;
using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Sources;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Datasets;

/// <summary>
/// CMExam's CSV holds all options in one cell. The official file separates them with line breaks inside a quoted
/// cell; a re-upload of it uses the two characters backslash-n. Both read alike.
/// </summary>
public class CMExamFormatTests
{
    private static async Task<(List<BenchmarkItem> Items, List<string> Rejects)> ImportAsync(string csv, Encoding encoding)
    {
        using var dir = new TempDirectory();
        var path = dir.File("val.csv");
        await File.WriteAllTextAsync(path, csv, encoding);
        var definition = PipelineLoader.Load(RepoPaths.File("pipelines/mlb.yaml"));
        var source = definition.Sources.Single(s => s.Name == "cmexam");
        var dataset = definition.Datasets.Single(d => d.Name == "CMExam");
        var context = new GenerationContext { Seed = 1, PipelineVersion = "test" };
        var items = new List<BenchmarkItem>();
        var rejects = new List<string>();
        await foreach (var read in SourceReader.ReadAsync(Extensions.Bundled.Formats, source, path, "cmexam/val.csv"))
        {
            if (read.Reject is { } reject)
            {
                rejects.Add($"{reject.Record}: {reject.Reason}");
                continue;
            }

            try
            {
                items.AddRange(await new PublicDatasetImporter(Extensions.Bundled.Formats).GenerateAsync(read.Record!, dataset, context));
            }
            catch (RecordRejectedException e)
            {
                rejects.Add($"{read.Record!.RecordId}: {e.Field}: {e.Message}");
            }
        }

        return (items, rejects);
    }

    [Fact]
    public async Task Options_separated_by_line_breaks_in_quoted_cells_with_crlf_and_a_bom()
    {
        var csv = "Question,Options,Answer,Explanation\r\n"
            + "\"上消化道出血表现为呕血还是便血，主要取决于\",\"A 原发病\r\nB 出血部位\r\nC 出血量\r\nD 在胃内停留时间\r\nE 以上均非\",C,\"出血量大时呕血，\"\"量少\"\"时多为黑便。\"\r\n"
            + "\"糖尿病酮症酸中毒首选的治疗是\",\"A 小剂量胰岛素静脉滴注\nB 口服降糖药\nC 补碱\nD 大剂量胰岛素\nE 限制饮水\",AD,胰岛素与补液。\r\n";

        var (items, rejects) = await ImportAsync(csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Empty(rejects);
        Assert.Equal(2, items.Count);
        Assert.Equal(["原发病", "出血部位", "出血量", "在胃内停留时间", "以上均非"], items[0].Options);
        Assert.Equal("C", items[0].Answer);
        Assert.Equal("出血量大时呕血，\"量少\"时多为黑便。", items[0].Explanation);
        Assert.Equal("小剂量胰岛素静脉滴注", items[1].Options[0]);
        Assert.Equal("AD", items[1].Answer);
    }

    [Fact]
    public async Task Options_separated_by_a_literal_backslash_n_read_the_same()
    {
        var csv = "Question,Options,Answer,Explanation\n"
            + "上消化道出血表现为呕血还是便血，主要取决于,A 原发病\\nB 出血部位\\nC 出血量\\nD 在胃内停留时间\\nE 以上均非,C,出血量大时呕血。\n"
            + "坏的一题,原发病\\nB 出血部位,A,选项不以字母开头。\n";

        var (items, rejects) = await ImportAsync(csv, new UTF8Encoding(false));

        var item = Assert.Single(items);
        Assert.Equal(["原发病", "出血部位", "出血量", "在胃内停留时间", "以上均非"], item.Options);
        Assert.Equal("C", item.Answer);
        var reject = Assert.Single(rejects);
        Assert.Contains("Options", reject, StringComparison.Ordinal);
        Assert.Contains("letter A", reject, StringComparison.Ordinal);
    }
}
