using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CurationPipeline.Llm;

public sealed partial class ResponseCache
{
    /// <summary>What a cache file holds: answers per model, their age and tokens, requests being answered now, batches in flight.</summary>
    public static CacheStats ReadStats(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no cache file at {path}", path);
        }

        using var connection = OpenConnection(ConnectionString(path, SqliteOpenMode.ReadWrite));
        CreateSchema(connection);
        var models = new List<CacheModelStats>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT model, COUNT(*), COALESCE(SUM(prompt_tokens), 0), COALESCE(SUM(completion_tokens), 0), MIN(created_utc), MAX(created_utc)
                FROM responses GROUP BY model ORDER BY model
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                models.Add(new CacheModelStats(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
                    Time(reader.GetString(4)), Time(reader.GetString(5))));
            }
        }

        var bytes = new[] { "", "-wal" }.Select(s => new FileInfo(path + s)).Where(f => f.Exists).Sum(f => f.Length);
        return new CacheStats(Path: System.IO.Path.GetFullPath(path), Bytes: bytes, Models: models,
            Leases: Scalar(connection, "SELECT COUNT(*) FROM leases"),
            Owners: Scalar(connection, "SELECT COUNT(*) FROM owners"),
            OpenBatches: TableExists(connection, "batches") ? Scalar(connection, "SELECT COUNT(*) FROM batches WHERE state <> 'done'") : 0);
    }

    /// <summary>Deletes answers stored before <paramref name="before"/>; returns how many. <paramref name="vacuum"/> then shrinks the file (needs it to itself for a moment).</summary>
    public static long Prune(string path, DateTimeOffset before, bool vacuum = false)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no cache file at {path}", path);
        }

        using var connection = OpenConnection(ConnectionString(path, SqliteOpenMode.ReadWrite));
        CreateSchema(connection);
        long deleted;
        using (var command = connection.CreateCommand())
        {
            // created_utc is the round-trip ("O") form of a UTC time, which sorts as text.
            command.CommandText = "DELETE FROM responses WHERE created_utc < $before";
            command.Parameters.AddWithValue("$before", before.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            deleted = command.ExecuteNonQuery();
        }

        Execute(connection, vacuum ? "VACUUM; PRAGMA wal_checkpoint(TRUNCATE);" : "PRAGMA wal_checkpoint(PASSIVE);");
        return deleted;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static bool TableExists(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return (long)command.ExecuteScalar()! > 0;
    }

    private static DateTimeOffset Time(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}

/// <summary>Answers stored for one model.</summary>
public sealed record CacheModelStats(string Model, long Entries, long PromptTokens, long CompletionTokens, DateTimeOffset Oldest, DateTimeOffset Newest);

/// <summary>The contents of a cache file (see <see cref="ResponseCache.ReadStats"/>).</summary>
public sealed record CacheStats(string Path, long Bytes, IReadOnlyList<CacheModelStats> Models, long Leases, long Owners, long OpenBatches)
{
    public long Entries => Models.Sum(m => m.Entries);
}
