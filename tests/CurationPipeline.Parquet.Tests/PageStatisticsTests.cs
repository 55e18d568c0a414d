using System.Text;
using CurationPipeline.Parquet.Format;
using CurationPipeline.Parquet.Reading;
using CurationPipeline.Parquet.Tests.Interop;
using CurationPipeline.Testing;

namespace CurationPipeline.Parquet.Tests;

/// <summary>
/// Statistics in every data page header the codec writes: null_count, min_value and max_value of the page's own
/// values, by the rules of the chunk statistics (strings as unsigned bytes, NaN left out, -0.0 / +0.0 for a zero
/// bound, string bounds over 64 bytes left out). The headers are decoded by the codec and by Parquet.Net's Thrift
/// reader; the chunk statistics (read by ParquetSharp, Parquet.Net and DuckDB in <see cref="CodecToOthersTests"/>)
/// must be the pages' combined.
/// </summary>
public class PageStatisticsTests
{
    [Theory]
    [MemberData(nameof(CodecFiles.Names), MemberType = typeof(CodecFiles))]
    public async Task Every_data_page_carries_the_statistics_of_its_own_values(string layout)
    {
        using var dir = new TempDirectory();
        var (path, _) = await CodecFiles.WriteAsync(dir, layout);

        using var file = ParquetFile.Open(path);
        var pages = 0;
        var chunksWithSeveralPages = 0;
        for (var g = 0; g < file.RowGroupCount; g++)
        {
            foreach (var column in file.Descriptors)
            {
                var where = $"row group {g}, column '{column.Name}'";
                var data = file.ReadChunk(g, column);
                var meta = file.RowGroups[g].Columns[column.LeafIndex].MetaData!;
                foreach (var page in data.Pages)
                {
                    Assert.True(page.Statistics is not null, $"{where}: a page without statistics");
                    var leaves = Leaves(data.Values, page.FirstValue, page.ValueCount).Concat(Enumerable.Repeat<object?>(null, page.LevelCount - page.ValueCount));
                    Same(ExpectedStatistics.Of(leaves), page.Statistics, column.Type, $"{where}, page at level {page.FirstLevel}");
                }

                Same(ExpectedStatistics.Of(Leaves(data.Values, 0, data.ValueCount).Concat(Enumerable.Repeat<object?>(null, data.LevelCount - data.ValueCount))), meta.Statistics!, column.Type, $"{where}, chunk");
                SameAsParquetNet(path, meta, data.Pages, where);
                pages += data.Pages.Count;
                chunksWithSeveralPages += data.Pages.Count > 1 ? 1 : 0;
            }
        }

        Assert.True(chunksWithSeveralPages > 0, $"{pages} pages, none of them sharing a chunk");
    }

    /// <summary>Parquet.Net's Thrift reader decodes the same data pages, counts and statistics from the header bytes.</summary>
    private static void SameAsParquetNet(string path, ColumnMetaData meta, List<DataPageInfo> pages, string where)
    {
        var headers = ParquetNetPageHeaders.ReadChunk(path, meta.DictionaryPageOffset ?? meta.DataPageOffset, meta.TotalCompressedSize)
            .Where(h => h.DataPageHeader is not null || h.DataPageHeaderV2 is not null)
            .ToList();
        Assert.Equal(pages.Count, headers.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            var header = headers[i];
            var ours = pages[i].Statistics!;
            var theirs = header.DataPageHeader?.Statistics ?? header.DataPageHeaderV2?.Statistics;
            Assert.True(theirs is not null, $"{where}: Parquet.Net finds no statistics in page {i}");
            Assert.Equal(pages[i].LevelCount, header.DataPageHeader?.NumValues ?? header.DataPageHeaderV2!.NumValues);
            Assert.Equal(ours.NullCount, theirs.NullCount);
            Assert.Equal(ours.MinValue, theirs.MinValue);
            Assert.Equal(ours.MaxValue, theirs.MaxValue);
        }
    }

    private static void Same(ExpectedStatistics expected, Statistics actual, PhysicalType type, string where)
    {
        Assert.True(expected.NullCount == actual.NullCount, $"{where}: null_count {actual.NullCount}, the values have {expected.NullCount}");
        Assert.True((expected.Min is null) == (actual.MinValue is null) && (actual.MinValue is null) == (actual.MaxValue is null), $"{where}: bounds present {actual.MinValue is not null}/{actual.MaxValue is not null}, expected {expected.Min is not null}");
        if (expected.Min is not null)
        {
            Assert.True(Bound(expected.Min, isMin: true, type).AsSpan().SequenceEqual(actual.MinValue), $"{where}: min_value differs from {expected.Min}");
            Assert.True(Bound(expected.Max!, isMin: false, type).AsSpan().SequenceEqual(actual.MaxValue), $"{where}: max_value differs from {expected.Max}");
        }
    }

    /// <summary>The PLAIN encoding of a bound, written independently of the codec's writer.</summary>
    private static byte[] Bound(object value, bool isMin, PhysicalType type) => (type, value) switch
    {
        (PhysicalType.ByteArray, string s) => Encoding.UTF8.GetBytes(s),
        (PhysicalType.Int32, int i) => BitConverter.GetBytes(i),
        (PhysicalType.Int64, long l) => BitConverter.GetBytes(l),
        (PhysicalType.Double, 0.0) => BitConverter.GetBytes(isMin ? -0.0 : 0.0),
        (PhysicalType.Double, double d) => BitConverter.GetBytes(d),
        (PhysicalType.Boolean, bool b) => [(byte)(b ? 1 : 0)],
        _ => throw new ArgumentException($"no bound for {type} {value.GetType().Name}"),
    };

    private static IEnumerable<object?> Leaves(Array values, int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            yield return values.GetValue(i);
        }
    }
}
