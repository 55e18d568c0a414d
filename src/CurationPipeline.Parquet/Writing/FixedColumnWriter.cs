using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CurationPipeline.Parquet.Format;
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

    protected override Statistics BuildStatistics(bool fromDictionary)
    {
        var stats = new Statistics();
        var values = fromDictionary ? _entries.Span : _values.Span;
        var found = false;
        T min = T.Zero, max = T.Zero;
        foreach (var v in values)
        {
            if (T.IsNaN(v))
            {
                continue;
            }

            if (!found)
            {
                min = max = v;
                found = true;
            }
            else if (v < min)
            {
                min = v;
            }
            else if (v > max)
            {
                max = v;
            }
        }

        if (found)
        {
            // The specification asks for -0.0 as a zero minimum and +0.0 as a zero maximum.
            if (T.IsZero(min))
            {
                min = -T.Zero;
            }

            if (T.IsZero(max))
            {
                max = T.Zero;
            }

            stats.MinValue = MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in min)).ToArray();
            stats.MaxValue = MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in max)).ToArray();
        }

        return stats;
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
