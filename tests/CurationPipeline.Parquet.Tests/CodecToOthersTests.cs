using CurationPipeline.Parquet.Tests.Interop;
using CurationPipeline.Testing;
using NetParquetReader = Parquet.ParquetReader;
using SharpFileReader = ParquetSharp.ParquetFileReader;

namespace CurationPipeline.Parquet.Tests;

/// <summary>
/// Files written by the codec, read by three independent implementations: ParquetSharp (Arrow C++), Parquet.Net
/// and DuckDB. Each must read every value of every column, and see, per row group, statistics that match the data.
/// </summary>
public class CodecToOthersTests
{
    [Theory]
    [MemberData(nameof(CodecFiles.Names), MemberType = typeof(CodecFiles))]
    public async Task ParquetSharp_reads_every_value_and_statistics_that_match_them(string layout)
    {
        using var dir = new TempDirectory();
        var (path, rows) = await CodecFiles.WriteAsync(dir, layout);

        using var reader = new SharpFileReader(path);
        var meta = reader.FileMetaData;
        Assert.Equal(InteropColumns.All.Select(c => c.Name), Enumerable.Range(0, meta.NumColumns).Select(i => meta.Schema.Column(i).Path.ToDotVector()[0]));
        var sizes = Enumerable.Range(0, meta.NumRowGroups).Select(g => { using var group = reader.RowGroup(g); return group.MetaData.NumRows; }).ToList();
        foreach (var (g, groupRows) in CodecFiles.Groups(rows, sizes))
        {
            using var group = reader.RowGroup(g);
            for (var c = 0; c < InteropColumns.All.Count; c++)
            {
                var column = InteropColumns.All[c];
                ValueAssert.Column(column, groupRows, column.Read(group, c, groupRows.Count), $"ParquetSharp, row group {g}");
                using var chunk = group.MetaData.GetColumnChunkMetaData(c);
                StatisticsAssert.ParquetSharp(column, groupRows, chunk, $"ParquetSharp, row group {g}, column '{column.Name}'");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CodecFiles.V1Names), MemberType = typeof(CodecFiles))]
    public async Task ParquetNet_reads_every_value_and_statistics_that_match_them(string layout)
    {
        using var dir = new TempDirectory();
        var (path, rows) = await CodecFiles.WriteAsync(dir, layout);

        await using var reader = await NetParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(InteropColumns.All.Select(c => c.Name), fields.Select(f => f.Path.FirstPart));
        foreach (var (g, groupRows) in CodecFiles.Groups(rows, reader.RowGroups.Select(r => r.RowCount)))
        {
            for (var c = 0; c < fields.Length; c++)
            {
                ValueAssert.Column(InteropColumns.All[c], groupRows, await ParquetNetColumns.ReadAsync(reader.RowGroups[g], fields[c]), $"Parquet.Net, row group {g}");
                var stats = reader.RowGroups[g].GetStatistics(fields[c]);
                StatisticsAssert.ParquetNet(InteropColumns.All[c], groupRows, stats, $"Parquet.Net, row group {g}, column '{fields[c].Path.FirstPart}'");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CodecFiles.Names), MemberType = typeof(CodecFiles))]
    public async Task DuckDb_reads_every_value_and_statistics_that_match_them(string layout)
    {
        using var dir = new TempDirectory();
        var (path, rows) = await CodecFiles.WriteAsync(dir, layout);
        var p = DuckDb.Literal(path);

        var timestamps = string.Join(", ", InteropColumns.All.Where(c => c.IsTimestamp).Select(c => $"epoch_us({c.Name}) AS {c.Name}"));
        var read = await DuckDb.QueryAsync($"SELECT * REPLACE ({timestamps}) FROM read_parquet({p}) ORDER BY count");
        foreach (var column in InteropColumns.All)
        {
            ValueAssert.Column(column, rows, [.. read.Select(r => (object?)r.GetProperty(column.Name))], "DuckDB");
        }

        var chunks = await DuckDb.QueryAsync($"SELECT * FROM parquet_metadata({p}) ORDER BY row_group_id, column_id");
        var sizes = chunks.Where(c => JsonCompare.AsLong(c.GetProperty("column_id")) == 0).Select(c => JsonCompare.AsLong(c.GetProperty("row_group_num_rows")));
        foreach (var (g, groupRows) in CodecFiles.Groups(rows, sizes))
        {
            for (var c = 0; c < InteropColumns.All.Count; c++)
            {
                var chunk = chunks[(g * InteropColumns.All.Count) + c];
                Assert.Equal(c, JsonCompare.AsLong(chunk.GetProperty("column_id")));
                StatisticsAssert.DuckDb(InteropColumns.All[c], groupRows, chunk, $"DuckDB, row group {g}, column '{InteropColumns.All[c].Name}'");
            }
        }
    }
}
