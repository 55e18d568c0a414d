namespace CurationPipeline.Parquet.Mapping;

/// <summary>string and the plain value types: no conversion.</summary>
internal sealed class IdentityConverter<TValue> : ValueConverter<TValue, TValue>
{
    public override bool CanBeNull => !typeof(TValue).IsValueType;

    public override bool IsNull(TValue value) => value is null;

    public override TValue ToStored(TValue value) => value;

    public override TValue FromStored(TValue value) => value;
}

/// <summary>int?, long?, double?, bool?.</summary>
internal sealed class NullableConverter<TValue> : ValueConverter<TValue?, TValue>
    where TValue : struct
{
    public override bool IsNull(TValue? value) => !value.HasValue;

    public override TValue ToStored(TValue? value) => value.GetValueOrDefault();

    public override TValue? FromStored(TValue value) => value;
}

/// <summary>DateTime as TIMESTAMP(MICROS, UTC): local times are converted to UTC, unspecified ones taken as UTC.</summary>
internal sealed class DateTimeConverter : ValueConverter<DateTime, long>
{
    public override bool CanBeNull => false;

    public override bool IsTimestamp => true;

    public override bool IsNull(DateTime value) => false;

    public override long ToStored(DateTime value) => ToMicros(value);

    public override DateTime FromStored(long value) => FromMicros(value);

    public static long ToMicros(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        return (utc.Ticks - DateTime.UnixEpoch.Ticks) / 10;
    }

    public static DateTime FromMicros(long micros)
    {
        var ticks = DateTime.UnixEpoch.Ticks + (micros * 10);
        if (micros is < -62_135_596_800_000_000L or > 253_402_300_799_999_999L)
        {
            throw new ParquetException($"timestamp {micros} µs since 1970 is outside the range of DateTime");
        }

        return new DateTime(ticks, DateTimeKind.Utc);
    }
}

/// <summary>DateTime? as an optional TIMESTAMP.</summary>
internal sealed class NullableDateTimeConverter : ValueConverter<DateTime?, long>
{
    public override bool IsTimestamp => true;

    public override bool IsNull(DateTime? value) => !value.HasValue;

    public override long ToStored(DateTime? value) => DateTimeConverter.ToMicros(value.GetValueOrDefault());

    public override DateTime? FromStored(long value) => DateTimeConverter.FromMicros(value);
}

/// <summary>DateTimeOffset as TIMESTAMP(MICROS, UTC); read back with offset zero.</summary>
internal sealed class DateTimeOffsetConverter : ValueConverter<DateTimeOffset, long>
{
    public override bool CanBeNull => false;

    public override bool IsTimestamp => true;

    public override bool IsNull(DateTimeOffset value) => false;

    public override long ToStored(DateTimeOffset value) => DateTimeConverter.ToMicros(value.UtcDateTime);

    public override DateTimeOffset FromStored(long value) => new(DateTimeConverter.FromMicros(value));
}

/// <summary>DateTimeOffset? as an optional TIMESTAMP.</summary>
internal sealed class NullableDateTimeOffsetConverter : ValueConverter<DateTimeOffset?, long>
{
    public override bool IsTimestamp => true;

    public override bool IsNull(DateTimeOffset? value) => !value.HasValue;

    public override long ToStored(DateTimeOffset? value) => DateTimeConverter.ToMicros(value.GetValueOrDefault().UtcDateTime);

    public override DateTimeOffset? FromStored(long value) => new DateTimeOffset(DateTimeConverter.FromMicros(value));
}
