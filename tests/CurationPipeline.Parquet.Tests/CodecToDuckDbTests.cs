using System.Text.Json;
using CurationPipeline.Testing;

namespace CurationPipeline.Parquet.Tests;

/// <summary>Files written by the codec, as DuckDB describes them (values: <see cref="CodecToOthersTests"/>).</summary>
public class CodecToDuckDbTests
{
    [Fact]
    public async Task DuckDb_sees_the_declared_types_encodings_statistics_and_metadata()
    {
        using var dir = new TempDirectory();
        var path = dir.File("typed.parquet");
        var rows = RowGenerator.Rows(new Random(31), 500, finiteDoubles: true);
        var metadata = new Dictionary<string, string> { ["pipeline"] = "mlb", ["版本"] = "1" };
        await ParquetSerializer.WriteAsync(path, rows, new ParquetWriteOptions { Compression = ParquetCompression.Gzip, RowGroupSize = 200, Metadata = metadata });
        var p = DuckDb.Literal(path);

        var types = (await DuckDb.QueryAsync($"DESCRIBE SELECT * FROM read_parquet({p})"))
            .ToDictionary(r => r.GetProperty("column_name").GetString()!, r => r.GetProperty("column_type").GetString());
        Assert.Equal("VARCHAR", types["id"]);
        Assert.Equal("INTEGER", types["count"]);
        Assert.Equal("BIGINT", types["big"]);
        Assert.Equal("DOUBLE", types["score"]);
        Assert.Equal("BOOLEAN", types["flag"]);
        Assert.Equal("TIMESTAMP WITH TIME ZONE", types["created_at"]);
        Assert.Equal("VARCHAR", types["difficulty"]);
        Assert.Equal("VARCHAR[]", types["tags"]);
        Assert.Equal("INTEGER[]", types["numbers"]);
        Assert.Equal("BIGINT[]", types["longs"]);
        Assert.Equal("DOUBLE[]", types["doubles"]);
        Assert.Equal(21, types.Count);

        var schema = (await DuckDb.QueryAsync($"SELECT * FROM parquet_schema({p})")).ToList();
        string? Field(string name, string field) => schema.First(r => r.GetProperty("name").GetString() == name).GetProperty(field).GetString();
        Assert.Equal("REQUIRED", Field("id", "repetition_type"));
        Assert.Equal("OPTIONAL", Field("note", "repetition_type"));
        Assert.Equal("OPTIONAL", Field("maybe_tags", "repetition_type"));
        Assert.Equal("LIST", Field("tags", "converted_type"));
        Assert.Contains("isAdjustedToUTC=1", Field("created_at", "logical_type"), StringComparison.Ordinal);
        Assert.Contains("MICROS=MicroSeconds()", Field("created_at", "logical_type"), StringComparison.Ordinal);
        Assert.Equal(6, schema.Count(r => r.GetProperty("name").GetString() == "list" && r.GetProperty("repetition_type").GetString() == "REPEATED"));

        var chunks = await DuckDb.QueryAsync($"SELECT * FROM parquet_metadata({p})");
        Assert.All(chunks, c => Assert.Equal("GZIP", c.GetProperty("compression").GetString()));
        JsonElement Chunk(string column, int group) => chunks.First(c => c.GetProperty("path_in_schema").GetString() == column && JsonCompare.AsLong(c.GetProperty("row_group_id")) == group);
        Assert.Contains("RLE_DICTIONARY", Chunk("difficulty", 0).GetProperty("encodings").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("RLE_DICTIONARY", Chunk("id", 0).GetProperty("encodings").GetString(), StringComparison.Ordinal);
        var count = Chunk("count", 1);
        Assert.Equal("200", count.GetProperty("stats_min_value").GetString());
        Assert.Equal("399", count.GetProperty("stats_max_value").GetString());
        Assert.Equal(0, JsonCompare.AsLong(count.GetProperty("stats_null_count")));
        var notes = Chunk("note", 0);
        Assert.Equal(rows.Take(200).Count(r => r.Note is null), JsonCompare.AsLong(notes.GetProperty("stats_null_count")));

        var kv = await DuckDb.QueryAsync($"SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata({p}) ORDER BY k");
        Assert.Equal(metadata.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => (m.Key, m.Value)), kv.Select(r => (r.GetProperty("k").GetString()!, r.GetProperty("v").GetString()!)));

        // DuckDB's statistics-based pruning must agree with the data.
        var filtered = await DuckDb.QueryAsync($"SELECT count(*) AS n FROM read_parquet({p}) WHERE count BETWEEN 150 AND 249");
        Assert.Equal(100, JsonCompare.AsLong(filtered[0].GetProperty("n")));
    }

    [Fact]
    public async Task An_empty_file_is_a_valid_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("empty.parquet");
        await ParquetSerializer.WriteAsync(path, Array.Empty<AllTypesRow>());
        var rows = await DuckDb.QueryAsync($"SELECT count(*) AS n FROM read_parquet({DuckDb.Literal(path)})");
        Assert.Equal(0, JsonCompare.AsLong(rows[0].GetProperty("n")));
    }
}
