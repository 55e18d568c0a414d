using CurationPipeline.Testing;

namespace CurationPipeline.Parquet.Tests;

/// <summary>Files written by DuckDB, read by the codec.</summary>
public class DuckDbToCodecTests
{
    // Deterministic rows: nulls, empty and null lists, null list elements, CJK text and emoji, timestamps.
    private const string Source = """
        SELECT
            i::INTEGER AS n,
            'id-' || i AS id,
            CASE WHEN i % 7 = 0 THEN NULL ELSE '中文病历 ' || (i % 13) || ' 😀' END AS note,
            CASE WHEN i % 11 = 0 THEN NULL ELSE (i * 1000000007)::BIGINT END AS big,
            (i / 7.0)::DOUBLE AS score,
            (i / 3.0)::FLOAT AS ratio,
            i % 2 = 0 AS flag,
            CASE WHEN i % 9 = 0 THEN NULL ELSE i % 3 = 0 END AS maybe_flag,
            TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_microseconds(i * 1234567) AS created_at,
            CASE WHEN i % 5 = 0 THEN NULL WHEN i % 5 = 1 THEN [] ELSE ['科室' || (i % 4), NULL, 'tag-' || i] END AS tags,
            [i, -i, i * 2]::INTEGER[] AS numbers,
            CASE WHEN i % 4 = 0 THEN NULL ELSE [i::BIGINT * 3000000000] END AS longs,
            [i / 2.0, i / 4.0]::DOUBLE[] AS doubles,
            ['Easy', 'Medium', 'Hard'][1 + i % 3] AS difficulty
        FROM range(2500) t(i)
        """;

    public static TheoryData<string, string, bool> Settings() => new()
    {
        { "snappy", "V1", true },
        { "snappy", "V1", false },
        { "snappy", "V2", true },
        { "snappy", "V2", false },
        { "gzip", "V1", true },
        { "gzip", "V2", false },
        { "uncompressed", "V1", true },
        { "uncompressed", "V2", true },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task The_codec_reads_what_DuckDb_wrote(string compression, string version, bool dictionary)
    {
        using var dir = new TempDirectory();
        var path = dir.File($"duck-{compression}-{version}-{dictionary}.parquet");
        var p = DuckDb.Literal(path);
        var options = $"FORMAT parquet, COMPRESSION {compression}, PARQUET_VERSION {version}, ROW_GROUP_SIZE 1000{(dictionary ? "" : ", DICTIONARY_SIZE_LIMIT 1")}";
        var expected = await DuckDb.QueryAsync(
            $"COPY ({Source}) TO {p} ({options}); " +
            $"SELECT * EXCLUDE (created_at), epoch_us(created_at) AS created_at FROM read_parquet({p})");
        Assert.Equal(2500, expected.Count);

        using var file = ParquetFile.Open(path);
        Assert.Equal(2500, file.RowCount);
        Assert.True(file.RowGroupCount >= 2);
        Assert.Contains("duckdb", file.CreatedBy, StringComparison.OrdinalIgnoreCase);
        foreach (var column in file.Columns)
        {
            var values = file.ReadColumn(column.Name).ToList();
            Assert.Equal(2500, values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                var value = values[i] is float f ? (double)f : values[i];
                JsonCompare.Equal(value, expected[i].GetProperty(column.Name), $"{column.Name} row {i}");
            }
        }

        Assert.Equal(("INT32", "INT_32"), (file.Columns[0].PhysicalType, file.Columns[0].LogicalType));
        Assert.Equal("STRING", file.Columns.Single(c => c.Name == "note").LogicalType);
        var tags = file.Columns.Single(c => c.Name == "tags");
        Assert.True(tags.IsList);
        Assert.Equal("BYTE_ARRAY", tags.PhysicalType);
        Assert.Equal(compression.ToUpperInvariant(), tags.Compression);
        if (dictionary)
        {
            Assert.Contains("DICTIONARY", file.Columns.Single(c => c.Name == "difficulty").Encodings, StringComparison.Ordinal);
        }

        // DuckDB writes v1 page headers even with PARQUET_VERSION V2 (which switches on the V2 encodings);
        // v2 page headers are proven in CodecToDuckDbTests, where DuckDB reads pages the codec wrote.
        Assert.Equal([Format.PageType.DataPage], file.ReadChunk(0, file.Descriptors.Single(c => c.Name == "note")).PageTypes);
        if (version == "V2" && !dictionary)
        {
            Assert.Equal("DELTA_BINARY_PACKED", file.Columns.Single(c => c.Name == "n").Encodings);
            Assert.Equal("BYTE_STREAM_SPLIT", file.Columns.Single(c => c.Name == "score").Encodings);
            Assert.Equal("DELTA_LENGTH_BYTE_ARRAY", file.Columns.Single(c => c.Name == "id").Encodings);
        }

        // Typed reading of the same file.
        var rows = await Files.ReadAllAsync<DuckRow>(path);
        Assert.Equal(2500, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            Assert.Equal(i, row.N);
            Assert.Equal(i % 7 == 0 ? null : $"中文病历 {i % 13} 😀", row.Note);
            Assert.Equal(i % 11 == 0 ? null : i * 1000000007L, row.Big);
            Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(i * 12345670L), row.CreatedAt);
            Assert.Equal(i % 5 == 0 ? null : i % 5 == 1 ? [] : new List<string?> { $"科室{i % 4}", null, $"tag-{i}" }, row.Tags);
            Assert.Equal([i, -i, i * 2], row.Numbers);
            Assert.Equal((Level)(i % 3), row.Difficulty);
            Assert.Equal(i % 9 == 0 ? null : i % 3 == 0, row.MaybeFlag);
        }
    }

    [Fact]
    public async Task A_large_single_page_of_strings_is_read_exactly()
    {
        // DuckDB puts a whole column chunk in one page; above 4 MiB the codec transcodes it in parallel.
        using var dir = new TempDirectory();
        var path = dir.File("big-page.parquet");
        await DuckDb.QueryAsync(
            $"COPY (SELECT repeat('病历', i % 400) || i AS s FROM range(30000) t(i)) TO {DuckDb.Literal(path)} (FORMAT parquet, DICTIONARY_SIZE_LIMIT 1)");

        using var file = ParquetFile.Open(path);
        var values = file.ReadColumn("s").ToList();
        Assert.Equal(30000, values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            Assert.Equal(string.Concat(Enumerable.Repeat("病历", i % 400)) + i, values[i]);
        }
    }

    [Fact]
    public async Task A_ZSTD_column_is_refused_with_the_file_column_and_codec_named()
    {
        using var dir = new TempDirectory();
        var path = dir.File("zstd.parquet");
        await DuckDb.QueryAsync($"COPY (SELECT i AS n, 'x' || i AS s FROM range(10) t(i)) TO {DuckDb.Literal(path)} (FORMAT parquet, COMPRESSION zstd)");

        using var file = ParquetFile.Open(path);
        Assert.Equal("ZSTD", file.Columns[0].Compression);
        var error = Assert.Throws<ParquetException>(() => file.ReadColumn("s").ToList());
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("'s'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ZSTD", error.Message, StringComparison.Ordinal);
        var typed = await Assert.ThrowsAsync<ParquetException>(() => Files.ReadAllAsync<ZstdRow>(path));
        Assert.Contains("ZSTD", typed.Message, StringComparison.Ordinal);
    }

    public sealed class DuckRow
    {
        public int N { get; set; }

        public string Id { get; set; } = "";

        public string? Note { get; set; }

        public long? Big { get; set; }

        public double Score { get; set; }

        public bool? MaybeFlag { get; set; }

        public DateTime CreatedAt { get; set; }

        public List<string?>? Tags { get; set; }

        public int[] Numbers { get; set; } = [];

        public List<long>? Longs { get; set; }

        public IReadOnlyList<double> Doubles { get; set; } = [];

        public Level Difficulty { get; set; }
    }

    public sealed class ZstdRow
    {
        public long N { get; set; }

        public string? S { get; set; }
    }
}
