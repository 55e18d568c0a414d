using System.Reflection;
using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace CurationPipeline.Parquet.Tests.Interop;

/// <summary>
/// Reads a column of a row group with Parquet.Net's raw reader (values, definition and repetition levels) and
/// assembles the rows from the levels. Parquet.Net's serializer cannot be used for this: it drops null list
/// elements and turns empty lists into missing values, for its own files too.
/// </summary>
public static class ParquetNetColumns
{
    private static readonly MethodInfo DenseMethod = typeof(ParquetNetColumns).GetMethod(nameof(Dense), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static async Task<List<object?>> ReadAsync(ParquetRowGroupReader group, DataField field)
    {
        using var raw = await group.ReadRawColumnDataBaseAsync(field);
        var values = (object?[])DenseMethod.MakeGenericMethod(field.ClrType).Invoke(null, [raw])!;
        var maxDef = field.MaxDefinitionLevel;
        var defs = maxDef > 0 ? raw.DefinitionLevels.ToArray() : [];
        var reps = field.MaxRepetitionLevel > 0 ? raw.RepetitionLevels.ToArray() : [];
        if (field.MaxRepetitionLevel == 0)
        {
            var next = 0;
            return maxDef == 0 ? [.. values] : [.. defs.Select(d => d == maxDef ? values[next++] : null)];
        }

        // One level of LIST: from the list's own level on the list exists (below it, at 0, the list is null); one
        // more means an element, null unless the level is the maximum.
        var listLevel = maxDef - 1 - (field.IsNullable ? 1 : 0);
        var rows = new List<object?>();
        List<object?>? list = null;
        var value = 0;
        for (var i = 0; i < defs.Length; i++)
        {
            var def = defs[i];
            if (reps[i] == 0)
            {
                list = def < listLevel ? null : [];
                rows.Add(list);
            }

            if (def == maxDef)
            {
                list!.Add(values[value++]);
            }
            else if (def > listLevel)
            {
                list!.Add(null);
            }
        }

        return rows;
    }

    private static object?[] Dense<T>(RawColumnData raw)
        where T : struct => [.. ((RawColumnData<T>)raw).Values.ToArray().Select(v => (object?)v)];
}
