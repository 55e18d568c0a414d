using System.Buffers;
using System.Buffers.Binary;

namespace CurationPipeline.Parquet.IO;

/// <summary>
/// A growable byte buffer for column data, pages and metadata. Small buffers come from the shared pool; large
/// ones are plain arrays, so the pool does not keep every intermediate size of a growing column buffer alive.
/// </summary>
internal sealed class ByteBuffer : IDisposable
{
    private byte[] _data;

    private const int PooledLimit = 1 << 16;

    public ByteBuffer(int capacity = 4096) => _data = Allocate(Math.Max(capacity, 16));

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

        var grown = Allocate((int)Math.Min(Array.MaxLength, Math.Max(needed, (long)_data.Length * 2)));
        _data.AsSpan(0, Length).CopyTo(grown);
        Release(_data);
        _data = grown;
    }

    private static byte[] Allocate(int size) =>
        size <= PooledLimit ? ArrayPool<byte>.Shared.Rent(size) : GC.AllocateUninitializedArray<byte>(size);

    private static void Release(byte[] array)
    {
        if (array.Length <= PooledLimit && array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    public void Dispose()
    {
        Release(_data);
        _data = [];

        Length = 0;
    }
}
