using System.Reflection;
using CurationPipeline.Parquet.Format;
using CurationPipeline.Parquet.Schema;

namespace CurationPipeline.Parquet.Mapping;

/// <summary>Chooses the column layout and converter for a property type.</summary>
internal static class BindingFactory
{
    public static ColumnBinding<T> Create<T>(PropertyInfo property, string name, NullabilityInfo nullability, int leaf)
        where T : new()
    {
        var type = property.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type);
        var optional = underlying is not null || (!type.IsValueType && nullability.ReadState != NullabilityState.NotNull);
        var element = ListElement(type);
        if (element is not null)
        {
            if (element != typeof(string) && element != typeof(int) && element != typeof(long) && element != typeof(double))
            {
                throw Unsupported<T>(property, $"a list of {element.Name}");
            }

            var elementNullability = type.IsArray ? nullability.ElementType : nullability.GenericTypeArguments.FirstOrDefault();
            var elementOptional = element == typeof(string) && elementNullability?.ReadState != NullabilityState.NotNull;
            var (elementType, elementLogical, elementConverted) = Physical(element);
            var listDescriptor = new ColumnDescriptor
            {
                Name = name,
                Path = [name, "list", "element"],
                Type = elementType,
                Logical = elementLogical,
                Converted = elementConverted,
                IsOptional = optional,
                ElementOptional = elementOptional,
                ListNullBelow = optional ? 1 : 0,
                ElementDef = optional ? 2 : 1,
                MaxDef = (optional ? 2 : 1) + (elementOptional ? 1 : 0),
                MaxRep = 1,
                LeafIndex = leaf,
            };
            var listGetter = Invoke<T>(nameof(RowSchema<T>.Getter), typeof(IReadOnlyList<>).MakeGenericType(element), property);
            var listSetter = Invoke<T>(nameof(RowSchema<T>.Setter), typeof(List<>).MakeGenericType(element), property);
            return (ColumnBinding<T>)Activator.CreateInstance(
                typeof(ListBinding<,>).MakeGenericType(typeof(T), element), listDescriptor, property.Name, listGetter, listSetter)!;
        }

        var core = underlying ?? type;
        Type stored;
        Type converter;
        if (core.IsEnum)
        {
            stored = typeof(string);
            converter = (underlying is null ? typeof(EnumConverter<>) : typeof(NullableEnumConverter<>)).MakeGenericType(core);
        }
        else if (core == typeof(DateTime))
        {
            stored = typeof(long);
            converter = underlying is null ? typeof(DateTimeConverter) : typeof(NullableDateTimeConverter);
        }
        else if (core == typeof(DateTimeOffset))
        {
            stored = typeof(long);
            converter = underlying is null ? typeof(DateTimeOffsetConverter) : typeof(NullableDateTimeOffsetConverter);
        }
        else if (core == typeof(string) || core == typeof(int) || core == typeof(long) || core == typeof(double) || core == typeof(bool))
        {
            stored = core;
            converter = (underlying is null ? typeof(IdentityConverter<>) : typeof(NullableConverter<>)).MakeGenericType(core);
        }
        else
        {
            throw Unsupported<T>(property, type.Name);
        }

        var (physical, logical, converted) = core == typeof(DateTime) || core == typeof(DateTimeOffset)
            ? (PhysicalType.Int64, LogicalType.TimestampMicrosUtc, ConvertedType.TimestampMicros)
            : Physical(stored);
        var descriptor = new ColumnDescriptor
        {
            Name = name,
            Path = [name],
            Type = physical,
            Logical = logical,
            Converted = converted,
            IsOptional = optional,
            MaxDef = optional ? 1 : 0,
            LeafIndex = leaf,
        };
        var getter = Invoke<T>(nameof(RowSchema<T>.Getter), type, property);
        var setter = Invoke<T>(nameof(RowSchema<T>.Setter), type, property);
        return (ColumnBinding<T>)Activator.CreateInstance(
            typeof(ScalarBinding<,,>).MakeGenericType(typeof(T), type, stored), descriptor, property.Name, getter, setter, Activator.CreateInstance(converter))!;
    }

    private static (PhysicalType, LogicalType?, ConvertedType?) Physical(Type stored) =>
        stored == typeof(string) ? (PhysicalType.ByteArray, LogicalType.String, ConvertedType.Utf8)
        : stored == typeof(int) ? (PhysicalType.Int32, null, null)
        : stored == typeof(long) ? (PhysicalType.Int64, null, null)
        : stored == typeof(double) ? (PhysicalType.Double, null, null)
        : (PhysicalType.Boolean, null, null);

    private static Type? ListElement(Type type)
    {
        if (type.IsArray && type.GetArrayRank() == 1)
        {
            return type.GetElementType();
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(List<>) || definition == typeof(IReadOnlyList<>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        return null;
    }

    private static object Invoke<T>(string method, Type argument, PropertyInfo property)
        where T : new() =>
        typeof(RowSchema<T>).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(argument).Invoke(null, [property])!;

    private static ParquetException Unsupported<T>(PropertyInfo property, string what) =>
        new($"type {typeof(T).Name}: property {property.Name} is {what}, which the Parquet mapping does not support (string, int, long, double, bool, DateTime, DateTimeOffset, enums, their nullable forms, and lists of string, int, long or double)");
}
