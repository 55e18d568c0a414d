using CurationPipeline.Testing;

namespace CurationPipeline.Parquet.Tests;

public class DictionaryTests
{
    private static readonly string[] Labels = ["Easy", "Medium", "Hard"];

    [Fact]
    public async Task Low_cardinality_columns_use_a_dictionary_and_large_ones_fall_back_to_plain()
    {
        using var dir = new TempDirectory();
        var path = dir.File("dict.parquet");
        var random = new Random(5);
        var rows = Enumerable.Range(0, 3000).Select(i => new TextRow
        {
            Label = Labels[i % 3],
            Body = i + new string((char)('a' + random.Next(26)), 1000),
            Code = i % 10,
            Tags = [$"t{i % 4}", $"u{i % 2}"],
        }).ToList();
        await ParquetSerializer.WriteAsync(path, rows, new ParquetWriteOptions { RowGroupSize = 3000 });

        using (var file = ParquetFile.Open(path))
        {
            var columns = file.Columns.ToDictionary(c => c.Name, c => c.Encodings);
            Assert.Contains("RLE_DICTIONARY", columns["label"], StringComparison.Ordinal);
            Assert.Contains("RLE_DICTIONARY", columns["code"], StringComparison.Ordinal);
            Assert.Contains("RLE_DICTIONARY", columns["tags"], StringComparison.Ordinal);

            // 3000 distinct values of 1 KB: the dictionary passes its 1 MiB limit and the chunk is PLAIN.
            Assert.DoesNotContain("DICTIONARY", columns["body"], StringComparison.Ordinal);
        }

        var back = await Files.ReadAllAsync<TextRow>(path);
        Assert.Equal(rows.Select(r => (r.Label, r.Body, r.Code, string.Join("|", r.Tags))), back.Select(r => (r.Label, r.Body, r.Code, string.Join("|", r.Tags))));

        var duck = await DuckDb.QueryAsync($"SELECT count(DISTINCT body) AS bodies, sum(code) AS codes, count(*) FILTER (WHERE label = 'Hard') AS hard FROM read_parquet({DuckDb.Literal(path)})");
        Assert.Equal(3000, JsonCompare.AsLong(duck[0].GetProperty("bodies")));
        Assert.Equal(rows.Sum(r => r.Code), JsonCompare.AsLong(duck[0].GetProperty("codes")));
        Assert.Equal(1000, JsonCompare.AsLong(duck[0].GetProperty("hard")));
    }

    [Fact]
    public async Task A_column_of_mostly_distinct_short_values_is_plain_and_the_first_values_survive_the_switch()
    {
        using var dir = new TempDirectory();
        var path = dir.File("ids.parquet");

        // Short distinct ids never reach the 1 MiB limit; the cardinality check drops the dictionary instead.
        // Bodies drawn from 3,000 values are mostly new among the first 4,096 too, but not nearly all: kept.
        var random = new Random(6);
        var rows = Enumerable.Range(0, 20_000).Select(i => new TextRow { Label = $"item-{i:D8}", Body = $"option {random.Next(3_000)}", Tags = [] }).ToList();
        await ParquetSerializer.WriteAsync(path, rows, new ParquetWriteOptions { RowGroupSize = 20_000 });

        using (var file = ParquetFile.Open(path))
        {
            var columns = file.Columns.ToDictionary(c => c.Name, c => c.Encodings);
            Assert.DoesNotContain("DICTIONARY", columns["label"], StringComparison.Ordinal);
            Assert.Contains("RLE_DICTIONARY", columns["body"], StringComparison.Ordinal);
        }

        Assert.Equal(rows.Select(r => r.Label), (await Files.ReadAllAsync<TextRow>(path)).Select(r => r.Label));
        var duck = await DuckDb.QueryAsync($"SELECT min(label) AS lo, max(label) AS hi, count(DISTINCT label) AS n FROM read_parquet({DuckDb.Literal(path)})");
        Assert.Equal("item-00000000", duck[0].GetProperty("lo").GetString());
        Assert.Equal("item-00019999", duck[0].GetProperty("hi").GetString());
        Assert.Equal(20_000, JsonCompare.AsLong(duck[0].GetProperty("n")));
    }

    [Fact]
    public async Task Repeated_string_instances_and_equal_copies_give_the_same_file()
    {
        using var dir = new TempDirectory();
        var random = new Random(8);
        var shared = Enumerable.Range(0, 40).Select(i => $"科室-{i}").ToArray();
        var picks = Enumerable.Range(0, 5_000).Select(_ => random.Next(shared.Length)).ToList();

        // The same values, once as the same string instances and once as fresh copies of equal text.
        var same = picks.Select(p => new TextRow { Label = shared[p], Tags = [shared[(p + 1) % 40], shared[p]] }).ToList();
        var copies = picks.Select(p => new TextRow { Label = new string(shared[p]), Tags = [new string(shared[(p + 1) % 40]), new string(shared[p])] }).ToList();
        await ParquetSerializer.WriteAsync(dir.File("same.parquet"), same, new ParquetWriteOptions { RowGroupSize = 1_500 });
        await ParquetSerializer.WriteAsync(dir.File("copies.parquet"), copies, new ParquetWriteOptions { RowGroupSize = 1_500 });

        Assert.Equal(await File.ReadAllBytesAsync(dir.File("copies.parquet")), await File.ReadAllBytesAsync(dir.File("same.parquet")));
        var back = await Files.ReadAllAsync<TextRow>(dir.File("same.parquet"));
        Assert.Equal(copies.Select(r => r.Label + "|" + string.Join(",", r.Tags)), back.Select(r => r.Label + "|" + string.Join(",", r.Tags)));
    }

    public sealed class TextRow
    {
        public string Label { get; set; } = "";

        public string Body { get; set; } = "";

        public int Code { get; set; }

        public string[] Tags { get; set; } = [];
    }
}
