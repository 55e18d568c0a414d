using ParquetSharp;

namespace CurationPipeline.Parquet.Tests.Interop;

/// <summary>
/// The columns of <see cref="AllTypesRow"/> as the codec writes them, each with the value a row holds in the
/// type ParquetSharp reads and writes it as, so one list drives writing, reading and comparing with every library.
/// </summary>
public abstract class InteropColumn(string name, bool isTimestamp)
{
    public string Name { get; } = name;

    public bool IsTimestamp { get; } = isTimestamp;

    /// <summary>The row's value: string, int, long, double, bool, DateTime (UTC) or an array of one of them; null for null.</summary>
    public abstract object? Value(AllTypesRow row);

    /// <summary>The ParquetSharp column declaration (its default nullability for the type).</summary>
    public abstract Column Declare();

    public abstract void Write(RowGroupWriter group, IReadOnlyList<AllTypesRow> rows);

    /// <summary>Reads this column of a row group with ParquetSharp's logical reader.</summary>
    public abstract object?[] Read(RowGroupReader group, int index, int rows);
}

public sealed class InteropColumn<T>(string name, Func<AllTypesRow, T> get, LogicalType? logical = null)
    : InteropColumn(name, logical is not null)
{
    public override object? Value(AllTypesRow row) => get(row);

    public override Column Declare() => new Column<T>(Name, logical);

    public override void Write(RowGroupWriter group, IReadOnlyList<AllTypesRow> rows)
    {
        using var writer = group.NextColumn().LogicalWriter<T>();
        writer.WriteBatch(rows.Select(get).ToArray());
    }

    public override object?[] Read(RowGroupReader group, int index, int rows)
    {
        using var reader = group.Column(index).LogicalReader<T>();
        return reader.ReadAll(rows).Select(v => (object?)v).ToArray();
    }
}

public static class InteropColumns
{
    private static readonly LogicalType Micros = LogicalType.Timestamp(isAdjustedToUtc: true, TimeUnit.Micros);

    /// <summary>Every column of <see cref="AllTypesRow"/>, in the codec's schema order.</summary>
    public static IReadOnlyList<InteropColumn> All { get; } =
    [
        new InteropColumn<string>("id", r => r.Id),
        new InteropColumn<string?>("note", r => r.Note),
        new InteropColumn<int>("count", r => r.Count),
        new InteropColumn<int?>("maybe_count", r => r.MaybeCount),
        new InteropColumn<long>("big", r => r.Big),
        new InteropColumn<long?>("maybe_big", r => r.MaybeBig),
        new InteropColumn<double>("score", r => r.Score),
        new InteropColumn<double?>("maybe_score", r => r.MaybeScore),
        new InteropColumn<bool>("flag", r => r.Flag),
        new InteropColumn<bool?>("maybe_flag", r => r.MaybeFlag),
        new InteropColumn<DateTime>("created_at", r => r.CreatedAt, Micros),
        new InteropColumn<DateTime?>("reviewed_at", r => r.ReviewedAt?.UtcDateTime, Micros),
        new InteropColumn<string>("difficulty", r => r.Difficulty.ToString()),
        new InteropColumn<string?>("maybe_level", r => r.MaybeLevel?.ToString()),
        new InteropColumn<string[]>("tags", r => [.. r.Tags]),
        new InteropColumn<string[]?>("maybe_tags", r => r.MaybeTags?.ToArray()),
        new InteropColumn<int[]>("numbers", r => r.Numbers),
        new InteropColumn<long[]?>("longs", r => r.Longs?.ToArray()),
        new InteropColumn<double[]?>("doubles", r => r.Doubles?.ToArray()),
        new InteropColumn<string>("renamed", r => r.PrimaryDimension),
        new InteropColumn<string?[]?>("terms", r => r.Terms?.ToArray()),
    ];

    public static InteropColumn Named(string name) => All.Single(c => c.Name == name);
}
