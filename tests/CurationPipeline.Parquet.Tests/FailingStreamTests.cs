namespace CurationPipeline.Parquet.Tests;

/// <summary>Row groups are written in the background; a failure there must still reach the caller.</summary>
public class FailingStreamTests
{
    [Theory]
    [InlineData(100)]
    [InlineData(20_000)]
    public async Task A_disk_error_while_writing_a_row_group_reaches_the_caller_and_faults_the_writer(int failAfterBytes)
    {
        using var stream = new FullDiskStream(failAfterBytes);
        var writer = await ParquetWriter<AllTypesRow>.CreateAsync(stream, new ParquetWriteOptions { RowGroupSize = 50 });
        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            foreach (var row in RowGenerator.Rows(new Random(9), 1_000))
            {
                await writer.WriteAsync(row);
            }

            await writer.CompleteAsync();
        });

        Assert.Equal("No space left on device", error.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await writer.WriteAsync(new AllTypesRow()));
        await writer.DisposeAsync();
    }

    [Fact]
    public async Task Many_row_groups_in_flight_keep_their_order()
    {
        using var stream = new MemoryStream();
        var rows = RowGenerator.Rows(new Random(10), 2_003);
        var writer = await ParquetWriter<AllTypesRow>.CreateAsync(stream, new ParquetWriteOptions { RowGroupSize = 7 });
        foreach (var row in rows)
        {
            await writer.WriteAsync(row);
        }

        await writer.CompleteAsync();
        await writer.DisposeAsync();

        using var dir = new CurationPipeline.Testing.TempDirectory();
        var path = dir.File("groups.parquet");
        await File.WriteAllBytesAsync(path, stream.ToArray());
        using (var file = ParquetFile.Open(path))
        {
            Assert.Equal(287, file.RowGroupCount);
        }

        RowAssert.Equal(rows, await Files.ReadAllAsync<AllTypesRow>(path));
    }

    private sealed class FullDiskStream(int capacity) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length + count > capacity)
            {
                throw new IOException("No space left on device");
            }

            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }
    }
}
