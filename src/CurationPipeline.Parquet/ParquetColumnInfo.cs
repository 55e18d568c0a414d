namespace CurationPipeline.Parquet;

/// <summary>
/// One top-level column of a file. For a LIST column the types are those of the list's element;
/// <see cref="Encodings"/> and <see cref="Compression"/> are the distinct values over all row groups, comma-separated.
/// </summary>
public sealed record ParquetColumnInfo(
    string Name,
    string PhysicalType,
    string? LogicalType,
    bool IsOptional,
    bool IsList,
    string Encodings,
    string Compression);
