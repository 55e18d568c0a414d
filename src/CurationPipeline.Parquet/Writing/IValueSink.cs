namespace CurationPipeline.Parquet.Writing;

/// <summary>A column writer that accepts present values of one stored type.</summary>
internal interface IValueSink<in TStored>
{
    /// <summary>Adds a present value at the column's maximum definition level.</summary>
    void Add(TStored value, int rep);

    /// <summary>Adds a null (or a null / empty list) at the given levels.</summary>
    void AddNull(int def, int rep);
}
