namespace CurationPipeline.Parquet;

/// <summary>The property is neither written nor read.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ParquetIgnoreAttribute : Attribute
{
}
