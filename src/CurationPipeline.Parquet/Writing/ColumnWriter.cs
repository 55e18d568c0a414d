using CurationPipeline.Parquet.Encodings;
using CurationPipeline.Parquet.Format;
using CurationPipeline.Parquet.IO;
using CurationPipeline.Parquet.Schema;

namespace CurationPipeline.Parquet.Writing;

/// <summary>
/// Buffers one column's levels and values for the current row group and writes them as a column chunk:
/// an optional dictionary page, then data pages (v1, or v2 on request) that each hold whole rows and carry the
/// statistics of their values; the chunk statistics are the pages' combined.
/// </summary>
internal abstract class ColumnWriter(ColumnDescriptor descriptor, bool dictionaryEnabled)
{
    /// <summary>
    /// Default target size of a page's values before compression: 64 KiB keeps every compressed page below the
    /// large-object heap threshold, so pages are cheap, short-lived allocations (Snappy works in 64 KiB blocks anyway).
    /// </summary>
    public const int DefaultPageTargetBytes = 1 << 16;

    /// <summary>Write DATA_PAGE_V2 pages (levels uncompressed and without length prefixes) instead of v1 pages.</summary>
    public bool DataPageV2 { get; private set; }

    /// <summary>Target size of a page's values before compression.</summary>
    public int PageTargetBytes { get; private set; } = DefaultPageTargetBytes;

    /// <summary>A dictionary that grows past this many bytes is dropped for the chunk (PLAIN fallback).</summary>
    protected const int DictionaryLimitBytes = 1 << 20;

    /// <summary>Level and value arrays keep this many entries between row groups; beyond, they are reallocated.</summary>
    protected const int RetainedCapacity = 1 << 17;

    private readonly GrowableArray<byte> _defs = new();
    private readonly GrowableArray<byte> _reps = new();
    private readonly GrowableArray<int> _rowLevelStart = new();
    private readonly GrowableArray<int> _rowValueStart = new();

    public ColumnDescriptor Descriptor { get; } = descriptor;

    protected bool DictionaryEnabled { get; } = dictionaryEnabled;

    public int LevelCount { get; private set; }

    public int ValueCount { get; protected set; }

    public int RowCount { get; private set; }

    public long NullCount { get; private set; }

    /// <summary>Approximate bytes held for the current row group.</summary>
    public abstract long BufferedBytes { get; }

    /// <summary>Records a null value (or a null / empty list) at the given levels.</summary>
    public void AddNull(int def, int rep)
    {
        AddLevels(def, rep);
        NullCount++;
    }

    /// <summary>Records the levels of a present value; the subclass stores the value itself.</summary>
    protected void AddLevels(int def, int rep)
    {
        if (rep == 0)
        {
            _rowLevelStart.Add(LevelCount);
            _rowValueStart.Add(ValueCount);
            RowCount++;
        }

        if (Descriptor.MaxDef > 0)
        {
            _defs.Add((byte)def);
        }

        if (Descriptor.MaxRep > 0)
        {
            _reps.Add((byte)rep);
        }

        LevelCount++;
    }

    /// <summary>Encodes the row group's data into the sink's chunk; offsets in the result are relative to the chunk start.</summary>
    public ColumnChunk WriteChunk(PageSink sink)
    {
        sink.BeginChunk();
        var encodings = new List<ParquetEncoding> { ParquetEncoding.Rle };
        long? dictionaryOffset = null;
        var useDictionary = DictionaryEnabled && ShouldUseDictionary();
        if (useDictionary)
        {
            dictionaryOffset = sink.Position;
            var count = WriteDictionary(sink.Body);
            sink.WriteDictionaryPage(count);
            encodings.Add(ParquetEncoding.Plain);
            encodings.Add(ParquetEncoding.RleDictionary);
        }
        else
        {
            encodings.Add(ParquetEncoding.Plain);
        }

        var dataOffset = sink.Position;
        int chunkMin = -1, chunkMax = -1;
        var row = 0;
        while (row < RowCount)
        {
            var end = row + 1;
            var firstValue = _rowValueStart[row];
            while (end < RowCount && ValueBytes(firstValue, _rowValueStart[end]) < PageTargetBytes)
            {
                end++;
            }

            var levelStart = _rowLevelStart[row];
            var levelEnd = end < RowCount ? _rowLevelStart[end] : LevelCount;
            var valueEnd = end < RowCount ? _rowValueStart[end] : ValueCount;
            var (repBytes, defBytes) = EncodeLevels(sink.Body, levelStart, levelEnd);
            if (useDictionary)
            {
                WriteIndices(sink.Body, firstValue, valueEnd);
            }
            else
            {
                WritePlain(sink.Body, firstValue, valueEnd);
            }

            var (pageMin, pageMax) = MinMax(firstValue, valueEnd);
            if (pageMin >= 0)
            {
                chunkMin = chunkMin < 0 || CompareValues(pageMin, chunkMin) < 0 ? pageMin : chunkMin;
                chunkMax = chunkMax < 0 || CompareValues(pageMax, chunkMax) > 0 ? pageMax : chunkMax;
            }

            var nulls = levelEnd - levelStart - (valueEnd - firstValue);
            var header = new PageHeader
            {
                Type = DataPageV2 ? PageType.DataPageV2 : PageType.DataPage,
                NumValues = levelEnd - levelStart,
                Encoding = useDictionary ? ParquetEncoding.RleDictionary : ParquetEncoding.Plain,
                Statistics = BuildStatistics(nulls, pageMin, pageMax),
            };
            if (DataPageV2)
            {
                header.NumNulls = nulls;
                header.NumRows = end - row;
                header.RepetitionLevelsByteLength = repBytes;
                header.DefinitionLevelsByteLength = defBytes;
            }

            sink.WritePage(header, DataPageV2 ? repBytes + defBytes : 0);

            row = end;
        }

        return new ColumnChunk
        {
            FileOffset = dictionaryOffset ?? dataOffset,
            MetaData = new ColumnMetaData
            {
                Type = Descriptor.Type,
                Encodings = encodings,
                PathInSchema = [.. Descriptor.Path],
                Codec = sink.Codec,
                NumValues = LevelCount,
                TotalUncompressedSize = sink.ChunkUncompressed,
                TotalCompressedSize = sink.ChunkCompressed,
                DataPageOffset = dataOffset,
                DictionaryPageOffset = dictionaryOffset,
                Statistics = BuildStatistics(NullCount, chunkMin, chunkMax),
            },
        };
    }

    /// <summary>Sets the page kind and size; called once, before any row.</summary>
    public void SetPageLayout(bool dataPageV2, int pageTargetBytes)
    {
        DataPageV2 = dataPageV2;
        PageTargetBytes = pageTargetBytes > 0 ? pageTargetBytes : throw new ArgumentOutOfRangeException(nameof(pageTargetBytes));
    }

    /// <summary>
    /// Statistics of a page or chunk: the null count, and the minimum and maximum (value indices, -1 when no
    /// value counts) unless a bound cannot be written (<see cref="EncodeBound"/> gives null), then neither.
    /// </summary>
    private Statistics BuildStatistics(long nulls, int min, int max)
    {
        var stats = new Statistics { NullCount = nulls };
        if (min >= 0 && EncodeBound(min, isMin: true) is { } minValue && EncodeBound(max, isMin: false) is { } maxValue)
        {
            stats.MinValue = minValue;
            stats.MaxValue = maxValue;
        }

        return stats;
    }

    /// <summary>Forgets the row group's data (after it was written).</summary>
    public virtual void Reset()
    {
        _defs.Trim(RetainedCapacity);
        _reps.Trim(RetainedCapacity);
        _rowLevelStart.Trim(RetainedCapacity);
        _rowValueStart.Trim(RetainedCapacity);
        LevelCount = 0;
        ValueCount = 0;
        RowCount = 0;
        NullCount = 0;
    }

    private (int RepBytes, int DefBytes) EncodeLevels(ByteBuffer body, int start, int end)
    {
        var repBytes = Descriptor.MaxRep > 0 ? WriteLevels(body, _reps.Span[start..end], Descriptor.MaxRep) : 0;
        var defBytes = Descriptor.MaxDef > 0 ? WriteLevels(body, _defs.Span[start..end], Descriptor.MaxDef) : 0;
        return (repBytes, defBytes);
    }

    /// <summary>Writes levels, length-prefixed in v1 pages; returns the bytes written.</summary>
    private int WriteLevels(ByteBuffer body, ReadOnlySpan<byte> levels, int maxLevel)
    {
        var startAt = body.Length;
        if (!DataPageV2)
        {
            body.WriteInt32(0);
        }

        RleEncoder.Encode(levels, RleEncoder.BitWidth(maxLevel), body);
        if (!DataPageV2)
        {
            body.SetInt32(startAt, body.Length - startAt - 4);
        }

        return body.Length - startAt;
    }

    protected void WriteIndexRun(ByteBuffer body, ReadOnlySpan<int> indices, int dictionaryCount)
    {
        var width = RleEncoder.BitWidth(Math.Max(dictionaryCount - 1, 0));
        body.WriteByte((byte)width);
        RleEncoder.Encode(indices, width, body);
    }

    /// <summary>Bytes the values [from, to) take PLAIN-encoded.</summary>
    protected abstract long ValueBytes(int from, int to);

    /// <summary>Decides whether this chunk is dictionary-encoded (dictionary still alive and smaller than PLAIN).</summary>
    protected abstract bool ShouldUseDictionary();

    /// <summary>Writes the PLAIN dictionary into the body; returns the entry count.</summary>
    protected abstract int WriteDictionary(ByteBuffer body);

    protected abstract void WriteIndices(ByteBuffer body, int from, int to);

    protected abstract void WritePlain(ByteBuffer body, int from, int to);

    /// <summary>
    /// Indices of the smallest and largest of the values [from, to) in the column's sort order (NaN left out);
    /// (-1, -1) when there is none.
    /// </summary>
    protected abstract (int Min, int Max) MinMax(int from, int to);

    /// <summary>Compares two buffered values by index, in the column's sort order.</summary>
    protected abstract int CompareValues(int a, int b);

    /// <summary>The PLAIN encoding of a value as a statistics bound, or null when it is not written.</summary>
    protected abstract byte[]? EncodeBound(int index, bool isMin);
}
