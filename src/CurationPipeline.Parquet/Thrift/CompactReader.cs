using System.Buffers.Binary;
using System.Text;

namespace CurationPipeline.Parquet.Thrift;

/// <summary>
/// Reads Thrift compact protocol structs from a byte range. Every read is bounds-checked against the range and
/// nesting is limited, so corrupt metadata ends in a <see cref="ParquetException"/> rather than an index error or a hang.
/// </summary>
internal sealed class CompactReader(byte[] data, int start, int end, string context)
{
    private const int MaxDepth = 64;
    private readonly Stack<short> _lastIds = new();
    private short _lastId;
    private int _depth;

    public int Position { get; private set; } = start;

    public string Context { get; } = context;

    public void BeginStruct()
    {
        if (++_depth > MaxDepth)
        {
            throw Corrupt("structs nested too deeply");
        }

        _lastIds.Push(_lastId);
        _lastId = 0;
    }

    public void EndStruct()
    {
        _depth--;
        _lastId = _lastIds.Pop();
    }

    /// <summary>Reads the next field header; returns false at the struct's stop byte (and leaves the struct).</summary>
    public bool NextField(out short id, out byte type)
    {
        var header = ReadByte();
        type = (byte)(header & 0x0F);
        if (type == CompactType.Stop)
        {
            id = 0;
            EndStruct();
            return false;
        }

        var delta = header >> 4;
        id = delta == 0 ? (short)ZigZagDecode(ReadVarInt()) : (short)(_lastId + delta);
        _lastId = id;
        return true;
    }

    public static bool BoolFromType(byte type) => type == CompactType.BooleanTrue;

    public int ReadI32() => (int)ZigZagDecode(ReadVarInt());

    public long ReadI64() => ZigZagDecode(ReadVarInt());

    public byte[] ReadBinary()
    {
        var length = ReadLength();
        var result = data.AsSpan(Position, length).ToArray();
        Position += length;
        return result;
    }

    public string ReadString()
    {
        var length = ReadLength();
        var result = Encoding.UTF8.GetString(data, Position, length);
        Position += length;
        return result;
    }

    /// <summary>Reads a list header; the count is checked against the bytes left (every element takes at least one byte).</summary>
    public int ReadListHeader(out byte elementType)
    {
        var header = ReadByte();
        elementType = (byte)(header & 0x0F);
        var count = (long)(header >> 4);
        if (count == 15)
        {
            count = (long)ReadVarInt();
        }

        if (count > end - Position)
        {
            throw Corrupt($"a list claims {count} elements with {end - Position} bytes left");
        }

        return (int)count;
    }

    public void Skip(byte type)
    {
        switch (type)
        {
            case CompactType.BooleanTrue:
            case CompactType.BooleanFalse:
                break;
            case CompactType.Byte:
                ReadByte();
                break;
            case CompactType.I16:
            case CompactType.I32:
            case CompactType.I64:
                ReadVarInt();
                break;
            case CompactType.Double:
                Need(8);
                Position += 8;
                break;
            case CompactType.Binary:
                // The length is read first: `Position += ReadLength()` would add it to the position before the varint.
                var length = ReadLength();
                Position += length;
                break;
            case CompactType.List:
            case CompactType.Set:
                var count = ReadListHeader(out var elementType);
                for (var i = 0; i < count; i++)
                {
                    SkipElement(elementType);
                }

                break;
            case CompactType.Map:
                var size = (long)ReadVarInt();
                if (size == 0)
                {
                    break;
                }

                if (size > end - Position)
                {
                    throw Corrupt("a map claims more entries than bytes left");
                }

                var kinds = ReadByte();
                for (var i = 0; i < size; i++)
                {
                    SkipElement((byte)(kinds >> 4));
                    SkipElement((byte)(kinds & 0x0F));
                }

                break;
            case CompactType.Struct:
                BeginStruct();
                while (NextField(out _, out var fieldType))
                {
                    Skip(fieldType);
                }

                break;
            default:
                throw Corrupt($"unknown field type {type}");
        }
    }

    private void SkipElement(byte elementType)
    {
        // Booleans inside containers take a whole byte.
        if (elementType is CompactType.BooleanTrue or CompactType.BooleanFalse)
        {
            ReadByte();
        }
        else
        {
            Skip(elementType);
        }
    }

    public ParquetException Corrupt(string what) =>
        new($"{Context}: corrupt metadata ({what}) at byte {Position}");

    private int ReadLength()
    {
        var length = ReadVarInt();
        if (length > (ulong)(end - Position))
        {
            throw Corrupt($"a string of {length} bytes runs past the end");
        }

        return (int)length;
    }

    public byte ReadRawByte() => ReadByte();

    private byte ReadByte()
    {
        Need(1);
        return data[Position++];
    }

    private ulong ReadVarInt()
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw Corrupt("varint too long");
    }

    private void Need(int count)
    {
        if (end - Position < count)
        {
            throw Corrupt("unexpected end of metadata");
        }
    }

    public double ReadDouble()
    {
        Need(8);
        var value = BinaryPrimitives.ReadDoubleLittleEndian(data.AsSpan(Position));
        Position += 8;
        return value;
    }

    private static long ZigZagDecode(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
