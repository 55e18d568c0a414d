using System.Runtime.InteropServices;
using CurationPipeline.Parquet.Reading;
using CurationPipeline.Parquet.Schema;
using CurationPipeline.Parquet.Writing;

namespace CurationPipeline.Parquet.Mapping;

/// <summary>A List&lt;TElem&gt;, TElem[] or IReadOnlyList&lt;TElem&gt; property as a three-level LIST column.</summary>
internal sealed class ListBinding<T, TElem>(
    ColumnDescriptor descriptor,
    string propertyName,
    Func<T, IReadOnlyList<TElem>?> getter,
    Action<T, List<TElem>?> setter) : ColumnBinding<T>(descriptor, propertyName)
{
    private Func<T, IReadOnlyList<TElem>?> Get { get; } = getter;

    private Action<T, List<TElem>?> Set { get; } = setter;

    public override ColumnAppender<T> CreateAppender(ParquetWriteOptions options) => new Appender(this, CreateWriter(options));

    public override ColumnAssigner<T> CreateAssigner(ColumnDescriptor fileColumn, ColumnData data, string file)
    {
        if (!fileColumn.IsList)
        {
            throw new ParquetException($"{file}: column '{fileColumn.Name}' is not a list, property {PropertyName} is");
        }

        return new Assigner(this, data, data.GetValues<TElem>());
    }

    private sealed class Appender(ListBinding<T, TElem> binding, ColumnWriter writer) : ColumnAppender<T>(writer)
    {
        private readonly IValueSink<TElem> _sink = (IValueSink<TElem>)writer;
        private readonly ColumnDescriptor _column = binding.Descriptor;

        public override void Append(T row, long rowIndex)
        {
            var list = binding.Get(row);
            if (list is null)
            {
                if (!_column.IsOptional)
                {
                    throw binding.NullInRequired(rowIndex);
                }

                _sink.AddNull(0, 0);
                return;
            }

            if (list.Count == 0)
            {
                _sink.AddNull(_column.ElementDef - 1, 0);
                return;
            }

            switch (list)
            {
                case List<TElem> concrete:
                    AppendSpan(CollectionsMarshal.AsSpan(concrete), rowIndex);
                    break;
                case TElem[] array:
                    AppendSpan(array, rowIndex);
                    break;
                default:
                    for (var i = 0; i < list.Count; i++)
                    {
                        AppendElement(list[i], i == 0 ? 0 : 1, rowIndex);
                    }

                    break;
            }
        }

        private void AppendSpan(ReadOnlySpan<TElem> items, long rowIndex)
        {
            for (var i = 0; i < items.Length; i++)
            {
                AppendElement(items[i], i == 0 ? 0 : 1, rowIndex);
            }
        }

        private void AppendElement(TElem item, int rep, long rowIndex)
        {
            if (item is null)
            {
                if (!_column.ElementOptional)
                {
                    throw new ParquetException($"column '{_column.Name}' (property {binding.PropertyName}), row {rowIndex}: a list element is null but the elements are required");
                }

                _sink.AddNull(_column.MaxDef - 1, rep);
                return;
            }

            _sink.Add(item, rep);
        }
    }

    private sealed class Assigner(ListBinding<T, TElem> binding, ColumnData data, TElem[] values) : ColumnAssigner<T>
    {
        private readonly ColumnDescriptor _column = data.Column;
        private readonly byte[] _defs = data.Defs!;
        private readonly byte[] _reps = data.Reps!;
        private int _level;
        private int _value;

        public override void Assign(T row, long rowIndex)
        {
            if (_level >= data.LevelCount)
            {
                throw data.Corrupt($"the levels end before row {rowIndex}");
            }

            var def = _defs[_level];
            if (def < _column.ElementDef)
            {
                _level++;
                if (def < _column.ListNullBelow)
                {
                    if (!binding.Descriptor.IsOptional)
                    {
                        throw new ParquetException($"{data.File}: column '{_column.Name}', row {rowIndex}: a null list cannot be stored in the non-nullable property {binding.PropertyName}");
                    }

                    binding.Set(row, null);
                }
                else
                {
                    binding.Set(row, []);
                }

                return;
            }

            var start = _level;
            do
            {
                _level++;
            }
            while (_level < data.LevelCount && _reps[_level] > 0);
            var list = new List<TElem>(_level - start);
            for (var i = start; i < _level; i++)
            {
                if (_defs[i] == _column.MaxDef)
                {
                    if (_value >= data.ValueCount)
                    {
                        throw data.Corrupt($"the values end before row {rowIndex}");
                    }

                    list.Add(values[_value++]);
                }
                else if (default(TElem) is null)
                {
                    list.Add(default!);
                }
                else
                {
                    throw new ParquetException($"{data.File}: column '{_column.Name}', row {rowIndex}: a null list element cannot be stored in property {binding.PropertyName}");
                }
            }

            binding.Set(row, list);
        }
    }
}
