using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CurationPipeline.Llm;

/// <summary>
/// Persistent response store in one SQLite file (WAL, busy timeout): safe for concurrent writers in
/// several tasks and processes, and a killed process leaves committed answers readable. Answers are
/// written by one writer per cache, in a transaction per batch of what is queued (group commit). Only the
/// key hash and the answer are stored, never the prompt and never a credential.
/// </summary>
public sealed partial class ResponseCache : IDisposable
{
    private static readonly Lazy<bool> SqliteInit = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    private const int MaxIdleConnections = 16;
    private readonly string _connectionString;
    private readonly ConcurrentBag<Session> _idle = [];
    private volatile bool _disposed;

    /// <param name="path">The SQLite file; created with its folder when missing.</param>
    /// <param name="onWriteError">Told when a batch of answers could not be stored (they are then not cached).</param>
    public ResponseCache(string path, Action<Exception>? onWriteError = null)
    {
        _onWriteError = onWriteError;
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
            Pooling = false, // connections and their prepared statements are kept in _idle
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
        _writerLoop = Task.Run(WriteLoopAsync);
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
        var session = Rent();
        try
        {
            session.GetKey.Value = key;
            return session.Get.ExecuteScalar() is string body ? JsonSerializer.Deserialize<CachedResponse>(body) : null;
        }
        finally
        {
            Return(session);
        }
    }

    /// <summary>Writes what is queued, then closes the connections so the file can be moved or deleted.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _queue.Writer.TryComplete();
        _writerLoop.GetAwaiter().GetResult();
        _writer?.Dispose();
        while (_idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    private Session Rent() => _idle.TryTake(out var session) ? session : new Session(Open());

    private void Return(Session session)
    {
        if (_disposed || _idle.Count >= MaxIdleConnections)
        {
            session.Dispose();
        }
        else
        {
            _idle.Add(session);
        }
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
