using CurationPipeline.Parquet.Format;

namespace CurationPipeline.Parquet.Reading;

/// <summary>Walks a decoded chunk row by row and produces boxed values (or lists of them).</summary>
internal sealed class UntypedCursor(ColumnData data)
{
    private readonly ColumnData _data = Prepare(data);
    private int _level;
    private int _value;

    public object? Next(long row)
    {
        var column = _data.Column;
        if (!column.IsList)
        {
            if (column.MaxDef == 0)
            {
                return Value(row);
            }

            Require(row);
            return _data.Defs![_level++] == column.MaxDef ? Value(row) : null;
        }

        Require(row);
        var def = _data.Defs![_level];
        if (def < column.ElementDef)
        {
            _level++;
            return def < column.ListNullBelow ? null : Array.Empty<object?>();
        }

        var list = new List<object?>();
        do
        {
            list.Add(_data.Defs[_level] == column.MaxDef ? Value(row) : null);
            _level++;
        }
        while (_level < _data.LevelCount && _data.Reps![_level] > 0);
        return list;
    }

    private void Require(long row)
    {
        if (_level >= _data.LevelCount)
        {
            throw _data.Corrupt($"the levels end before row {row}");
        }
    }

    private object? Value(long row)
    {
        if (_value >= _data.ValueCount)
        {
            throw _data.Corrupt($"the values end before row {row}");
        }

        var i = _value++;
        var column = _data.Column;
        return _data.Values switch
        {
            long[] longs when _data.IsTimestamp => DateTime.UnixEpoch.AddTicks(longs[i] * 10).ToKind(column.Logical?.IsAdjustedToUtc != false),
            int[] ints when column.Logical?.Kind == LogicalKind.Date || column.Converted == ConvertedType.Date => DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + ints[i]),
            var array => array.GetValue(i),
        };
    }

    private static ColumnData Prepare(ColumnData data)
    {
        if (data.IsTimestamp)
        {
            data.NormalizeTimestampsToMicros();
        }

        return data;
    }
}

/// <summary>Small helpers for untyped values.</summary>
internal static class DateTimeKindExtensions
{
    public static DateTime ToKind(this DateTime value, bool utc) =>
        DateTime.SpecifyKind(value, utc ? DateTimeKind.Utc : DateTimeKind.Unspecified);
}
