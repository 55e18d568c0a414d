using System.Text;
using CurationPipeline.Parquet.Format;
using CurationPipeline.Parquet.IO;
using CurationPipeline.Parquet.Schema;

namespace CurationPipeline.Parquet.Writing;

/// <summary>Buffers UTF-8 strings (BYTE_ARRAY) as one byte block plus offsets, with a dictionary on the side.</summary>
internal sealed class ByteArrayColumnWriter(ColumnDescriptor descriptor, bool dictionaryEnabled)
    : ColumnWriter(descriptor, dictionaryEnabled), IValueSink<string>, IDisposable
{
    private const int StatisticsMaxBytes = 64;
    private readonly ByteBuffer _data = new(1 << 16);
    private readonly GrowableArray<int> _offsets = new();
    private readonly GrowableArray<int> _indices = new();
    private readonly ByteSpanDictionary _dictionary = new();
    private bool _dictionaryAlive = dictionaryEnabled;

    public override long BufferedBytes => _data.Length + (_offsets.Count * 8L);

    public void Add(string value, int rep)
    {
        AddLevels(Descriptor.MaxDef, rep);
        var span = _data.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, span);
        Append(span[..length]);
    }

    public void AddBytes(ReadOnlySpan<byte> value, int rep)
    {
        AddLevels(Descriptor.MaxDef, rep);
        var span = _data.GetSpan(value.Length);
        value.CopyTo(span);
        Append(span[..value.Length]);
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        _offsets.Add(_data.Length);
        _data.Advance(bytes.Length);
        ValueCount++;
        if (_dictionaryAlive)
        {
            _indices.Add(_dictionary.GetOrAdd(bytes));
            if (_dictionary.DataBytes + (_dictionary.Count * 4L) > DictionaryLimitBytes)
            {
                _dictionaryAlive = false;
                _dictionary.Clear();
                _indices.Clear();
            }
        }
    }

    private ReadOnlySpan<byte> Value(int index)
    {
        var start = _offsets[index];
        var end = index + 1 < ValueCount ? _offsets[index + 1] : _data.Length;
        return _data.Span[start..end];
    }

    private int OffsetOf(int index) => index < ValueCount ? _offsets[index] : _data.Length;

    protected override long ValueBytes(int from, int to) => OffsetOf(to) - OffsetOf(from) + (4L * (to - from));

    protected override bool ShouldUseDictionary()
    {
        if (!_dictionaryAlive || _dictionary.Count == 0)
        {
            return false;
        }

        var dictionaryBytes = _dictionary.DataBytes + (4L * _dictionary.Count);
        var indexBytes = (long)ValueCount * Math.Max(1, 32 - int.LeadingZeroCount(_dictionary.Count)) / 8;
        return dictionaryBytes + indexBytes < ValueBytes(0, ValueCount);
    }

    protected override int WriteDictionary(ByteBuffer body)
    {
        for (var i = 0; i < _dictionary.Count; i++)
        {
            var entry = _dictionary[i];
            body.WriteInt32(entry.Length);
            body.Write(entry);
        }

        return _dictionary.Count;
    }

    protected override void WriteIndices(ByteBuffer body, int from, int to) =>
        WriteIndexRun(body, _indices.Span[from..to], _dictionary.Count);

    protected override void WritePlain(ByteBuffer body, int from, int to)
    {
        body.EnsureCapacity((int)ValueBytes(from, to));
        for (var i = from; i < to; i++)
        {
            var value = Value(i);
            body.WriteInt32(value.Length);
            body.Write(value);
        }
    }

    protected override Statistics BuildStatistics(bool fromDictionary)
    {
        var stats = new Statistics();
        var count = fromDictionary ? _dictionary.Count : ValueCount;
        if (count == 0)
        {
            return stats;
        }

        int min = 0, max = 0;
        for (var i = 1; i < count; i++)
        {
            var v = fromDictionary ? _dictionary[i] : Value(i);
            if (v.SequenceCompareTo(fromDictionary ? _dictionary[min] : Value(min)) < 0)
            {
                min = i;
            }
            else if (v.SequenceCompareTo(fromDictionary ? _dictionary[max] : Value(max)) > 0)
            {
                max = i;
            }
        }

        var minValue = fromDictionary ? _dictionary[min] : Value(min);
        var maxValue = fromDictionary ? _dictionary[max] : Value(max);

        // Long values would bloat the footer; statistics are optional, so they are left out.
        if (minValue.Length <= StatisticsMaxBytes && maxValue.Length <= StatisticsMaxBytes)
        {
            stats.MinValue = minValue.ToArray();
            stats.MaxValue = maxValue.ToArray();
        }

        return stats;
    }

    public override void Reset()
    {
        base.Reset();
        _data.Clear();
        _offsets.Trim(4096);
        _indices.Trim(4096);
        _dictionary.Clear();
        _dictionaryAlive = DictionaryEnabled;
    }

    public void Dispose()
    {
        _data.Dispose();
        _dictionary.Dispose();
    }
}
