using System.Globalization;
using System.Text.Json;
using CurationPipeline.Items;
using Microsoft.Data.Sqlite;

namespace CurationPipeline.Review;

/// <summary>
/// The one store for all human decisions of a run (<c>review.db</c> beside its outputs): item QA, P3 entity
/// corrections, disputed calibration and evaluation scores. A SQLite file in WAL mode; tasks are keyed by
/// item id, kind and subject, so enqueueing again after a re-run keeps every decision already made.
/// Thread-safe: one connection, one lock.
/// </summary>
public sealed partial class ReviewStore : IDisposable
{
    private static readonly Lazy<bool> SqliteInit = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    internal static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>The longest comment (overall or per criterion) a decision may carry, in characters.</summary>
    public const int MaxCommentLength = 10_000;

    private readonly SqliteConnection _db;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private SqliteTransaction? _ambient;

    private ReviewStore(SqliteConnection db, TimeProvider time, string path, BenchmarkItemValidator itemValidator)
    {
        _db = db;
        _time = time;
        Path = path;
        ItemValidator = itemValidator;
    }

    /// <summary>The rules a revised item or corrected entities must satisfy (those of every item and of its paradigm).</summary>
    internal BenchmarkItemValidator ItemValidator { get; }

    private static readonly BenchmarkItemValidator GenericRules = new();

    /// <summary>The store file.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens (creating when absent) the store at <paramref name="path"/>; revisions are checked with
    /// <paramref name="itemValidator"/> (the paradigms' rules from the composition root), by default the rules of every item.
    /// </summary>
    public static ReviewStore Open(string path, TimeProvider time, BenchmarkItemValidator? itemValidator = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(time);
        _ = SqliteInit.Value;
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        try
        {
            db.Open();
            Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;");
            Exec(db, Schema);
        }
        catch (SqliteException e)
        {
            db.Dispose();
            throw new InvalidDataException($"{full}: not a review store ({e.Message})", e);
        }

        return new ReviewStore(db, time, full, itemValidator ?? GenericRules);
    }

    /// <summary>The SQLite journal mode (wal).</summary>
    public string JournalMode()
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode";
            return (string)cmd.ExecuteScalar()!;
        }
    }

    public void Dispose() => _db.Dispose();

    /// <summary>Runs <paramref name="action"/> in one transaction: every decision it records is kept, or none (when it throws).</summary>
    public void Atomically(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_gate)
        {
            if (_ambient is not null)
            {
                action();
                return;
            }

            using var tx = _db.BeginTransaction(deferred: false);
            _ambient = tx;
            try
            {
                action();
                tx.Commit();
            }
            finally
            {
                _ambient = null;
            }
        }
    }

    // BEGIN IMMEDIATE: the write lock is taken before the first read, so a decision reads what every other
    // connection committed before it.
    private TxScope Begin() => _ambient is { } outer ? new TxScope(outer, false) : new TxScope(_db.BeginTransaction(deferred: false), true);

    /// <summary>A transaction of one operation, or the surrounding one of <see cref="Atomically"/>.</summary>
    private readonly struct TxScope(SqliteTransaction tx, bool owned) : IDisposable
    {
        public SqliteTransaction Tx => tx;

        public void Commit()
        {
            if (owned)
            {
                tx.Commit();
            }
        }

        public void Dispose()
        {
            if (owned)
            {
                tx.Dispose();
            }
        }
    }

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS tasks(
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL,
          item_id TEXT NOT NULL,
          subject TEXT NOT NULL DEFAULT '',
          dataset TEXT NOT NULL,
          round INTEGER NOT NULL DEFAULT 1,
          revision_of TEXT,
          payload TEXT NOT NULL,
          outcome TEXT NOT NULL DEFAULT 'open',
          created_at TEXT NOT NULL,
          closed_at TEXT,
          UNIQUE(item_id, kind, subject));
        CREATE TABLE IF NOT EXISTS assignments(
          task_id INTEGER NOT NULL REFERENCES tasks(id),
          slot INTEGER NOT NULL,
          reviewer TEXT NOT NULL,
          assigned_at TEXT NOT NULL,
          decision TEXT,
          pass INTEGER,
          verdicts TEXT,
          comment TEXT,
          action TEXT,
          entities TEXT,
          score REAL,
          revision TEXT,
          decided_at TEXT,
          PRIMARY KEY(task_id, slot));
        CREATE INDEX IF NOT EXISTS assignments_reviewer ON assignments(reviewer, decided_at);
        CREATE TABLE IF NOT EXISTS calibration_scores(
          item_id TEXT NOT NULL,
          solver TEXT NOT NULL,
          trial INTEGER NOT NULL,
          row TEXT NOT NULL,
          PRIMARY KEY(item_id, solver, trial));
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS reviewer_tokens(
          reviewer TEXT PRIMARY KEY,
          salt BLOB NOT NULL,
          hash BLOB NOT NULL,
          issued_at TEXT NOT NULL);
        """;

    private static void Exec(SqliteConnection db, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? tx, params (string Name, object? Value)[] args)
    {
        var cmd = _db.CreateCommand();
        cmd.Transaction = tx ?? _ambient;
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd;
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    internal static string ItemJson(BenchmarkItem item) => JsonSerializer.Serialize(ItemRow.From(item), Json);

    internal static BenchmarkItem ItemFromJson(string json) =>
        (JsonSerializer.Deserialize<ItemRow>(json, Json) ?? throw new InvalidDataException("review store: an item payload is empty")).ToItem();
}
