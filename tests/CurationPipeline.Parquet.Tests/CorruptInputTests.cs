using System.Buffers.Binary;
using CurationPipeline.Testing;

namespace CurationPipeline.Parquet.Tests;

/// <summary>Damaged files end in a ParquetException that names the file, never an index error, a hang or a huge allocation.</summary>
public class CorruptInputTests
{
    private static async Task<(TempDirectory Dir, string Path, byte[] Bytes)> ValidFileAsync(ParquetCompression compression = ParquetCompression.Snappy)
    {
        var dir = new TempDirectory();
        var path = dir.File("valid.parquet");
        await ParquetSerializer.WriteAsync(path, RowGenerator.Rows(new Random(3), 300), new ParquetWriteOptions { RowGroupSize = 100, Compression = compression });
        return (dir, path, await File.ReadAllBytesAsync(path));
    }

    private static async Task<ParquetException> ReadFailsAsync(string path)
    {
        var error = await Assert.ThrowsAsync<ParquetException>(async () =>
        {
            using (var file = ParquetFile.Open(path))
            {
                foreach (var column in file.Columns)
                {
                    _ = file.ReadColumn(column.Name).Count();
                }
            }

            await Files.ReadAllAsync<AllTypesRow>(path);
        });
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        return error;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(11)]
    [InlineData(1000)]
    public async Task A_truncated_file_is_reported(int keep)
    {
        var (dir, path, bytes) = await ValidFileAsync();
        using var cleanup = dir;
        await File.WriteAllBytesAsync(path, bytes[..Math.Min(keep, bytes.Length)]);
        var error = await ReadFailsAsync(path);
        Assert.Contains(keep < 12 ? "not a Parquet file" : "truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_cut_short_by_one_byte_is_reported()
    {
        var (dir, path, bytes) = await ValidFileAsync();
        using var cleanup = dir;
        await File.WriteAllBytesAsync(path, bytes[..^1]);
        Assert.Contains("truncated", (await ReadFailsAsync(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_magic_is_reported()
    {
        var (dir, path, bytes) = await ValidFileAsync();
        using var cleanup = dir;
        "PAR2"u8.CopyTo(bytes);
        await File.WriteAllBytesAsync(path, bytes);
        Assert.Contains("wrong magic", (await ReadFailsAsync(path)).Message, StringComparison.Ordinal);

        await File.WriteAllTextAsync(path, "id,name\n1,not parquet at all\n");
        Assert.Contains("not a", (await ReadFailsAsync(path)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(-5)]
    [InlineData(0)]
    public async Task A_footer_length_beyond_the_file_is_reported(int footerLength)
    {
        var (dir, path, bytes) = await ValidFileAsync();
        using var cleanup = dir;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(bytes.Length - 8), footerLength);
        await File.WriteAllBytesAsync(path, bytes);
        Assert.Contains("footer", (await ReadFailsAsync(path)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task A_garbage_page_header_is_reported_with_the_column(int seed)
    {
        var (dir, path, bytes) = await ValidFileAsync();
        using var cleanup = dir;

        // The first column chunk (column 'id') starts right after the magic.
        new Random(seed).NextBytes(bytes.AsSpan(4, 24));
        await File.WriteAllBytesAsync(path, bytes);
        using var file = ParquetFile.Open(path);
        var error = Assert.Throws<ParquetException>(() => file.ReadColumn("id").Count());
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("'id'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_garbage_footer_is_reported()
    {
        var (dir, path, bytes) = await ValidFileAsync();
        using var cleanup = dir;
        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8));
        new Random(9).NextBytes(bytes.AsSpan(bytes.Length - 8 - footerLength, footerLength));
        await File.WriteAllBytesAsync(path, bytes);
        await ReadFailsAsync(path);
    }

    /// <summary>Random byte flips anywhere: every outcome is either correct data or a ParquetException.</summary>
    [Theory]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Gzip)]
    [InlineData(ParquetCompression.None)]
    public async Task Random_damage_never_escapes_as_another_exception(ParquetCompression compression)
    {
        var (dir, path, bytes) = await ValidFileAsync(compression);
        using var cleanup = dir;
        var random = new Random(77);
        for (var trial = 0; trial < 150; trial++)
        {
            var damaged = (byte[])bytes.Clone();
            var flips = random.Next(1, 6);
            for (var f = 0; f < flips; f++)
            {
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            }

            await File.WriteAllBytesAsync(path, damaged);
            try
            {
                using (var file = ParquetFile.Open(path))
                {
                    foreach (var column in file.Columns)
                    {
                        _ = file.ReadColumn(column.Name).Count();
                    }
                }

                await Files.ReadAllAsync<AllTypesRow>(path);
            }
            catch (ParquetException e)
            {
                Assert.Contains(path, e.Message, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The same for a DuckDB file with the V2 encodings (delta, byte-stream-split) and dictionaries.</summary>
    [Fact]
    public async Task Random_damage_to_a_DuckDb_V2_file_never_escapes_as_another_exception()
    {
        using var dir = new TempDirectory();
        var path = dir.File("duck.parquet");
        await DuckDb.QueryAsync(
            $"COPY (SELECT i::INTEGER AS n, 'id-' || i AS id, i / 7.0 AS score, [i, i + 1] AS pair, ['a', 'b', 'c'][1 + i % 3] AS label " +
            $"FROM range(3000) t(i)) TO {DuckDb.Literal(path)} (FORMAT parquet, PARQUET_VERSION V2, COMPRESSION uncompressed)");
        var bytes = await File.ReadAllBytesAsync(path);
        var random = new Random(5);
        for (var trial = 0; trial < 150; trial++)
        {
            var damaged = (byte[])bytes.Clone();
            for (var f = random.Next(1, 4); f > 0; f--)
            {
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            }

            await File.WriteAllBytesAsync(path, damaged);
            try
            {
                using var file = ParquetFile.Open(path);
                foreach (var column in file.Columns)
                {
                    _ = file.ReadColumn(column.Name).Count();
                }
            }
            catch (ParquetException e)
            {
                Assert.Contains(path, e.Message, StringComparison.Ordinal);
            }
        }
    }
}
