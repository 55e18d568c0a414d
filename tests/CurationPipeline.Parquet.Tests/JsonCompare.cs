using System.Globalization;
using System.Text.Json;

namespace CurationPipeline.Parquet.Tests;

/// <summary>Compares a value read by the codec with DuckDB's JSON rendering of the same value.</summary>
internal static class JsonCompare
{
    public static void Equal(object? expected, JsonElement actual, string where)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual.ValueKind == JsonValueKind.Null, $"{where}: expected null, DuckDB has {actual}");
                break;
            case string s:
                Assert.True(actual.ValueKind == JsonValueKind.String && actual.GetString() == s, $"{where}: strings differ");
                break;
            case bool b:
                Assert.True(actual.ValueKind == (b ? JsonValueKind.True : JsonValueKind.False), $"{where}: expected {b}, DuckDB has {actual}");
                break;
            case int or long:
                Assert.True(Convert.ToInt64(expected, CultureInfo.InvariantCulture) == AsLong(actual), $"{where}: expected {expected}, DuckDB has {actual}");
                break;
            case double d:
                Assert.True(BitConverter.DoubleToInt64Bits(AsDouble(actual)) == BitConverter.DoubleToInt64Bits(d), $"{where}: expected {d:R}, DuckDB has {actual}");
                break;
            case DateTime t:
                Assert.True((t.Ticks - DateTime.UnixEpoch.Ticks) / 10 == AsLong(actual), $"{where}: expected {t:O}, DuckDB has {actual}");
                break;
            case DateTimeOffset o:
                Equal(o.UtcDateTime, actual, where);
                break;
            case Enum e:
                Equal(e.ToString(), actual, where);
                break;
            case System.Collections.IEnumerable list:
                Assert.True(actual.ValueKind == JsonValueKind.Array, $"{where}: expected a list, DuckDB has {actual}");
                var items = list.Cast<object?>().ToList();
                Assert.True(items.Count == actual.GetArrayLength(), $"{where}: list lengths differ ({items.Count} vs {actual.GetArrayLength()})");
                var i = 0;
                foreach (var element in actual.EnumerateArray())
                {
                    Equal(items[i], element, $"{where}[{i}]");
                    i++;
                }

                break;
            default:
                Assert.Fail($"{where}: no comparison for {expected.GetType().Name}");
                break;
        }
    }

    /// <summary>A double DuckDB returned, as a JSON number or, for NaN and the infinities, a string.</summary>
    public static double AsDouble(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? double.Parse(value.GetString()!, CultureInfo.InvariantCulture)
        : value.GetDouble();

    /// <summary>An integer DuckDB returned, as a JSON number or a numeric string.</summary>
    public static long AsLong(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture)
        : value.GetInt64();
}
