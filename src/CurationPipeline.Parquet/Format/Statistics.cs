using CurationPipeline.Parquet.Thrift;

namespace CurationPipeline.Parquet.Format;

/// <summary>
/// Statistics of a column chunk or a data page: min_value / max_value (plain-encoded) and null_count. The
/// deprecated min / max fields (signed byte order for strings) are skipped on reading.
/// </summary>
internal sealed class Statistics
{
    public byte[]? MinValue { get; set; }

    public byte[]? MaxValue { get; set; }

    public long? NullCount { get; set; }

    public long? DistinctCount { get; set; }

    public void Write(CompactWriter w)
    {
        if (NullCount is { } nulls)
        {
            w.FieldI64(3, nulls);
        }

        if (DistinctCount is { } distinct)
        {
            w.FieldI64(4, distinct);
        }

        if (MaxValue is not null)
        {
            w.FieldBinary(5, MaxValue);
        }

        if (MinValue is not null)
        {
            w.FieldBinary(6, MinValue);
        }
    }

    public static Statistics Read(CompactReader r)
    {
        var s = new Statistics();
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            switch (id)
            {
                case 3 when type == CompactType.I64: s.NullCount = r.ReadI64(); break;
                case 4 when type == CompactType.I64: s.DistinctCount = r.ReadI64(); break;
                case 5 when type == CompactType.Binary: s.MaxValue = r.ReadBinary(); break;
                case 6 when type == CompactType.Binary: s.MinValue = r.ReadBinary(); break;
                default: r.Skip(type); break;
            }
        }

        return s;
    }
}
