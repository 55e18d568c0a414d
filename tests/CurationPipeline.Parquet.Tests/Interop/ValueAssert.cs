using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace CurationPipeline.Parquet.Tests.Interop;

/// <summary>
/// Compares a value as the test wrote it with the value another library read back, whatever .NET type that
/// library chose: integers by value, doubles bit for bit (NaN, -0.0), timestamps by instant, lists element by element.
/// </summary>
public static class ValueAssert
{
    public static void Equal(object? expected, object? actual, string where)
    {
        if (actual is JsonElement json)
        {
            JsonCompare.Equal(expected, json, where);
            return;
        }

        var e = Canonical(expected);
        var a = Canonical(actual);
        if (e is List<object?> expectedList)
        {
            Assert.True(a is List<object?>, $"{where}: expected a list, read {Describe(actual)}");
            var actualList = (List<object?>)a!;
            Assert.True(expectedList.Count == actualList.Count, $"{where}: list lengths differ ({expectedList.Count} vs {actualList.Count})");
            for (var i = 0; i < expectedList.Count; i++)
            {
                Equal(expectedList[i], actualList[i], $"{where}[{i}]");
            }

            return;
        }

        Assert.True(Equals(e, a), $"{where}: expected {Describe(expected)}, read {Describe(actual)}");
    }

    /// <summary>The values of a column, row by row.</summary>
    public static void Column(InteropColumn column, IReadOnlyList<AllTypesRow> rows, IReadOnlyList<object?> actual, string reader)
    {
        Assert.True(rows.Count == actual.Count, $"{reader}: column '{column.Name}' has {actual.Count} values for {rows.Count} rows");
        for (var i = 0; i < rows.Count; i++)
        {
            Equal(column.Value(rows[i]), actual[i], $"{reader}: column '{column.Name}' row {i}");
        }
    }

    /// <summary>long for integers, the bits of a double, UTC ticks for timestamps, List for lists.</summary>
    private static object? Canonical(object? value) => value switch
    {
        null => null,
        string s => s,
        ReadOnlyMemory<char> chars => chars.ToString(),
        int or long or short or sbyte or byte or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        float f => BitConverter.DoubleToInt64Bits(f),
        double d => BitConverter.DoubleToInt64Bits(d),
        bool b => b,
        DateTime t => t.Ticks,
        DateTimeOffset o => o.UtcTicks,
        Enum en => en.ToString(),
        IEnumerable list => list.Cast<object?>().ToList(),
        _ => value,
    };

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"a string of {s.Length} characters",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IEnumerable list and not string => $"a list of {list.Cast<object?>().Count()}",
        _ => $"{value} ({value.GetType().Name})",
    };
}
