using CurationPipeline.Parquet.IO;

namespace CurationPipeline.Parquet.Writing;

/// <summary>An open-addressing hash set of byte strings that hands out dense entry indices.</summary>
internal sealed class ByteSpanDictionary : IDisposable
{
    private readonly ByteBuffer _data = new(1 << 12);
    private readonly GrowableArray<int> _offsets = new();
    private readonly GrowableArray<int> _hashes = new();
    private int[] _table = new int[1024];

    public int Count => _offsets.Count;

    /// <summary>Bytes of all entries (without length prefixes).</summary>
    public int DataBytes => _data.Length;

    public ReadOnlySpan<byte> this[int index]
    {
        get
        {
            var start = _offsets[index];
            var end = index + 1 < _offsets.Count ? _offsets[index + 1] : _data.Length;
            return _data.Span[start..end];
        }
    }

    /// <summary>Byte length of an entry.</summary>
    public int LengthOf(int index) => (index + 1 < _offsets.Count ? _offsets[index + 1] : _data.Length) - _offsets[index];

    /// <summary>Returns the entry index of <paramref name="value"/>, adding it when new.</summary>
    public int GetOrAdd(ReadOnlySpan<byte> value)
    {
        var hash = Hash(value);
        var mask = _table.Length - 1;
        var slot = hash & mask;
        while (true)
        {
            var entry = _table[slot] - 1;
            if (entry < 0)
            {
                break;
            }

            if (_hashes[entry] == hash && this[entry].SequenceEqual(value))
            {
                return entry;
            }

            slot = (slot + 1) & mask;
        }

        var index = _offsets.Count;
        _offsets.Add(_data.Length);
        _hashes.Add(hash);
        _data.Write(value);
        _table[slot] = index + 1;
        if (_offsets.Count * 2 > _table.Length)
        {
            Grow();
        }

        return index;
    }

    public void Clear()
    {
        _data.Clear();
        _offsets.Trim(1024);
        _hashes.Trim(1024);
        if (_table.Length > 4096)
        {
            _table = new int[1024];
        }
        else
        {
            Array.Clear(_table);
        }
    }

    private void Grow()
    {
        _table = new int[_table.Length * 2];
        var mask = _table.Length - 1;
        for (var i = 0; i < _offsets.Count; i++)
        {
            var slot = _hashes[i] & mask;
            while (_table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _table[slot] = i + 1;
        }
    }

    private static int Hash(ReadOnlySpan<byte> value)
    {
        var h = new HashCode();
        h.AddBytes(value);
        return h.ToHashCode() & int.MaxValue;
    }

    public void Dispose() => _data.Dispose();
}
