using System.Buffers.Binary;
using CurationPipeline.Parquet.Format;
using CurationPipeline.Parquet.Reading;
using CurationPipeline.Parquet.Schema;
using CurationPipeline.Parquet.Thrift;
using Microsoft.Win32.SafeHandles;

namespace CurationPipeline.Parquet;

/// <summary>
/// An open Parquet file for untyped reading: schema, footer metadata and column values.
/// Corrupt or unsupported content raises a <see cref="ParquetException"/> that names the file.
/// </summary>
public sealed class ParquetFile : IDisposable
{
    private const int MaxFooterBytes = 256 << 20;
    private readonly SafeFileHandle _handle;
    private readonly long _length;
    private readonly FileMetaData _meta;
    private readonly List<ColumnDescriptor> _columns;

    private ParquetFile(string path, SafeFileHandle handle, long length, FileMetaData meta, List<ColumnDescriptor> columns)
    {
        Path = path;
        _handle = handle;
        _length = length;
        _meta = meta;
        _columns = columns;
        Metadata = meta.KeyValueMetadata
            .GroupBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value ?? "", StringComparer.Ordinal);
        Columns = columns.Select(Describe).ToList();
    }

    /// <summary>The path the file was opened with.</summary>
    public string Path { get; }

    public long RowCount => _meta.NumRows;

    public int RowGroupCount => _meta.RowGroups.Count;

    /// <summary>The footer's key-value metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Top-level columns in schema order.</summary>
    public IReadOnlyList<ParquetColumnInfo> Columns { get; }

    /// <summary>The footer's created_by, or an empty string.</summary>
    public string CreatedBy => _meta.CreatedBy ?? "";

    internal IReadOnlyList<ColumnDescriptor> Descriptors => _columns;

    internal IReadOnlyList<RowGroup> RowGroups => _meta.RowGroups;

    /// <summary>Opens a file and reads its footer.</summary>
    public static ParquetFile Open(string path)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            var length = RandomAccess.GetLength(handle);
            if (length < 12)
            {
                throw new ParquetException($"{path}: not a Parquet file ({length} bytes; a Parquet file has at least 12)");
            }

            Span<byte> head = stackalloc byte[4];
            Span<byte> tail = stackalloc byte[8];
            ReadExactly(handle, head, 0, path);
            ReadExactly(handle, tail, length - 8, path);
            if (!head.SequenceEqual("PAR1"u8))
            {
                throw new ParquetException($"{path}: not a Parquet file (wrong magic bytes at the start)");
            }

            if (tail[4..].SequenceEqual("PARE"u8))
            {
                throw new ParquetException($"{path}: encrypted Parquet files are not supported");
            }

            if (!tail[4..].SequenceEqual("PAR1"u8))
            {
                throw new ParquetException($"{path}: not a complete Parquet file (wrong magic bytes at the end; the file may be truncated)");
            }

            var footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
            if (footerLength <= 0 || footerLength > length - 12 || footerLength > MaxFooterBytes)
            {
                throw new ParquetException($"{path}: corrupt footer (its length {footerLength} does not fit the file of {length} bytes)");
            }

            var footer = new byte[footerLength];
            ReadExactly(handle, footer, length - 8 - footerLength, path);
            var meta = FileMetaData.Read(new CompactReader(footer, 0, footer.Length, $"{path}: footer"));
            var columns = FileSchema.Parse(meta.Schema, path);
            var leaves = columns.Count == 0 ? 0 : columns.Max(c => c.LeafIndex) + 1;
            foreach (var group in meta.RowGroups)
            {
                if (group.Columns.Count < leaves || group.NumRows < 0)
                {
                    throw new ParquetException($"{path}: corrupt footer (a row group has {group.Columns.Count} column chunks for {leaves} columns)");
                }
            }

            return new ParquetFile(path, handle, length, meta, columns);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The values of a top-level column, row by row: string, int, long, float, double, bool, DateTime (UTC for
    /// UTC-adjusted timestamps), DateOnly, byte[] or null; a LIST column yields an IReadOnlyList&lt;object?&gt; per row.
    /// </summary>
    public IEnumerable<object?> ReadColumn(string name)
    {
        var column = _columns.FirstOrDefault(c => c.Name == name)
            ?? throw new ParquetException($"{Path}: there is no column '{name}' (columns: {string.Join(", ", _columns.Select(c => c.Name))})");
        return ReadColumnCore(column);
    }

    private IEnumerable<object?> ReadColumnCore(ColumnDescriptor column)
    {
        for (var g = 0; g < _meta.RowGroups.Count; g++)
        {
            var data = ReadChunk(g, column);
            var cursor = new UntypedCursor(data);
            for (long r = 0; r < _meta.RowGroups[g].NumRows; r++)
            {
                yield return cursor.Next(r);
            }
        }
    }

    internal ColumnData ReadChunk(int rowGroup, ColumnDescriptor column)
    {
        var group = _meta.RowGroups[rowGroup];
        return ColumnChunkReader.Read(_handle, _length, Path, column, group.Columns[column.LeafIndex], group.NumRows);
    }

    private ParquetColumnInfo Describe(ColumnDescriptor column)
    {
        var encodings = new List<string>();
        var codecs = new List<string>();
        foreach (var group in _meta.RowGroups)
        {
            if (column.LeafIndex < group.Columns.Count && group.Columns[column.LeafIndex].MetaData is { } meta)
            {
                encodings.AddRange(meta.Encodings.Select(ValueDecoder.EncodingName));
                codecs.Add(Encodings.PageCompression.CodecName(meta.Codec));
            }
        }

        return new ParquetColumnInfo(
            column.Name,
            column.Unsupported is null ? column.PhysicalTypeName : "GROUP",
            column.Unsupported is null ? column.LogicalTypeName : null,
            column.IsOptional,
            column.IsList,
            string.Join(",", encodings.Distinct()),
            string.Join(",", codecs.Distinct()));
    }

    private static void ReadExactly(SafeFileHandle handle, Span<byte> buffer, long offset, string path)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = RandomAccess.Read(handle, buffer[read..], offset + read);
            if (n == 0)
            {
                throw new ParquetException($"{path}: the file ended while reading {buffer.Length} bytes at offset {offset}");
            }

            read += n;
        }
    }

    public void Dispose() => _handle.Dispose();
}
