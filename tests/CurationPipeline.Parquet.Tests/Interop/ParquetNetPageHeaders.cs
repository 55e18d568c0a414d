using System.Reflection;
using NetPageHeader = Parquet.Meta.PageHeader;

namespace CurationPipeline.Parquet.Tests.Interop;

/// <summary>
/// Decodes the page headers of a column chunk with Parquet.Net's own Thrift reader, an implementation of the
/// compact protocol independent of the codec's. Neither Parquet.Net nor ParquetSharp offers page headers through
/// its public API, so this calls Parquet.Net's internal PageHeader.Read (Parquet.Net is pinned in
/// Directory.Packages.props; a rename there fails these tests loudly).
/// </summary>
public static class ParquetNetPageHeaders
{
    private const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;

    private static readonly Type ReaderType = typeof(NetPageHeader).Assembly.GetType("Parquet.Meta.Proto.ThriftCompactProtocolReader", throwOnError: true)!;

    private static readonly MethodInfo Read = typeof(NetPageHeader).GetMethod("Read", Any, [ReaderType])
        ?? throw new InvalidOperationException("Parquet.Net has no PageHeader.Read(ThriftCompactProtocolReader)");

    public static List<NetPageHeader> ReadChunk(string path, long offset, long length)
    {
        var headers = new List<NetPageHeader>();
        using var stream = File.OpenRead(path);
        stream.Position = offset;
        while (stream.Position < offset + length)
        {
            var reader = Activator.CreateInstance(ReaderType, Any, null, [stream], null);
            var header = (NetPageHeader)Read.Invoke(null, [reader])!;
            headers.Add(header);
            stream.Position += header.CompressedPageSize;
        }

        Assert.Equal(offset + length, stream.Position);
        return headers;
    }
}
