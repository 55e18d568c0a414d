using CurationPipeline.Testing;

namespace CurationPipeline.Parquet.Tests;

public class RoundTripTests
{
    [Theory]
    [InlineData(1, 0, 50_000)]
    [InlineData(2, 1, 50_000)]
    [InlineData(3, 1, 1)]
    [InlineData(4, 20, 1)]
    [InlineData(5, 50, 7)]
    [InlineData(6, 49, 7)]
    [InlineData(7, 70, 7)]
    [InlineData(8, 71, 7)]
    [InlineData(9, 3000, 1000)]
    [InlineData(10, 2500, 50_000)]
    public async Task Random_rows_come_back_identical(int seed, int count, int rowGroupSize)
    {
        using var dir = new TempDirectory();
        var path = dir.File("rows.parquet");
        var rows = RowGenerator.Rows(new Random(seed), count);
        await ParquetSerializer.WriteAsync(path, rows, new ParquetWriteOptions { RowGroupSize = rowGroupSize });

        RowAssert.Equal(rows, await Files.ReadAllAsync<AllTypesRow>(path));
        using var file = ParquetFile.Open(path);
        Assert.Equal(count, file.RowCount);
        Assert.Equal(count == 0 ? 0 : (count + rowGroupSize - 1) / rowGroupSize, file.RowGroupCount);
    }

    [Theory]
    [InlineData(ParquetCompression.None, true)]
    [InlineData(ParquetCompression.Snappy, false)]
    [InlineData(ParquetCompression.Gzip, true)]
    [InlineData(ParquetCompression.Gzip, false)]
    public async Task Every_compression_and_dictionary_setting_round_trips(ParquetCompression compression, bool dictionary)
    {
        using var dir = new TempDirectory();
        var path = dir.File("rows.parquet");
        var rows = RowGenerator.Rows(new Random(42), 777);
        var options = new ParquetWriteOptions { Compression = compression, DictionaryEncoding = dictionary, RowGroupSize = 300 };
        await ParquetSerializer.WriteAsync(path, rows, options);

        RowAssert.Equal(rows, await Files.ReadAllAsync<AllTypesRow>(path));
        using var file = ParquetFile.Open(path);
        var expectedCodec = compression switch { ParquetCompression.None => "UNCOMPRESSED", ParquetCompression.Snappy => "SNAPPY", _ => "GZIP" };
        Assert.All(file.Columns, c => Assert.Equal(expectedCodec, c.Compression));
        var difficulty = file.Columns.Single(c => c.Name == "difficulty");
        Assert.Equal(dictionary, difficulty.Encodings.Contains("RLE_DICTIONARY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Async_sequences_and_streams_are_written_too()
    {
        using var dir = new TempDirectory();
        var rows = RowGenerator.Rows(new Random(11), 123);
        var path = dir.File("async.parquet");
        await ParquetSerializer.WriteAsync(path, ToAsync(rows), new ParquetWriteOptions { RowGroupSize = 50 });
        RowAssert.Equal(rows, await Files.ReadAllAsync<AllTypesRow>(path));

        var streamed = dir.File("stream.parquet");
        await using (var stream = File.Create(streamed))
        {
            await using var writer = await ParquetWriter<AllTypesRow>.CreateAsync(stream);
            foreach (var row in rows)
            {
                await writer.WriteAsync(row);
            }

            Assert.Equal(123, writer.RowsWritten);
            await writer.CompleteAsync();
        }

        RowAssert.Equal(rows, await Files.ReadAllAsync<AllTypesRow>(streamed));
    }

    [Fact]
    public async Task Footer_metadata_and_created_by_are_kept()
    {
        using var dir = new TempDirectory();
        var path = dir.File("meta.parquet");
        var metadata = new Dictionary<string, string> { ["pipeline"] = "mlb", ["说明"] = "中文 😀", ["empty"] = "" };
        await ParquetSerializer.WriteAsync(path, RowGenerator.Rows(new Random(1), 3), new ParquetWriteOptions { Metadata = metadata });

        using var file = ParquetFile.Open(path);
        Assert.Equal(metadata, file.Metadata);
        Assert.StartsWith("CurationPipeline.Parquet version", file.CreatedBy, StringComparison.Ordinal);
    }

    private static async IAsyncEnumerable<AllTypesRow> ToAsync(IEnumerable<AllTypesRow> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }
}
