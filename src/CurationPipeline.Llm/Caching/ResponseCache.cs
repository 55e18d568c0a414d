using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CurationPipeline.Llm;

/// <summary>
/// Persistent response store in one SQLite file (WAL, busy timeout): safe for concurrent writers in
/// several tasks and processes, and a killed process leaves committed answers readable. Only the key
/// hash and the answer are stored, never the prompt and never a credential.
/// </summary>
public sealed class ResponseCache : IDisposable
{
    private static readonly Lazy<bool> SqliteInit = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    private readonly string _connectionString;

    public ResponseCache(string path)
    {
        _ = SqliteInit.Value;
        Path = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS responses (
              key TEXT PRIMARY KEY,
              model TEXT NOT NULL,
              endpoint TEXT,
              created_utc TEXT NOT NULL,
              prompt_tokens INTEGER,
              completion_tokens INTEGER,
              body TEXT NOT NULL
            ) WITHOUT ROWID;
            """);
    }

    /// <summary>The cache file.</summary>
    public string Path { get; }

    /// <summary>Requests being answered now, by key: a second identical request waits for the first instead of calling again.</summary>
    internal ConcurrentDictionary<string, Task<CachedResponse>> InFlight { get; } = new(StringComparer.Ordinal);

    /// <summary>Number of stored answers.</summary>
    public long Count()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM responses";
        return (long)command.ExecuteScalar()!;
    }

    internal CachedResponse? TryGet(string key)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM responses WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() is string body ? JsonSerializer.Deserialize<CachedResponse>(body) : null;
    }

    internal void Put(string key, string model, CachedResponse response, DateTimeOffset now)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        // First answer wins: a concurrent writer in another process keeps its row and this one is dropped.
        command.CommandText = """
            INSERT OR IGNORE INTO responses (key, model, endpoint, created_utc, prompt_tokens, completion_tokens, body)
            VALUES ($key, $model, $endpoint, $created, $prompt, $completion, $body)
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$model", model);
        command.Parameters.AddWithValue("$endpoint", (object?)response.Endpoint ?? DBNull.Value);
        command.Parameters.AddWithValue("$created", now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$prompt", (object?)response.PromptTokens ?? DBNull.Value);
        command.Parameters.AddWithValue("$completion", (object?)response.CompletionTokens ?? DBNull.Value);
        command.Parameters.AddWithValue("$body", JsonSerializer.Serialize(response));
        command.ExecuteNonQuery();
    }

    /// <summary>Closes the pooled connections so the file can be moved or deleted.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout=60000; PRAGMA synchronous=NORMAL;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
