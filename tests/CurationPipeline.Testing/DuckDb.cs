using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using DuckDB.NET.Data;

namespace CurationPipeline.Testing;

/// <summary>
/// Runs SQL in DuckDB, in process (DuckDB.NET with its native library), an implementation of Parquet
/// independent of the project's own codec. Every call opens a fresh in-memory database.
/// </summary>
/// <remarks>
/// Rows come back as JSON: BIGINT, INTEGER, DOUBLE and DECIMAL as numbers, VARCHAR as strings, LIST as arrays,
/// STRUCT and MAP as objects, timestamps and dates as ISO 8601 strings, BLOB as base64, NaN and infinities as strings.
/// </remarks>
public static class DuckDb
{
    /// <summary>Runs one or more statements; returns the rows of the last one.</summary>
    public static Task<IReadOnlyList<JsonElement>> QueryAsync(string sql, CancellationToken cancellationToken = default) =>
        Task.Run(() => Query(sql, cancellationToken), cancellationToken);

    /// <summary>Quotes a path or text as a SQL string literal.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static IReadOnlyList<JsonElement> Query(string sql, CancellationToken cancellationToken)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var registration = cancellationToken.Register(() => command.Cancel());
        var rows = new List<JsonElement>();
        try
        {
            // DuckDB.NET runs every statement but the last when the reader opens; the last one's rows are read here.
            using var reader = command.ExecuteReader();
            do
            {
                rows = ReadRows(reader);
            }
            while (reader.NextResult());
        }
        catch (DuckDBException e)
        {
            throw new DuckDbException($"DuckDB failed: {e.Message}\nSQL: {sql}");
        }

        cancellationToken.ThrowIfCancellationRequested();
        return rows;
    }

    private static List<JsonElement> ReadRows(DuckDBDataReader reader)
    {
        var rows = new List<JsonElement>();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        while (reader.Read())
        {
            buffer.Clear();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    json.WritePropertyName(reader.GetName(i));
                    Write(json, reader.IsDBNull(i) ? null : reader.GetValue(i));
                }

                json.WriteEndObject();
            }

            using var document = JsonDocument.Parse(buffer.WrittenMemory);
            rows.Add(document.RootElement.Clone());
        }

        return rows;
    }

    private static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case double d when !double.IsFinite(d):
                json.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
                break;
            case float f when !float.IsFinite(f):
                json.WriteStringValue(f.ToString(CultureInfo.InvariantCulture));
                break;
            case float f:
                // FLOAT widened to double, the value the file holds (its shortest float text would be another double).
                json.WriteNumberValue((double)f);
                break;
            case sbyte or byte or short or ushort or int or uint or long or ulong or double or decimal:
                json.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!, skipInputValidation: true);
                break;
            case BigInteger big:
                json.WriteRawValue(big.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
                break;
            case DateTime t:
                json.WriteStringValue(t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'));
                break;
            case DateTimeOffset o:
                json.WriteStringValue(o.ToString("O", CultureInfo.InvariantCulture));
                break;
            case DateOnly date:
                json.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case TimeOnly time:
                json.WriteStringValue(time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'));
                break;
            case byte[] bytes:
                json.WriteBase64StringValue(bytes);
                break;
            case IDictionary dictionary:
                json.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    json.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                    Write(json, entry.Value);
                }

                json.WriteEndObject();
                break;
            case IEnumerable list:
                json.WriteStartArray();
                foreach (var element in list)
                {
                    Write(json, element);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
