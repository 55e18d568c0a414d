using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CurationPipeline.Parquet.IO;
using CurationPipeline.Parquet.Schema;

namespace CurationPipeline.Parquet.Writing;

/// <summary>Buffers INT32, INT64 or DOUBLE values; PLAIN is the little-endian bytes of the buffer itself.</summary>
internal sealed class FixedColumnWriter<T>(ColumnDescriptor descriptor, bool dictionaryEnabled)
    : ColumnWriter(descriptor, dictionaryEnabled), IValueSink<T>
    where T : unmanaged, INumber<T>
{
    private const int DictionaryLimitEntries = 1 << 16;
    private readonly GrowableArray<T> _values = new();
    private readonly GrowableArray<int> _indices = new();
    private readonly GrowableArray<T> _entries = new();

    // Keyed by bit pattern so -0.0 and 0.0 (and NaN payloads) stay distinct.
    private readonly Dictionary<long, int> _lookup = [];
    private bool _dictionaryAlive = dictionaryEnabled;

    public override long BufferedBytes => (_values.Count + _indices.Count) * 8L;

    public void Add(T value, int rep)
    {
        AddLevels(Descriptor.MaxDef, rep);
        _values.Add(value);
        ValueCount++;
        if (!_dictionaryAlive)
        {
            return;
        }

        var key = Unsafe.SizeOf<T>() == 8 ? Unsafe.As<T, long>(ref value) : Unsafe.As<T, int>(ref value);
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_lookup, key, out var exists);
        if (!exists)
        {
            slot = _entries.Count;
            _entries.Add(value);
            if (_entries.Count > DictionaryLimitEntries)
            {
                _dictionaryAlive = false;
                _lookup.Clear();
                _entries.Clear();
                _indices.Clear();
                return;
            }
        }

        _indices.Add(slot);
    }

    protected override long ValueBytes(int from, int to) => (to - from) * (long)Unsafe.SizeOf<T>();

    protected override bool ShouldUseDictionary()
    {
        if (!_dictionaryAlive || _entries.Count == 0)
        {
            return false;
        }

        var indexBytes = (long)ValueCount * Math.Max(1, 32 - int.LeadingZeroCount(_entries.Count)) / 8;
        return ValueBytes(0, _entries.Count) + indexBytes < ValueBytes(0, ValueCount);
    }

    protected override int WriteDictionary(ByteBuffer body)
    {
        body.Write(MemoryMarshal.AsBytes(_entries.Span));
        return _entries.Count;
    }

    protected override void WriteIndices(ByteBuffer body, int from, int to) =>
        WriteIndexRun(body, _indices.Span[from..to], _entries.Count);

    protected override void WritePlain(ByteBuffer body, int from, int to) =>
        body.Write(MemoryMarshal.AsBytes(_values.Span[from..to]));

    protected override (int Min, int Max) MinMax(int from, int to)
    {
        var values = _values.Span;
        int min = -1, max = -1;
        for (var i = from; i < to; i++)
        {
            var v = values[i];
            if (T.IsNaN(v))
            {
                continue;
            }

            if (min < 0)
            {
                min = max = i;
            }
            else if (v < values[min])
            {
                min = i;
            }
            else if (v > values[max])
            {
                max = i;
            }
        }

        return (min, max);
    }

    protected override int CompareValues(int a, int b) => _values[a].CompareTo(_values[b]);

    protected override byte[]? EncodeBound(int index, bool isMin)
    {
        // The specification asks for -0.0 as a zero minimum and +0.0 as a zero maximum.
        var value = _values[index];
        if (T.IsZero(value))
        {
            value = isMin ? -T.Zero : T.Zero;
        }

        return MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)).ToArray();
    }

    public override void Reset()
    {
        base.Reset();
        _values.Trim(RetainedCapacity);
        _indices.Trim(RetainedCapacity);
        _entries.Trim(1024);
        _lookup.Clear();
        _dictionaryAlive = DictionaryEnabled;
    }
}
