namespace CurationPipeline.Parquet;

/// <summary>The page compression codec the writer uses.</summary>
public enum ParquetCompression
{
    /// <summary>Pages are stored as they are.</summary>
    None,

    /// <summary>Snappy (the default): fast, moderate ratio.</summary>
    Snappy,

    /// <summary>GZIP (RFC 1952): slower, smaller.</summary>
    Gzip,
}
