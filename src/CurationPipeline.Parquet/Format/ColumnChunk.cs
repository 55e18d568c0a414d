namespace CurationPipeline.Parquet.Format;

/// <summary>One column's chunk inside a row group.</summary>
internal sealed class ColumnChunk
{
    public string? FilePath { get; set; }

    public long FileOffset { get; set; }

    public ColumnMetaData? MetaData { get; set; }
}
