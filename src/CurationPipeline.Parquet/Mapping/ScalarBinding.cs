using CurationPipeline.Parquet.Reading;
using CurationPipeline.Parquet.Schema;
using CurationPipeline.Parquet.Writing;

namespace CurationPipeline.Parquet.Mapping;

/// <summary>A flat property: TProp on the row, TStored in the column (string, int, long, double or bool).</summary>
internal sealed class ScalarBinding<T, TProp, TStored>(
    ColumnDescriptor descriptor,
    string propertyName,
    Func<T, TProp> getter,
    Action<T, TProp> setter,
    ValueConverter<TProp, TStored> converter) : ColumnBinding<T>(descriptor, propertyName)
{
    private Func<T, TProp> Get { get; } = getter;

    private Action<T, TProp> Set { get; } = setter;

    private ValueConverter<TProp, TStored> Converter { get; } = converter;

    public override ColumnAppender<T> CreateAppender(ParquetWriteOptions options) => new Appender(this, CreateWriter(options));

    public override ColumnAssigner<T> CreateAssigner(ColumnDescriptor fileColumn, ColumnData data, string file)
    {
        if (fileColumn.IsList)
        {
            throw new ParquetException($"{file}: column '{fileColumn.Name}' is a list, property {PropertyName} is not");
        }

        if (Converter.IsTimestamp)
        {
            if (!data.IsTimestamp)
            {
                throw new ParquetException($"{file}: column '{fileColumn.Name}' is not a timestamp, property {PropertyName} is");
            }

            data.NormalizeTimestampsToMicros();
        }

        return new Assigner(this, data, data.GetValues<TStored>());
    }

    private sealed class Appender(ScalarBinding<T, TProp, TStored> binding, ColumnWriter writer) : ColumnAppender<T>(writer)
    {
        private readonly IValueSink<TStored> _sink = (IValueSink<TStored>)writer;

        public override void Append(T row, long rowIndex)
        {
            var value = binding.Get(row);
            if (binding.Converter.IsNull(value))
            {
                if (!binding.Descriptor.IsOptional)
                {
                    throw binding.NullInRequired(rowIndex);
                }

                _sink.AddNull(0, 0);
                return;
            }

            _sink.Add(binding.Converter.ToStored(value), 0);
        }
    }

    private sealed class Assigner(ScalarBinding<T, TProp, TStored> binding, ColumnData data, TStored[] values) : ColumnAssigner<T>
    {
        private readonly byte[]? _defs = data.Defs;
        private readonly int _maxDef = data.Column.MaxDef;
        private int _level;
        private int _value;

        public override void Assign(T row, long rowIndex)
        {
            if (_defs is not null)
            {
                if (_level >= data.LevelCount)
                {
                    throw data.Corrupt($"the levels end before row {rowIndex}");
                }

                if (_defs[_level++] != _maxDef)
                {
                    if (!binding.Converter.CanBeNull)
                    {
                        throw new ParquetException($"{data.File}: column '{data.Column.Name}', row {rowIndex}: null cannot be stored in property {binding.PropertyName}");
                    }

                    binding.Set(row, default!);
                    return;
                }
            }

            if (_value >= data.ValueCount)
            {
                throw data.Corrupt($"the values end before row {rowIndex}");
            }

            try
            {
                binding.Set(row, binding.Converter.FromStored(values[_value++]));
            }
            catch (ParquetException e)
            {
                throw new ParquetException($"{data.File}: column '{data.Column.Name}', row {rowIndex}: {e.Message}", e);
            }
        }
    }
}
