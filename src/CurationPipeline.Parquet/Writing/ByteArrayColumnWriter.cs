using System.Text;
using CurationPipeline.Parquet.IO;
using CurationPipeline.Parquet.Schema;

namespace CurationPipeline.Parquet.Writing;

/// <summary>
/// Buffers UTF-8 strings (BYTE_ARRAY) for one row group. While the dictionary is alive a value is kept only as
/// its entry index; when the dictionary is dropped (too large, or the column turns out to be high-cardinality)
/// the values so far are spelled out into one byte block with offsets, which later values extend.
/// </summary>
internal sealed class ByteArrayColumnWriter(ColumnDescriptor descriptor, bool dictionaryEnabled)
    : ColumnWriter(descriptor, dictionaryEnabled), IValueSink<string>, IDisposable
{
    private const int StatisticsMaxBytes = 64;

    // From this many values on, at every power of two, the dictionary is dropped when nearly every value
    // since the last check (more than 7 in 8) was a new entry: ids and free text gain nothing from it.
    private const int CardinalityCheckFrom = 4096;

    private readonly ByteBuffer _data = new(1 << 16);
    private readonly ByteBuffer _scratch = new(1 << 10);

    // Plain-encoded offset of each value, kept in both states so pages can be cut by size.
    private readonly GrowableArray<int> _offsets = new();
    private readonly GrowableArray<int> _indices = new();
    private readonly ByteSpanDictionary _dictionary = new();

    // A value seen before in this row group is found by its text, which is cheaper than encoding it to UTF-8
    // and hashing the bytes.
    private readonly Dictionary<string, int> _entriesByText = new(StringComparer.Ordinal);
    private bool _dictionaryAlive = dictionaryEnabled;
    private int[] _ranks = [];
    private int _ranksFor = -1;
    private int _plainLength;
    private int _entriesAtCheck;

    public override long BufferedBytes => _data.Length + _dictionary.DataBytes + (_offsets.Count * 8L);

    public void Add(string value, int rep)
    {
        AddLevels(Descriptor.MaxDef, rep);
        if (_dictionaryAlive)
        {
            if (!_entriesByText.TryGetValue(value, out var entry))
            {
                _scratch.Clear();
                var span = _scratch.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length));
                entry = _dictionary.GetOrAdd(span[..Encoding.UTF8.GetBytes(value, span)]);
                _entriesByText[value] = entry;
            }

            AppendEntry(entry);
        }
        else
        {
            var span = _data.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length));
            AppendPlain(Encoding.UTF8.GetBytes(value, span));
        }
    }

    public void AddBytes(ReadOnlySpan<byte> value, int rep)
    {
        AddLevels(Descriptor.MaxDef, rep);
        if (_dictionaryAlive)
        {
            AppendEntry(_dictionary.GetOrAdd(value));
        }
        else
        {
            value.CopyTo(_data.GetSpan(value.Length));
            AppendPlain(value.Length);
        }
    }

    private void AppendEntry(int entry)
    {
        _offsets.Add(_plainLength);
        _plainLength += _dictionary.LengthOf(entry);
        _indices.Add(entry);
        ValueCount++;
        if (_dictionary.DataBytes + (_dictionary.Count * 4L) > DictionaryLimitBytes)
        {
            DropDictionary();
        }
        else if (ValueCount >= CardinalityCheckFrom && (ValueCount & (ValueCount - 1)) == 0)
        {
            var window = ValueCount - (ValueCount == CardinalityCheckFrom ? 0 : ValueCount / 2);
            if (_dictionary.Count - _entriesAtCheck > window / 8 * 7)
            {
                DropDictionary();
            }

            _entriesAtCheck = _dictionary.Count;
        }
    }

    private void AppendPlain(int length)
    {
        _offsets.Add(_plainLength);
        _data.Advance(length);
        _plainLength += length;
        ValueCount++;
    }

    /// <summary>Spells out the values held as entry indices, then forgets the dictionary for this row group.</summary>
    private void DropDictionary()
    {
        _data.EnsureCapacity(_plainLength);
        foreach (var entry in _indices.Span)
        {
            _data.Write(_dictionary[entry]);
        }

        _dictionaryAlive = false;
        _dictionary.Clear();
        _indices.Clear();
        _entriesByText.Clear();
    }

    private ReadOnlySpan<byte> Value(int index)
    {
        if (_dictionaryAlive)
        {
            return _dictionary[_indices[index]];
        }

        var start = _offsets[index];
        var end = index + 1 < ValueCount ? _offsets[index + 1] : _plainLength;
        return _data.Span[start..end];
    }

    private int OffsetOf(int index) => index < ValueCount ? _offsets[index] : _plainLength;

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

    protected override (int Min, int Max) MinMax(int from, int to)
    {
        if (from == to)
        {
            return (-1, -1);
        }

        int min = from, max = from;
        if (_dictionaryAlive)
        {
            // Entries compared once, by their rank in byte order; then each value is an integer comparison.
            var ranks = EntryRanks();
            var indices = _indices.Span;
            int minRank = ranks[indices[from]], maxRank = minRank;
            for (var i = from + 1; i < to; i++)
            {
                var rank = ranks[indices[i]];
                if (rank < minRank)
                {
                    (min, minRank) = (i, rank);
                }
                else if (rank > maxRank)
                {
                    (max, maxRank) = (i, rank);
                }
            }

            return (min, max);
        }

        ReadOnlySpan<byte> minValue = Value(from), maxValue = minValue;
        for (var i = from + 1; i < to; i++)
        {
            var v = Value(i);
            if (v.SequenceCompareTo(minValue) < 0)
            {
                min = i;
                minValue = v;
            }
            else if (v.SequenceCompareTo(maxValue) > 0)
            {
                max = i;
                maxValue = v;
            }
        }

        return (min, max);
    }

    /// <summary>The rank of each dictionary entry in unsigned byte order, computed once per chunk.</summary>
    private int[] EntryRanks()
    {
        var count = _dictionary.Count;
        if (_ranksFor == count)
        {
            return _ranks;
        }

        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => _dictionary[a].SequenceCompareTo(_dictionary[b]));
        if (_ranks.Length < count)
        {
            _ranks = new int[count];
        }

        for (var i = 0; i < count; i++)
        {
            _ranks[order[i]] = i;
        }

        _ranksFor = count;
        return _ranks;
    }

    protected override int CompareValues(int a, int b) => Value(a).SequenceCompareTo(Value(b));

    // Long values would bloat page headers and the footer; statistics are optional, so they are left out.
    protected override byte[]? EncodeBound(int index, bool isMin) =>
        Value(index) is { Length: <= StatisticsMaxBytes } value ? value.ToArray() : null;

    public override void Reset()
    {
        base.Reset();
        _data.Clear();
        _offsets.Trim(RetainedCapacity);
        _indices.Trim(RetainedCapacity);
        _dictionary.Clear();
        _entriesByText.Clear();
        _dictionaryAlive = DictionaryEnabled;
        _ranksFor = -1;
        _plainLength = 0;
        _entriesAtCheck = 0;
    }

    public void Dispose()
    {
        _data.Dispose();
        _scratch.Dispose();
        _dictionary.Dispose();
    }
}
