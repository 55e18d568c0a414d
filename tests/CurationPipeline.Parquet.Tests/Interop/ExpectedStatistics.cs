using System.Collections;
using System.Text;

namespace CurationPipeline.Parquet.Tests.Interop;

/// <summary>
/// Statistics a column chunk or page must carry for some values, computed from the values themselves: the
/// nulls at the leaf level (null values, null and empty lists, null elements) and the minimum and maximum in
/// Parquet's order (strings as unsigned UTF-8 bytes, NaN left out). Min and max are null when there is no
/// value, or when the codec leaves them out (a string bound longer than 64 bytes).
/// </summary>
public sealed record ExpectedStatistics(long NullCount, object? Min, object? Max)
{
    private const int StringBoundLimit = 64;

    public static ExpectedStatistics Of(InteropColumn column, IEnumerable<AllTypesRow> rows) =>
        Of(rows.SelectMany(r => Leaves(column.Value(r))));

    /// <summary>Statistics of leaf values (null for a missing one).</summary>
    public static ExpectedStatistics Of(IEnumerable<object?> leaves)
    {
        long nulls = 0;
        object? min = null, max = null;
        foreach (var value in leaves)
        {
            if (value is null)
            {
                nulls++;
                continue;
            }

            if (value is double.NaN)
            {
                continue;
            }

            min = min is null || Compare(value, min) < 0 ? value : min;
            max = max is null || Compare(value, max) > 0 ? value : max;
        }

        if (min is string low && (Encoding.UTF8.GetByteCount(low) > StringBoundLimit || Encoding.UTF8.GetByteCount((string)max!) > StringBoundLimit))
        {
            (min, max) = (null, null);
        }

        return new ExpectedStatistics(nulls, min, max);
    }

    /// <summary>The values at the leaf level: one null for a null or empty list, the elements otherwise.</summary>
    public static IEnumerable<object?> Leaves(object? value)
    {
        if (value is IEnumerable list and not string)
        {
            var any = false;
            foreach (var element in list)
            {
                any = true;
                yield return element;
            }

            if (!any)
            {
                yield return null;
            }
        }
        else
        {
            yield return value;
        }
    }

    public static int Compare(object a, object b) => (a, b) switch
    {
        (string x, string y) => Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y)),
        (int x, int y) => x.CompareTo(y),
        (long x, long y) => x.CompareTo(y),
        (double x, double y) => x.CompareTo(y),
        (bool x, bool y) => x.CompareTo(y),
        (DateTime x, DateTime y) => x.Ticks.CompareTo(y.Ticks),
        _ => throw new ArgumentException($"cannot compare {a.GetType().Name} with {b.GetType().Name}"),
    };

    /// <summary>Microseconds since the Unix epoch, as Parquet stores a TIMESTAMP(MICROS).</summary>
    public static long Micros(DateTime t) => (t.Ticks - DateTime.UnixEpoch.Ticks) / 10;
}
