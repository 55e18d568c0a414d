using System.Buffers;
using System.Buffers.Binary;

namespace CurationPipeline.Parquet.IO;

/// <summary>A growable byte buffer over pooled arrays, for page and metadata assembly.</summary>
internal sealed class ByteBuffer : IDisposable
{
    private byte[] _data;

    public ByteBuffer(int capacity = 4096) => _data = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 16));

    public int Length { get; private set; }

    public Span<byte> Span => _data.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _data.AsMemory(0, Length);

    public byte[] RawArray => _data;

    public void Clear() => Length = 0;

    /// <summary>Returns a writable span of at least <paramref name="size"/> bytes at the end; call <see cref="Advance"/> after.</summary>
    public Span<byte> GetSpan(int size)
    {
        EnsureCapacity(size);
        return _data.AsSpan(Length);
    }

    public void Advance(int count) => Length += count;

    public void WriteByte(byte value)
    {
        if (Length == _data.Length)
        {
            EnsureCapacity(1);
        }

        _data[Length++] = value;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        EnsureCapacity(bytes.Length);
        bytes.CopyTo(_data.AsSpan(Length));
        Length += bytes.Length;
    }

    public void WriteInt32(int value)
    {
        EnsureCapacity(4);
        BinaryPrimitives.WriteInt32LittleEndian(_data.AsSpan(Length), value);
        Length += 4;
    }

    public void WriteUnsignedVarInt(ulong value)
    {
        EnsureCapacity(10);
        while (value >= 0x80)
        {
            _data[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _data[Length++] = (byte)value;
    }

    public void SetInt32(int position, int value) => BinaryPrimitives.WriteInt32LittleEndian(_data.AsSpan(position), value);

    public void EnsureCapacity(int extra)
    {
        long needed = (long)Length + extra;
        if (needed <= _data.Length)
        {
            return;
        }

        if (needed > Array.MaxLength)
        {
            throw new ParquetException($"a buffer would exceed {Array.MaxLength} bytes");
        }

        var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(needed, (long)_data.Length * 2)));
        _data.AsSpan(0, Length).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(_data);
        _data = grown;
    }

    public void Dispose()
    {
        if (_data.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_data);
            _data = [];
        }

        Length = 0;
    }
}
