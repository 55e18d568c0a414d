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
            long[] longs when _data.IsTimestamp => Timestamp(longs[i], column.Logical?.IsAdjustedToUtc != false, row),
            int[] ints when column.Logical?.Kind == LogicalKind.Date || column.Converted == ConvertedType.Date => Date(ints[i], row),
            var array => array.GetValue(i),
        };
    }

    private DateTime Timestamp(long micros, bool utc, long row)
    {
        if (micros is < -62_135_596_800_000_000L or > 253_402_300_799_999_999L)
        {
            throw _data.Corrupt($"row {row}: timestamp {micros} µs lies outside the range of DateTime");
        }

        return DateTime.SpecifyKind(DateTime.UnixEpoch.AddTicks(micros * 10), utc ? DateTimeKind.Utc : DateTimeKind.Unspecified);
    }

    private DateOnly Date(int days, long row)
    {
        var number = (long)UnixEpochDay + days;
        if (number is < 0 or > 3_652_058)
        {
            throw _data.Corrupt($"row {row}: date {days} days since 1970 lies outside the range of DateOnly");
        }

        return DateOnly.FromDayNumber((int)number);
    }

    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    private static ColumnData Prepare(ColumnData data)
    {
        if (data.IsTimestamp)
        {
            data.NormalizeTimestampsToMicros();
        }

        return data;
    }
}
