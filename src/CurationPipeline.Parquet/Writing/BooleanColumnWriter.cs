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

    protected override (int Min, int Max) MinMax(int from, int to)
    {
        if (from == to)
        {
            return (-1, -1);
        }

        var values = _values.Span[from..to];
        var firstFalse = values.IndexOf(false);
        var firstTrue = values.IndexOf(true);
        return (from + (firstFalse >= 0 ? firstFalse : firstTrue), from + (firstTrue >= 0 ? firstTrue : firstFalse));
    }

    protected override int CompareValues(int a, int b) => _values[a].CompareTo(_values[b]);

    protected override byte[]? EncodeBound(int index, bool isMin) => [(byte)(_values[index] ? 1 : 0)];

    public override void Reset()
    {
        base.Reset();
        _values.Trim(RetainedCapacity);
    }
}
