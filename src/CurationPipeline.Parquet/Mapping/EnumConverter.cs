namespace CurationPipeline.Parquet.Mapping;

/// <summary>Enums are stored as their names (STRING) and read back by name.</summary>
internal sealed class EnumConverter<TEnum> : ValueConverter<TEnum, string>
    where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> _names = Enum.GetValues<TEnum>().Distinct().ToDictionary(v => v, v => v.ToString());
    private readonly Dictionary<string, TEnum> _values = Enum.GetNames<TEnum>().ToDictionary(n => n, Enum.Parse<TEnum>, StringComparer.Ordinal);

    public override bool CanBeNull => false;

    public override bool IsNull(TEnum value) => false;

    public override string ToStored(TEnum value) => _names.TryGetValue(value, out var name) ? name : value.ToString();

    public override TEnum FromStored(string value) => Parse(value);

    public TEnum Parse(string value)
    {
        if (_values.TryGetValue(value, out var result) || Enum.TryParse(value, ignoreCase: true, out result))
        {
            return result;
        }

        throw new ParquetException($"'{value}' is not a name of {typeof(TEnum).Name}");
    }
}

/// <summary>Nullable enums.</summary>
internal sealed class NullableEnumConverter<TEnum> : ValueConverter<TEnum?, string>
    where TEnum : struct, Enum
{
    private readonly EnumConverter<TEnum> _inner = new();

    public override bool IsNull(TEnum? value) => !value.HasValue;

    public override string ToStored(TEnum? value) => _inner.ToStored(value.GetValueOrDefault());

    public override TEnum? FromStored(string value) => _inner.Parse(value);
}
