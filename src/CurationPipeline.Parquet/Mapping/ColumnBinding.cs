using CurationPipeline.Parquet.Format;
using CurationPipeline.Parquet.Reading;
using CurationPipeline.Parquet.Schema;
using CurationPipeline.Parquet.Writing;

namespace CurationPipeline.Parquet.Mapping;

/// <summary>One property of a row type mapped to one column; shared by all writers and readers of the type.</summary>
internal abstract class ColumnBinding<T>(ColumnDescriptor descriptor, string propertyName)
{
    public ColumnDescriptor Descriptor { get; } = descriptor;

    public string PropertyName { get; } = propertyName;

    /// <summary>Creates the column writer and the per-writer adapter that feeds it from rows.</summary>
    public abstract ColumnAppender<T> CreateAppender(ParquetWriteOptions options);

    /// <summary>Creates the adapter that assigns one row group's decoded values to rows.</summary>
    public abstract ColumnAssigner<T> CreateAssigner(ColumnDescriptor fileColumn, ColumnData data, string file);

    public ColumnWriter CreateWriter(ParquetWriteOptions options)
    {
        var dictionary = options.DictionaryEncoding;
        ColumnWriter writer = Descriptor.Type switch
        {
            PhysicalType.ByteArray => new ByteArrayColumnWriter(Descriptor, dictionary),
            PhysicalType.Int32 => new FixedColumnWriter<int>(Descriptor, dictionary),
            PhysicalType.Int64 => new FixedColumnWriter<long>(Descriptor, dictionary),
            PhysicalType.Double => new FixedColumnWriter<double>(Descriptor, dictionary),
            PhysicalType.Boolean => new BooleanColumnWriter(Descriptor),
            _ => throw new InvalidOperationException($"no writer for {Descriptor.Type}"),
        };
        writer.SetPageLayout(options.DataPageV2, options.PageTargetBytes);
        return writer;
    }

    protected ParquetException NullInRequired(long row) =>
        new($"column '{Descriptor.Name}' (property {PropertyName}), row {row}: the value is null but the column is required");
}

/// <summary>Feeds one column writer from rows.</summary>
internal abstract class ColumnAppender<T>(ColumnWriter writer)
{
    public ColumnWriter Writer { get; } = writer;

    public abstract void Append(T row, long rowIndex);
}

/// <summary>Assigns one property of consecutive rows from a decoded column chunk.</summary>
internal abstract class ColumnAssigner<T>
{
    public abstract void Assign(T row, long rowIndex);
}
