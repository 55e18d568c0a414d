using System.Linq.Expressions;
using System.Reflection;
using CurationPipeline.Parquet.Format;

namespace CurationPipeline.Parquet.Mapping;

/// <summary>The columns of a row type, derived once per type from its public read-write properties.</summary>
internal sealed class RowSchema<T>
    where T : new()
{
    private static readonly Lazy<RowSchema<T>> Cached = new(() => new RowSchema<T>());

    private RowSchema()
    {
        var context = new NullabilityInfoContext();
        var bindings = new List<ColumnBinding<T>>();
        var leaf = 0;
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod?.IsPublic != true || property.SetMethod?.IsPublic != true
                || property.IsDefined(typeof(ParquetIgnoreAttribute)))
            {
                continue;
            }

            var name = property.GetCustomAttribute<ParquetColumnAttribute>()?.Name ?? NameConverter.ToSnakeCase(property.Name);
            if (bindings.Any(b => b.Descriptor.Name == name))
            {
                throw new ParquetException($"type {typeof(T).Name}: two properties map to column '{name}'");
            }

            bindings.Add(BindingFactory.Create<T>(property, name, context.Create(property), leaf++));
        }

        if (bindings.Count == 0)
        {
            throw new ParquetException($"type {typeof(T).Name} has no public read-write properties to store");
        }

        Columns = bindings;
    }

    public static RowSchema<T> Instance => Cached.Value;

    public IReadOnlyList<ColumnBinding<T>> Columns { get; }

    /// <summary>The flattened schema tree for the footer.</summary>
    public List<SchemaElement> BuildSchemaElements()
    {
        var elements = new List<SchemaElement> { new() { Name = "schema", NumChildren = Columns.Count } };
        foreach (var column in Columns.Select(c => c.Descriptor))
        {
            var leafElement = new SchemaElement
            {
                Type = column.Type,
                Name = column.IsList ? "element" : column.Name,
                Repetition = column.IsList
                    ? (column.ElementOptional ? Repetition.Optional : Repetition.Required)
                    : (column.IsOptional ? Repetition.Optional : Repetition.Required),
                LogicalType = column.Logical,
                ConvertedType = column.Converted,
            };
            if (column.IsList)
            {
                elements.Add(new SchemaElement
                {
                    Name = column.Name,
                    Repetition = column.IsOptional ? Repetition.Optional : Repetition.Required,
                    NumChildren = 1,
                    ConvertedType = ConvertedType.List,
                    LogicalType = LogicalType.List,
                });
                elements.Add(new SchemaElement { Name = "list", Repetition = Repetition.Repeated, NumChildren = 1 });
            }

            elements.Add(leafElement);
        }

        return elements;
    }

    /// <summary>Compiles a getter delegate so rows are not read through reflection per value.</summary>
    internal static Func<T, TResult> Getter<TResult>(PropertyInfo property)
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression body = Expression.Property(row, property);
        if (body.Type != typeof(TResult))
        {
            body = Expression.Convert(body, typeof(TResult));
        }

        return Expression.Lambda<Func<T, TResult>>(body, row).Compile();
    }

    /// <summary>Compiles a setter; a List value is turned into an array for array properties.</summary>
    internal static Action<T, TValue> Setter<TValue>(PropertyInfo property)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var value = Expression.Parameter(typeof(TValue), "value");
        Expression assigned = value;
        if (property.PropertyType.IsArray && typeof(TValue) != property.PropertyType)
        {
            assigned = Expression.Condition(
                Expression.Equal(value, Expression.Constant(null, typeof(TValue))),
                Expression.Constant(null, property.PropertyType),
                Expression.Call(value, typeof(TValue).GetMethod("ToArray")!));
        }
        else if (assigned.Type != property.PropertyType)
        {
            assigned = Expression.Convert(assigned, property.PropertyType);
        }

        return Expression.Lambda<Action<T, TValue>>(Expression.Assign(Expression.Property(row, property), assigned), row, value).Compile();
    }
}
