using CurationPipeline.Parquet.Thrift;

namespace CurationPipeline.Parquet.Format;

/// <summary>The parquet.thrift LogicalType union, reduced to what readers of this codec need.</summary>
internal sealed record LogicalType(LogicalKind Kind, TimeUnit Unit = TimeUnit.Micros, bool IsAdjustedToUtc = false, int BitWidth = 0, bool IsSigned = true, int Scale = 0, int Precision = 0)
{
    public static readonly LogicalType String = new(LogicalKind.String);
    public static readonly LogicalType List = new(LogicalKind.List);
    public static readonly LogicalType TimestampMicrosUtc = new(LogicalKind.Timestamp, TimeUnit.Micros, IsAdjustedToUtc: true);

    public override string ToString() => Kind switch
    {
        LogicalKind.Timestamp => $"TIMESTAMP({Unit.ToString().ToUpperInvariant()},{(IsAdjustedToUtc ? "UTC" : "LOCAL")})",
        LogicalKind.Time => $"TIME({Unit.ToString().ToUpperInvariant()},{(IsAdjustedToUtc ? "UTC" : "LOCAL")})",
        LogicalKind.Integer => $"INT({BitWidth},{(IsSigned ? "signed" : "unsigned")})",
        LogicalKind.Decimal => $"DECIMAL({Precision},{Scale})",
        _ => Kind.ToString().ToUpperInvariant(),
    };

    /// <summary>Writes the union's member; the caller has opened the LogicalType field and closes it.</summary>
    public void Write(CompactWriter w)
    {
        w.BeginStructField((short)Kind);
        if (Kind == LogicalKind.Timestamp)
        {
            w.FieldBool(1, IsAdjustedToUtc);
            w.BeginStructField(2);
            w.BeginStructField((short)Unit);
            w.EndStruct();
            w.EndStruct();
        }

        w.EndStruct();
    }

    public static LogicalType Read(CompactReader r)
    {
        var result = new LogicalType(LogicalKind.Other);
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            if (type != CompactType.Struct)
            {
                r.Skip(type);
                continue;
            }

            result = id switch
            {
                (short)LogicalKind.Timestamp or (short)LogicalKind.Time => ReadTime(r, (LogicalKind)id),
                (short)LogicalKind.Integer => ReadInteger(r),
                (short)LogicalKind.Decimal => ReadDecimal(r),
                <= 15 and not 9 => SkipBody(r, new LogicalType((LogicalKind)id)),
                _ => SkipBody(r, new LogicalType(LogicalKind.Other)),
            };
        }

        return result;
    }

    private static LogicalType SkipBody(CompactReader r, LogicalType value)
    {
        r.Skip(CompactType.Struct);
        return value;
    }

    private static LogicalType ReadTime(CompactReader r, LogicalKind kind)
    {
        var utc = false;
        var unit = TimeUnit.Micros;
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            if (id == 1 && type is CompactType.BooleanTrue or CompactType.BooleanFalse)
            {
                utc = CompactReader.BoolFromType(type);
            }
            else if (id == 2 && type == CompactType.Struct)
            {
                r.BeginStruct();
                while (r.NextField(out var unitId, out var unitType))
                {
                    if (unitId is >= 1 and <= 3)
                    {
                        unit = (TimeUnit)unitId;
                    }

                    r.Skip(unitType);
                }
            }
            else
            {
                r.Skip(type);
            }
        }

        return new LogicalType(kind, unit, utc);
    }

    private static LogicalType ReadInteger(CompactReader r)
    {
        int width = 0;
        var signed = true;
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            if (id == 1 && type == CompactType.Byte)
            {
                width = (sbyte)r.ReadRawByte();
            }
            else if (id == 2 && type is CompactType.BooleanTrue or CompactType.BooleanFalse)
            {
                signed = CompactReader.BoolFromType(type);
            }
            else
            {
                r.Skip(type);
            }
        }

        return new LogicalType(LogicalKind.Integer, BitWidth: width, IsSigned: signed);
    }

    private static LogicalType ReadDecimal(CompactReader r)
    {
        int scale = 0, precision = 0;
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            if (id == 1 && type == CompactType.I32)
            {
                scale = r.ReadI32();
            }
            else if (id == 2 && type == CompactType.I32)
            {
                precision = r.ReadI32();
            }
            else
            {
                r.Skip(type);
            }
        }

        return new LogicalType(LogicalKind.Decimal, Scale: scale, Precision: precision);
    }
}
