using CurationPipeline.Parquet.Tests.Interop;
using CurationPipeline.Testing;
using ParquetSharp;
using NetCompression = Parquet.CompressionMethod;
using NetOptions = Parquet.ParquetOptions;
using NetSerializer = Parquet.Serialization.ParquetSerializer;

namespace CurationPipeline.Parquet.Tests;

/// <summary>
/// Files written by ParquetSharp (Arrow C++) and Parquet.Net, with their defaults and the options users are likely
/// to pass, read by the codec: every value of every column kind, typed and untyped. DuckDB's files: <see cref="DuckDbToCodecTests"/>.
/// </summary>
public class OthersToCodecTests
{
    private const int RowCount = 600;
    private const int RowGroupRows = 150;

    // Arrow checks the page size after each write batch (1,024 values by default): small batches for small pages.
    private static readonly Dictionary<string, Func<WriterPropertiesBuilder, WriterPropertiesBuilder>> SharpLayouts = new()
    {
        ["defaults"] = b => b,
        ["snappy, no dictionary"] = b => b.Compression(Compression.Snappy).DisableDictionary(),
        ["gzip, v2 pages"] = b => b.Compression(Compression.Gzip).DataPageVersion(ParquetDataPageVersion.V2),
        ["uncompressed, v2 pages, no dictionary"] = b => b.Compression(Compression.Uncompressed).DataPageVersion(ParquetDataPageVersion.V2).DisableDictionary(),
        ["snappy, 1 KiB pages, page index, page checksums"] = b => b.Compression(Compression.Snappy).DataPagesize(1024).WriteBatchSize(10).EnableWritePageIndex().EnablePageChecksum(),
        ["gzip, v2, 512 B pages, no dictionary, page index"] = b => b.Compression(Compression.Gzip).DataPageVersion(ParquetDataPageVersion.V2).DataPagesize(512).WriteBatchSize(10).DisableDictionary().EnableWritePageIndex(),
    };

    // Parquet.Net's defaults write these rows PLAIN; a column encoding hint asks for a dictionary.
    private static readonly Dictionary<string, NetOptions> NetLayouts = new()
    {
        ["defaults, no dictionary"] = new NetOptions(),
        ["gzip, 150-row groups, dictionary hints"] = WithDictionaryHints(new NetOptions { CompressionMethod = NetCompression.Gzip, RowGroupSize = RowGroupRows }),
        ["uncompressed, 150-row groups, dictionary hints"] = WithDictionaryHints(new NetOptions { CompressionMethod = NetCompression.None, RowGroupSize = RowGroupRows }),
    };

    public static TheoryData<string> SharpLayoutNames => [.. SharpLayouts.Keys];

    public static TheoryData<string> NetLayoutNames => [.. NetLayouts.Keys];

    [Theory]
    [MemberData(nameof(SharpLayoutNames))]
    public async Task The_codec_reads_what_ParquetSharp_wrote(string layout)
    {
        using var dir = new TempDirectory();
        var path = dir.File("parquetsharp.parquet");
        var rows = RowGenerator.Rows(new Random(SharpLayouts.Keys.ToList().IndexOf(layout) + 200), RowCount);
        using (var builder = SharpLayouts[layout](new WriterPropertiesBuilder()))
        using (var properties = builder.Build())
        using (var writer = new ParquetFileWriter(path, [.. InteropColumns.All.Select(c => c.Declare())], properties))
        {
            foreach (var chunk in rows.Chunk(RowGroupRows))
            {
                using var group = writer.AppendRowGroup();
                foreach (var column in InteropColumns.All)
                {
                    column.Write(group, chunk);
                }
            }

            writer.Close();
        }

        using (var file = ParquetFile.Open(path))
        {
            Assert.Contains("parquet-cpp-arrow", file.CreatedBy, StringComparison.Ordinal);
            Assert.Equal(RowCount / RowGroupRows, file.RowGroupCount);

            // Arrow keeps page statistics out of the page headers; with the page index on, it writes them there.
            var pages = file.ReadChunk(0, file.Descriptors.Single(d => d.Name == "note")).Pages;
            Assert.Equal(layout.Contains("v2", StringComparison.Ordinal) ? Format.PageType.DataPageV2 : Format.PageType.DataPage, pages[0].Type);
            var most = file.Descriptors.Max(d => file.ReadChunk(0, d).Pages.Count);
            Assert.True(most > 1 || !layout.Contains("B pages", StringComparison.Ordinal), $"at most {most} page(s) per chunk with small pages");
        }

        await CodecReadsAsync(path, rows, "parquet-cpp-arrow", dictionary: !layout.Contains("no dictionary", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(NetLayoutNames))]
    public async Task The_codec_reads_what_ParquetNet_wrote(string layout)
    {
        using var dir = new TempDirectory();
        var path = dir.File("parquet-net.parquet");
        var rows = RowGenerator.Rows(new Random(NetLayouts.Keys.ToList().IndexOf(layout) + 300), RowCount);
        await NetSerializer.SerializeAsync(rows.Select(ParquetNetRow.From), path, NetLayouts[layout]);

        using (var file = ParquetFile.Open(path))
        {
            Assert.Contains("parquet.net", file.CreatedBy, StringComparison.OrdinalIgnoreCase);
            // Parquet.Net writes statistics into every data page header, the case that once broke the codec's reader.
            Assert.All(file.ReadChunk(0, file.Descriptors.Single(d => d.Name == "note")).Pages, p => Assert.NotNull(p.Statistics));
        }

        await CodecReadsAsync(path, rows, "parquet.net", dictionary: !layout.Contains("no dictionary", StringComparison.Ordinal));
    }

    private static NetOptions WithDictionaryHints(NetOptions options)
    {
        foreach (var column in new[] { "difficulty", "maybe_level", "renamed", "tags", "maybe_tags", "terms", "count" })
        {
            options.ColumnEncodingHints[column] = global::Parquet.EncodingHint.Dictionary;
        }

        return options;
    }

    /// <summary>The codec reads the rows back typed, and each column untyped.</summary>
    private static async Task CodecReadsAsync(string path, List<AllTypesRow> rows, string writer, bool dictionary)
    {
        RowAssert.Equal(rows, await Files.ReadAllAsync<AllTypesRow>(path));
        using var file = ParquetFile.Open(path);
        var encodings = file.ReadChunk(0, file.Descriptors.Single(d => d.Name == "difficulty")).Pages.Select(p => p.Encoding).ToList();
        Assert.True(dictionary == encodings.All(e => e is Format.ParquetEncoding.RleDictionary or Format.ParquetEncoding.PlainDictionary), $"{writer}: page encodings {string.Join(", ", encodings)}");
        foreach (var column in InteropColumns.All)
        {
            ValueAssert.Column(column, rows, [.. file.ReadColumn(column.Name)], $"codec reading {writer}'s file");
        }
    }
}
