using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CurationPipeline.Parquet.Tests.Interop;

/// <summary>Checks a reader's view of a column chunk's statistics against the statistics of its values.</summary>
public static class StatisticsAssert
{
    public static void ParquetSharp(InteropColumn column, IReadOnlyList<AllTypesRow> rows, global::ParquetSharp.ColumnChunkMetaData chunk, string where)
    {
        var expected = ExpectedStatistics.Of(column, rows);
        Assert.True(chunk.IsStatsSet, $"{where}: ParquetSharp sees no statistics");
        var stats = chunk.Statistics!;
        Assert.True(expected.NullCount == stats.NullCount, $"{where}: null_count {stats.NullCount}, the data has {expected.NullCount}");
        Assert.True((expected.Min is not null) == stats.HasMinMax, $"{where}: ParquetSharp has min/max {stats.HasMinMax}, expected {expected.Min is not null}");
        if (stats.HasMinMax)
        {
            Bound(expected.Min, SharpValue(stats.MinUntyped), $"{where}: min");
            Bound(expected.Max, SharpValue(stats.MaxUntyped), $"{where}: max");
        }
    }

    public static void ParquetNet(InteropColumn column, IReadOnlyList<AllTypesRow> rows, global::Parquet.Data.DataColumnStatistics? stats, string where)
    {
        var expected = ExpectedStatistics.Of(column, rows);
        Assert.True(stats is not null, $"{where}: Parquet.Net sees no statistics");
        Assert.True(expected.NullCount == stats.NullCount, $"{where}: null_count {stats.NullCount}, the data has {expected.NullCount}");
        Assert.True((expected.Min is not null) == (stats.MinValue is not null), $"{where}: Parquet.Net's min is {stats.MinValue ?? "null"}, expected {expected.Min ?? "null"}");
        Bound(expected.Min, stats.MinValue, $"{where}: min");
        Bound(expected.Max, stats.MaxValue, $"{where}: max");
    }

    /// <summary>One row of DuckDB's <c>parquet_metadata()</c>: bounds as text in the column's type.</summary>
    public static void DuckDb(InteropColumn column, IReadOnlyList<AllTypesRow> rows, JsonElement chunk, string where)
    {
        var expected = ExpectedStatistics.Of(column, rows);
        Assert.True(expected.NullCount == JsonCompare.AsLong(chunk.GetProperty("stats_null_count")), $"{where}: DuckDB's null_count is {chunk.GetProperty("stats_null_count")}, the data has {expected.NullCount}");
        Assert.True((expected.Min is not null) == (chunk.GetProperty("stats_min_value").ValueKind != JsonValueKind.Null), $"{where}: DuckDB's bounds are {chunk}, expected {expected.Min ?? "none"}");
        if (expected.Min is not null)
        {
            DuckDbBound(expected.Min, chunk.GetProperty("stats_min_value"), $"{where}: min");
            DuckDbBound(expected.Max!, chunk.GetProperty("stats_max_value"), $"{where}: max");
        }
    }

    private static void DuckDbBound(object expected, JsonElement text, string where)
    {
        // DuckDB shows no bound for an infinite double, in its own files too.
        if (expected is double d && double.IsInfinity(d) && text.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        Assert.True(text.ValueKind == JsonValueKind.String, $"{where}: DuckDB shows {text}, the data has {expected}");
        Bound(expected, DuckDbValue(expected, text.GetString()!), where);
    }

    /// <summary>A bound as read against the expected one: numbers by value (so -0.0 equals 0.0), timestamps by instant.</summary>
    private static void Bound(object? expected, object? actual, string where)
    {
        var same = (expected, actual) switch
        {
            (null, null) => true,
            (DateTime e, DateTime a) => e.Ticks == a.Ticks,
            (DateTime e, long micros) => ExpectedStatistics.Micros(e) == micros,
            (DateTime e, DateTimeOffset a) => e.Ticks == a.UtcTicks,
            (double e, double a) => e == a,
            (int or long, int or long) => Convert.ToInt64(expected, CultureInfo.InvariantCulture) == Convert.ToInt64(actual, CultureInfo.InvariantCulture),
            _ => Equals(expected, actual),
        };
        Assert.True(same, $"{where}: read {actual ?? "null"} ({actual?.GetType().Name}), the data has {expected ?? "null"}");
    }

    private static object? SharpValue(object? value) => value switch
    {
        global::ParquetSharp.ByteArray bytes => Utf8(bytes),
        _ => value,
    };

    private static string Utf8(global::ParquetSharp.ByteArray bytes)
    {
        var copy = new byte[bytes.Length];
        Marshal.Copy(bytes.Pointer, copy, 0, bytes.Length);
        return Encoding.UTF8.GetString(copy);
    }

    private static object DuckDbValue(object like, string text) => like switch
    {
        string => text,
        int or long => long.Parse(text, CultureInfo.InvariantCulture),
        double => double.Parse(text, CultureInfo.InvariantCulture),
        bool => bool.Parse(text),
        DateTime => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"no DuckDB bound for {like.GetType().Name}"),
    };
}
