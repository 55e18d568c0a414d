using System.Buffers;
using CurationPipeline.Parquet.Format;
using CurationPipeline.Parquet.Schema;

namespace CurationPipeline.Parquet.Reading;

/// <summary>One decoded column chunk: its levels and its present (non-null) values in order.</summary>
internal sealed class ColumnData
{
    public required ColumnDescriptor Column { get; init; }

    public required string File { get; init; }

    public byte[]? Defs { get; set; }

    public byte[]? Reps { get; set; }

    public int LevelCount { get; set; }

    /// <summary>int[], long[], float[], double[], bool[], string[] or byte[][], by physical type.</summary>
    public required Array Values { get; set; }

    public int ValueCount { get; set; }

    /// <summary>The data pages met, in order, for diagnostics and tests.</summary>
    public List<DataPageInfo> Pages { get; } = [];

    /// <summary>The kinds of data pages met (v1, v2).</summary>
    public HashSet<PageType> PageTypes => [.. Pages.Select(p => p.Type)];

    /// <summary>The values as <typeparamref name="TStored"/>, widening INT32 to INT64 and FLOAT or INT32 to DOUBLE.</summary>
    public TStored[] GetValues<TStored>()
    {
        switch (Values)
        {
            case TStored[] same:
                return same;
            case int[] ints when typeof(TStored) == typeof(long):
                return (TStored[])(object)Array.ConvertAll(ints[..ValueCount], v => (long)v);
            case int[] ints when typeof(TStored) == typeof(double):
                return (TStored[])(object)Array.ConvertAll(ints[..ValueCount], v => (double)v);
            case float[] floats when typeof(TStored) == typeof(double):
                return (TStored[])(object)Array.ConvertAll(floats[..ValueCount], v => (double)v);
            default:
                throw new ParquetException($"{File}: column '{Column.Name}' holds {Column.PhysicalTypeName}{(Column.LogicalTypeName is { } l ? " " + l : "")} values, which cannot be read as {typeof(TStored).Name}");
        }
    }

    /// <summary>Converts TIMESTAMP values of any unit to microseconds in place.</summary>
    public void NormalizeTimestampsToMicros()
    {
        if (Values is not long[] longs)
        {
            return;
        }

        var unit = Column.Logical?.Kind == LogicalKind.Timestamp ? Column.Logical.Unit
            : Column.Converted == ConvertedType.TimestampMillis ? TimeUnit.Millis : TimeUnit.Micros;
        if (unit == TimeUnit.Millis)
        {
            for (var i = 0; i < ValueCount; i++)
            {
                longs[i] *= 1000;
            }
        }
        else if (unit == TimeUnit.Nanos)
        {
            for (var i = 0; i < ValueCount; i++)
            {
                longs[i] /= 1000;
            }
        }
    }

    public bool IsTimestamp =>
        Column.Logical?.Kind == LogicalKind.Timestamp || Column.Converted is ConvertedType.TimestampMicros or ConvertedType.TimestampMillis || Column.Type == PhysicalType.Int96;

    /// <summary>
    /// Returns the rented level and value arrays to their pools. Only for a reader that is done with this chunk
    /// and has copied out what it keeps (the values themselves, strings included, stay valid).
    /// </summary>
    public void Release()
    {
        if (Defs is { } defs)
        {
            ArrayPool<byte>.Shared.Return(defs);
            Defs = null;
        }

        if (Reps is { } reps)
        {
            ArrayPool<byte>.Shared.Return(reps);
            Reps = null;
        }

        ValueDecoder.Return(Values);
        Values = Array.Empty<int>();
        LevelCount = 0;
        ValueCount = 0;
    }

    public ParquetException Corrupt(string what) => new($"{File}: column '{Column.Name}': {what}");
}

/// <summary>A data page as read: its kind and value encoding, where its levels and present values start in the chunk, and its statistics.</summary>
internal sealed record DataPageInfo(PageType Type, ParquetEncoding Encoding, int FirstLevel, int LevelCount, int FirstValue, int ValueCount, Statistics? Statistics);
