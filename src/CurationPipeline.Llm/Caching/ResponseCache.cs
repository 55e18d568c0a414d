using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CurationPipeline.Llm;

/// <summary>
/// Persistent response store in one SQLite file (WAL, busy timeout): safe for concurrent writers in
/// several tasks and processes, and a killed process leaves committed answers readable. Answers are
/// written by one writer per cache, in a transaction per batch of what is queued (group commit). Only the
/// key hash and the answer are stored, never the prompt and never a credential.
/// <para>
/// Several processes on one file pay for a request once: before calling, a request takes a lease on its
/// key (<see cref="ClaimAsync"/>); an identical request in another process waits for the answer instead of
/// calling. Every open cache is an owner that beats a heartbeat; a lease of an owner whose process is gone
/// (same machine) or whose heartbeat is older than <see cref="ResponseCacheOptions.OwnerTimeout"/> is taken over.
/// </para>
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
    private readonly ResponseCacheOptions _options;
    private readonly Timer _heartbeat;
    private volatile bool _disposed;

    /// <param name="path">The SQLite file; created with its folder when missing.</param>
    /// <param name="onWriteError">Told when a batch of answers could not be stored (they are then not cached).</param>
    /// <param name="options">Lease and heartbeat timing; the defaults otherwise.</param>
    public ResponseCache(string path, Action<Exception>? onWriteError = null, ResponseCacheOptions? options = null)
    {
        _onWriteError = onWriteError;
        _options = options ?? new ResponseCacheOptions();
        _ = SqliteInit.Value;
        Path = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
        }

        _connectionString = ConnectionString(Path, SqliteOpenMode.ReadWriteCreate);
        using (var connection = Open())
        {
            CreateSchema(connection);
            RegisterOwner(connection);
        }

        _writerLoop = Task.Run(WriteLoopAsync);
        _heartbeat = new Timer(_ => _queue.Writer.TryWrite(PendingWrite.Heartbeat), null, _options.HeartbeatInterval, _options.HeartbeatInterval);
    }

    /// <summary>The cache file.</summary>
    public string Path { get; }

    /// <summary>This cache's name among the processes sharing the file (in the <c>owners</c> and <c>leases</c> tables).</summary>
    public string OwnerId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Requests being answered now, by key: a second identical request waits for the first instead of calling again.</summary>
    internal ConcurrentDictionary<string, Task<CachedResponse>> InFlight { get; } = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<Task, byte> _draining = new();
    private long _stored;

    /// <summary>Answers this cache object received from a model and queued for the file (not those served from it).</summary>
    public long Received => Interlocked.Read(ref _stored);

    internal void OnReceived() => Interlocked.Increment(ref _stored);

    /// <summary>Keeps <paramref name="store"/> (a call left by its cancelled caller, storing its answer) until it ends.</summary>
    internal void Draining(Task store)
    {
        _draining.TryAdd(store, 0);
        _ = store.ContinueWith(t => _draining.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Calls left by cancelled callers (each ends within <see cref="ResponseCacheOptions.DrainGrace"/>), their answers queued for the file.</summary>
    public int DrainingCalls => _draining.Count;

    /// <summary>Waits until every call left by a cancelled caller has answered (its answer queued) or passed the grace.</summary>
    public Task DrainAsync() => Task.WhenAll(_draining.Keys);

    /// <summary>A plan's stand-in answers by key: a request asked twice in a plan is one call of the run.</summary>
    internal ConcurrentDictionary<string, CachedResponse> Planned { get; } = new(StringComparer.Ordinal);

    /// <summary>How often a request waiting on another process's lease looks again (doubling up to <see cref="ResponseCacheOptions.MaxLeasePoll"/>).</summary>
    internal ResponseCacheOptions Options => _options;

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

    /// <summary>Writes what is queued, gives up this owner's leases, then closes the connections so the file can be moved or deleted.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _heartbeat.Dispose();
        _queue.Writer.TryComplete();
        _writerLoop.GetAwaiter().GetResult();
        try
        {
            _writer ??= new WriterSession(Open(), OwnerId);
            UnregisterOwner(_writer.Connection);
        }
        catch (SqliteException e)
        {
            _onWriteError?.Invoke(e); // the leases then expire with the heartbeat
        }

        _writer?.Dispose();
        while (_idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    internal static string ConnectionString(string path, SqliteOpenMode mode) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = mode,
        Pooling = false, // connections and their prepared statements are kept in _idle
        DefaultTimeout = 60,
    }.ToString();

    private static void CreateSchema(SqliteConnection connection)
    {
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
            CREATE TABLE IF NOT EXISTS owners (
              id TEXT PRIMARY KEY,
              host TEXT NOT NULL,
              pid INTEGER NOT NULL,
              process_started_ms INTEGER NOT NULL,
              heartbeat_ms INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS leases (
              key TEXT PRIMARY KEY,
              owner TEXT NOT NULL,
              taken_ms INTEGER NOT NULL
            ) WITHOUT ROWID;
            """);
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

    private SqliteConnection Open() => OpenConnection(_connectionString);

    internal static SqliteConnection OpenConnection(string connectionString)
    {
        _ = SqliteInit.Value;
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout=60000; PRAGMA synchronous=NORMAL;");
        return connection;
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
