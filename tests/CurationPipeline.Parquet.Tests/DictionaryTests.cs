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

    public sealed class TextRow
    {
        public string Label { get; set; } = "";

        public string Body { get; set; } = "";

        public int Code { get; set; }

        public string[] Tags { get; set; } = [];
    }
}
