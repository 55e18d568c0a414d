namespace CurationPipeline.Parquet;

/// <summary>Gives a property's column an explicit name instead of the snake_case of the property name.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ParquetColumnAttribute(string name) : Attribute
{
    /// <summary>The column name in the file.</summary>
    public string Name { get; } = name;
}
