using CurationPipeline.Parquet.Format;
using CurationPipeline.Parquet.IO;
using CurationPipeline.Parquet.Schema;

namespace CurationPipeline.Parquet.Writing;

/// <summary>Buffers BOOLEAN values; PLAIN packs them one bit each, least significant bit first.</summary>
internal sealed class BooleanColumnWriter(ColumnDescriptor descriptor)
    : ColumnWriter(descriptor, dictionaryEnabled: false), IValueSink<bool>
{
    private readonly GrowableArray<bool> _values = new();

    public override long BufferedBytes => _values.Count;

    public void Add(bool value, int rep)
    {
        AddLevels(Descriptor.MaxDef, rep);
        _values.Add(value);
        ValueCount++;
    }

    protected override long ValueBytes(int from, int to) => (to - from + 7) / 8;

    protected override bool ShouldUseDictionary() => false;

    protected override int WriteDictionary(ByteBuffer body) => 0;

    protected override void WriteIndices(ByteBuffer body, int from, int to) => throw new InvalidOperationException();

    protected override void WritePlain(ByteBuffer body, int from, int to)
    {
        var count = (to - from + 7) / 8;
        var span = body.GetSpan(count)[..count];
        span.Clear();
        var values = _values.Span[from..to];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i])
            {
                span[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        body.Advance(count);
    }

    protected override Statistics BuildStatistics(bool fromDictionary)
    {
        var stats = new Statistics();
        bool any = false, anyTrue = false, anyFalse = false;
        foreach (var v in _values.Span)
        {
            any = true;
            anyTrue |= v;
            anyFalse |= !v;
        }

        if (any)
        {
            stats.MinValue = [(byte)(anyFalse ? 0 : 1)];
            stats.MaxValue = [(byte)(anyTrue ? 1 : 0)];
        }

        return stats;
    }

    public override void Reset()
    {
        base.Reset();
        _values.Trim(RetainedCapacity);
    }
}
