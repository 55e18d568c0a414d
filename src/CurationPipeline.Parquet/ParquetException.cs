namespace CurationPipeline.Parquet;

/// <summary>A Parquet file could not be read or written; the message names the file and, where known, the column and feature.</summary>
public class ParquetException : Exception
{
    public ParquetException(string message) : base(message) { }

    public ParquetException(string message, Exception inner) : base(message, inner) { }
}
