namespace CurationPipeline.Parquet.Mapping;

/// <summary>Converts a property value to the stored column value and back.</summary>
internal abstract class ValueConverter<TProp, TStored>
{
    /// <summary>Whether the property type can hold null (reference types, Nullable&lt;T&gt;).</summary>
    public virtual bool CanBeNull => true;

    /// <summary>Whether the column is a TIMESTAMP (values in microseconds).</summary>
    public virtual bool IsTimestamp => false;

    public abstract bool IsNull(TProp value);

    public abstract TStored ToStored(TProp value);

    public abstract TProp FromStored(TStored value);
}
