namespace CurationPipeline.Parquet;

/// <summary>How <see cref="ParquetWriter{T}"/> lays out a file.</summary>
public sealed class ParquetWriteOptions
{
    /// <summary>Shared default options.</summary>
    internal static ParquetWriteOptions Default { get; } = new();

    /// <summary>Page compression; Snappy unless told otherwise.</summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>Rows per row group. A row group is also closed early when its buffered values pass 128 MiB.</summary>
    public int RowGroupSize { get; init; } = 50_000;

    /// <summary>Key-value metadata written into the footer.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Dictionary-encode columns whose distinct values stay small; falls back to PLAIN per column chunk.</summary>
    public bool DictionaryEncoding { get; init; } = true;

    /// <summary>Write DATA_PAGE_V2 pages instead of v1 pages; used to prove the reader against DuckDB.</summary>
    internal bool DataPageV2 { get; init; }

    /// <summary>Target size of a data page's values before compression; smaller in tests to get many pages per chunk.</summary>
    internal int PageTargetBytes { get; init; } = 1 << 16;
}
