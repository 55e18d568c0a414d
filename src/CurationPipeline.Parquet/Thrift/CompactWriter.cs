using System.Text;
using CurationPipeline.Parquet.IO;

namespace CurationPipeline.Parquet.Thrift;

/// <summary>Writes Thrift compact protocol structs (field deltas, zigzag varints) into a buffer.</summary>
internal sealed class CompactWriter(ByteBuffer output)
{
    private readonly Stack<short> _lastIds = new();
    private short _lastId;

    public ByteBuffer Output { get; } = output;

    public void FieldI32(short id, int value)
    {
        FieldHeader(id, CompactType.I32);
        Output.WriteUnsignedVarInt(ZigZag(value));
    }

    public void FieldI64(short id, long value)
    {
        FieldHeader(id, CompactType.I64);
        Output.WriteUnsignedVarInt(ZigZag(value));
    }

    public void FieldBool(short id, bool value) => FieldHeader(id, value ? CompactType.BooleanTrue : CompactType.BooleanFalse);

    public void FieldBinary(short id, ReadOnlySpan<byte> value)
    {
        FieldHeader(id, CompactType.Binary);
        Binary(value);
    }

    public void FieldString(short id, string value)
    {
        FieldHeader(id, CompactType.Binary);
        String(value);
    }

    /// <summary>Starts a struct-valued field; close it with <see cref="EndStruct"/>.</summary>
    public void BeginStructField(short id)
    {
        FieldHeader(id, CompactType.Struct);
        BeginStruct();
    }

    /// <summary>Starts a struct that is a list element or the top-level value.</summary>
    public void BeginStruct()
    {
        _lastIds.Push(_lastId);
        _lastId = 0;
    }

    public void EndStruct()
    {
        Output.WriteByte(CompactType.Stop);
        _lastId = _lastIds.Pop();
    }

    public void FieldListHeader(short id, byte elementType, int count)
    {
        FieldHeader(id, CompactType.List);
        ListHeader(elementType, count);
    }

    public void ListHeader(byte elementType, int count)
    {
        if (count < 15)
        {
            Output.WriteByte((byte)((count << 4) | elementType));
        }
        else
        {
            Output.WriteByte((byte)(0xF0 | elementType));
            Output.WriteUnsignedVarInt((uint)count);
        }
    }

    public void I32(int value) => Output.WriteUnsignedVarInt(ZigZag(value));

    public void Binary(ReadOnlySpan<byte> value)
    {
        Output.WriteUnsignedVarInt((uint)value.Length);
        Output.Write(value);
    }

    public void String(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        Output.WriteUnsignedVarInt((uint)count);
        var span = Output.GetSpan(count);
        Output.Advance(Encoding.UTF8.GetBytes(value, span));
    }

    private void FieldHeader(short id, byte type)
    {
        var delta = id - _lastId;
        if (delta is > 0 and <= 15)
        {
            Output.WriteByte((byte)((delta << 4) | type));
        }
        else
        {
            Output.WriteByte(type);
            Output.WriteUnsignedVarInt(ZigZag(id));
        }

        _lastId = id;
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static uint ZigZag(int value) => (uint)((value << 1) ^ (value >> 31));
}
