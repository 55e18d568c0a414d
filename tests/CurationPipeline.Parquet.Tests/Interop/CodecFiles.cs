using CurationPipeline.Testing;

namespace CurationPipeline.Parquet.Tests.Interop;

/// <summary>
/// Files the codec writes for the interop tests: the same random rows (every column kind, NaN and -0.0, CJK and
/// emoji, empty strings and lists, null lists and elements) under each layout the codec can produce.
/// </summary>
public static class CodecFiles
{
    public const int RowCount = 600;

    private static readonly Dictionary<string, ParquetWriteOptions> Layouts = new()
    {
        ["defaults (snappy, dictionary, v1 pages, one row group)"] = new ParquetWriteOptions(),
        ["snappy, dictionary, v1, 250-row groups, 1 KiB pages"] = new() { RowGroupSize = 250, PageTargetBytes = 1024 },
        ["gzip, dictionary, v2, 100-row groups, 4 KiB pages"] = new() { Compression = ParquetCompression.Gzip, DataPageV2 = true, RowGroupSize = 100, PageTargetBytes = 4096 },
        ["none, plain, v1, 300-row groups, 2 KiB pages"] = new() { Compression = ParquetCompression.None, DictionaryEncoding = false, RowGroupSize = 300, PageTargetBytes = 2048 },
        ["snappy, plain, v2, 400-row groups, 512 B pages"] = new() { DictionaryEncoding = false, DataPageV2 = true, RowGroupSize = 400, PageTargetBytes = 512 },
        ["none, dictionary, v2, 7-row groups"] = new() { Compression = ParquetCompression.None, DataPageV2 = true, RowGroupSize = 7 },
    };

    public static TheoryData<string> Names => [.. Layouts.Keys];

    /// <summary>
    /// The layouts with v1 data pages (the codec's default). Parquet.Net 6.1 does not read v2 data pages of LIST
    /// columns from any writer (NotImplementedException; Arrow's v2 files fail the same way).
    /// </summary>
    public static TheoryData<string> V1Names => [.. Layouts.Where(l => !l.Value.DataPageV2).Select(l => l.Key)];

    public static ParquetWriteOptions Options(string layout) => Layouts[layout];

    /// <summary>Writes the layout's file; the rows depend on the layout so each file holds other values.</summary>
    public static async Task<(string Path, List<AllTypesRow> Rows)> WriteAsync(TempDirectory dir, string layout)
    {
        var path = dir.File("codec.parquet");
        var seed = Layouts.Keys.ToList().IndexOf(layout) + 100;
        var rows = RowGenerator.Rows(new Random(seed), RowCount);
        var options = Layouts[layout];
        await ParquetSerializer.WriteAsync(path, rows, options);

        // The layout is what the test claims it is.
        using var file = ParquetFile.Open(path);
        Assert.Equal((RowCount + options.RowGroupSize - 1) / options.RowGroupSize, file.RowGroupCount);
        Assert.Equal([options.DataPageV2 ? Format.PageType.DataPageV2 : Format.PageType.DataPage], file.ReadChunk(0, file.Descriptors[0]).PageTypes);
        return (path, rows);
    }

    /// <summary>Each row group's index and rows, in order, given the row counts of the groups.</summary>
    public static IEnumerable<(int Index, List<AllTypesRow> Rows)> Groups(IReadOnlyList<AllTypesRow> rows, IEnumerable<long> groupSizes)
    {
        var offset = 0;
        var index = 0;
        foreach (var size in groupSizes)
        {
            yield return (index++, rows.Skip(offset).Take((int)size).ToList());
            offset += (int)size;
        }

        Assert.Equal(rows.Count, offset);
    }
}
