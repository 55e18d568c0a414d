using CurationPipeline.Testing;

namespace CurationPipeline.Parquet.Tests;

/// <summary>Path targets are written through a temporary file and only renamed into place when complete.</summary>
public class AtomicWriteTests
{
    [Fact]
    public async Task A_cancelled_write_leaves_neither_target_nor_temporary_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("out.parquet");
        using var cts = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ParquetSerializer.WriteAsync(path, CancelAfter(RowGenerator.Rows(new Random(1), 500), 250, cts), new ParquetWriteOptions { RowGroupSize = 100 }, cts.Token));

        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task A_failed_write_keeps_the_previous_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("out.parquet");
        var first = RowGenerator.Rows(new Random(2), 10);
        await ParquetSerializer.WriteAsync(path, first);

        var bad = RowGenerator.Rows(new Random(3), 300);
        bad[201].Id = null!;
        var error = await Assert.ThrowsAsync<ParquetException>(() => ParquetSerializer.WriteAsync(path, bad, new ParquetWriteOptions { RowGroupSize = 50 }));
        Assert.Contains("'id'", error.Message, StringComparison.Ordinal);
        Assert.Contains("row 201", error.Message, StringComparison.Ordinal);

        Assert.Equal(["out.parquet"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
        RowAssert.Equal(first, await Files.ReadAllAsync<AllTypesRow>(path));
    }

    [Fact]
    public async Task The_target_appears_only_on_completion_and_an_abandoned_writer_cleans_up()
    {
        using var dir = new TempDirectory();
        var path = dir.File("sub/out.parquet");
        await using (var writer = await ParquetWriter<AllTypesRow>.CreateAsync(path, new ParquetWriteOptions { RowGroupSize = 10 }))
        {
            foreach (var row in RowGenerator.Rows(new Random(4), 35))
            {
                await writer.WriteAsync(row);
            }

            Assert.False(File.Exists(path));
            Assert.Single(Directory.GetFiles(dir.File("sub")));
        }

        Assert.Empty(Directory.GetFiles(dir.File("sub")));

        await using (var writer = await ParquetWriter<AllTypesRow>.CreateAsync(path))
        {
            await writer.WriteAsync(RowGenerator.Row(new Random(5), 0));
            await writer.CompleteAsync();
            Assert.True(File.Exists(path));
            await Assert.ThrowsAsync<InvalidOperationException>(async () => await writer.WriteAsync(new AllTypesRow()));
        }

        Assert.Equal(["out.parquet"], Directory.GetFiles(dir.File("sub")).Select(Path.GetFileName));
    }

    private static IEnumerable<AllTypesRow> CancelAfter(IEnumerable<AllTypesRow> rows, int count, CancellationTokenSource cts)
    {
        var n = 0;
        foreach (var row in rows)
        {
            if (n++ == count)
            {
                cts.Cancel();
            }

            yield return row;
        }
    }
}
