using CurationPipeline.Parquet.Format;

namespace CurationPipeline.Parquet.Schema;

/// <summary>
/// A top-level column and its single leaf: a flat value or a list of values. Levels follow Dremel:
/// a list entry with definition level below <see cref="ListNullBelow"/> is a null list, below
/// <see cref="ElementDef"/> an empty list; an element's value is present only at <see cref="MaxDef"/>.
/// </summary>
internal sealed class ColumnDescriptor
{
    public required string Name { get; init; }

    public required string[] Path { get; init; }

    public required PhysicalType Type { get; init; }

    public LogicalType? Logical { get; init; }

    public ConvertedType? Converted { get; init; }

    public int TypeLength { get; init; }

    public int MaxDef { get; init; }

    public int MaxRep { get; init; }

    public bool IsOptional { get; init; }

    public bool IsList => MaxRep > 0;

    public bool ElementOptional { get; init; }

    public int ListNullBelow { get; init; }

    public int ElementDef { get; init; }

    /// <summary>Position of the leaf among all leaves of the file, i.e. its column chunk index.</summary>
    public int LeafIndex { get; init; }

    /// <summary>Why the column cannot be read (nested structs, maps); null when it can.</summary>
    public string? Unsupported { get; init; }

    public bool IsString =>
        Type == PhysicalType.ByteArray &&
        (Logical?.Kind is LogicalKind.String or LogicalKind.Enum or LogicalKind.Json ||
         Converted is ConvertedType.Utf8 or ConvertedType.Enum or ConvertedType.Json);

    public string PhysicalTypeName => Type switch
    {
        PhysicalType.ByteArray => "BYTE_ARRAY",
        PhysicalType.FixedLenByteArray => "FIXED_LEN_BYTE_ARRAY",
        _ => Type.ToString().ToUpperInvariant(),
    };

    public string? LogicalTypeName =>
        Logical is { Kind: not LogicalKind.Other } logical ? logical.ToString()
        : Converted switch
        {
            ConvertedType.Utf8 => "STRING",
            ConvertedType.TimestampMicros => "TIMESTAMP(MICROS,UTC)",
            ConvertedType.TimestampMillis => "TIMESTAMP(MILLIS,UTC)",
            ConvertedType.Date => "DATE",
            ConvertedType.Enum => "ENUM",
            ConvertedType.Json => "JSON",
            null => null,
            var other => ConvertedName(other.Value),
        };

    /// <summary>Int32 becomes INT_32, TimeMillis TIME_MILLIS: the spelling of parquet.thrift.</summary>
    private static string ConvertedName(ConvertedType type)
    {
        var name = type.ToString();
        var sb = new System.Text.StringBuilder(name.Length + 2);
        for (var i = 0; i < name.Length; i++)
        {
            var boundary = i > 0 && (char.IsUpper(name[i]) || (char.IsDigit(name[i]) && !char.IsDigit(name[i - 1])));
            if (boundary)
            {
                sb.Append('_');
            }

            sb.Append(char.ToUpperInvariant(name[i]));
        }

        return sb.ToString();
    }
}
