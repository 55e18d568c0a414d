using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CurationPipeline.Llm;

/// <summary>
/// What was sent in which batch, so that a process started again reattaches to a batch in flight instead of
/// sending its requests twice, and finds an answered line in its batch's output file. Two tables beside the
/// cached answers (or in a file of their own): <c>batches</c> (a local id, the provider's batch id once created,
/// its state and files) and <c>batch_lines</c> (the request key of every line, and the status of a failed one).
/// A batch is journalled before its file is uploaded and carries its local id in the provider's metadata, so a
/// process killed between upload and creation finds out whether the batch exists.
/// </summary>
internal sealed class BatchJournal : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();

    /// <param name="path">The SQLite file; <c>null</c> keeps the journal in memory (no reattaching after a restart).</param>
    public BatchJournal(string? path)
    {
        if (path is not null && Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
        }

        _connection = ResponseCache.OpenConnection(path is null
            ? "Data Source=:memory:"
            : ResponseCache.ConnectionString(path, SqliteOpenMode.ReadWriteCreate));
        ResponseCache.Execute(_connection, "PRAGMA journal_mode=WAL;");
        ResponseCache.Execute(_connection, """
            CREATE TABLE IF NOT EXISTS batches (
              local_id TEXT PRIMARY KEY,
              endpoint TEXT NOT NULL,
              state TEXT NOT NULL,
              provider_id TEXT,
              output_file_id TEXT,
              error_file_id TEXT,
              host TEXT NOT NULL,
              pid INTEGER NOT NULL,
              process_started_ms INTEGER NOT NULL,
              created_ms INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS batch_lines (
              local_id TEXT NOT NULL,
              custom_id TEXT NOT NULL,
              status INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY (local_id, custom_id)
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS batch_lines_by_key ON batch_lines (custom_id);
            """);
    }

    /// <summary>Records a batch about to be uploaded, with its lines.</summary>
    public void Add(string localId, string endpoint, IReadOnlyList<string> customIds, DateTimeOffset now)
    {
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            using (var batch = Command(transaction, """
                INSERT INTO batches (local_id, endpoint, state, host, pid, process_started_ms, created_ms)
                VALUES ($id, $endpoint, 'uploading', $host, $pid, $started, $now)
                """))
            {
                batch.Parameters.AddWithValue("$id", localId);
                batch.Parameters.AddWithValue("$endpoint", endpoint);
                batch.Parameters.AddWithValue("$host", Environment.MachineName);
                batch.Parameters.AddWithValue("$pid", Environment.ProcessId);
                batch.Parameters.AddWithValue("$started", ProcessCheck.CurrentStartMs);
                batch.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
                batch.ExecuteNonQuery();
            }

            using (var line = Command(transaction, "INSERT OR IGNORE INTO batch_lines (local_id, custom_id) VALUES ($id, $custom)"))
            {
                line.Parameters.AddWithValue("$id", localId);
                var custom = line.Parameters.Add("$custom", SqliteType.Text);
                foreach (var id in customIds)
                {
                    custom.Value = id;
                    line.ExecuteNonQuery();
                }
            }

            transaction.Commit();
        }
    }

    /// <summary>The provider created the batch.</summary>
    public void Submitted(string localId, string providerId) =>
        Update("UPDATE batches SET state = 'submitted', provider_id = $p WHERE local_id = $id", localId, ("$p", providerId));

    /// <summary>The batch ended; <paramref name="failedLines"/> are the lines without an answer, with the status they failed with.</summary>
    public void Ended(string localId, string state, string? outputFileId, string? errorFileId, IReadOnlyCollection<(string CustomId, int Status)> failedLines)
    {
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            using (var batch = Command(transaction, "UPDATE batches SET state = $state, output_file_id = $out, error_file_id = $err WHERE local_id = $id"))
            {
                batch.Parameters.AddWithValue("$id", localId);
                batch.Parameters.AddWithValue("$state", state);
                batch.Parameters.AddWithValue("$out", (object?)outputFileId ?? DBNull.Value);
                batch.Parameters.AddWithValue("$err", (object?)errorFileId ?? DBNull.Value);
                batch.ExecuteNonQuery();
            }

            using (var line = Command(transaction, "UPDATE batch_lines SET status = $status WHERE local_id = $id AND custom_id = $custom"))
            {
                line.Parameters.AddWithValue("$id", localId);
                var status = line.Parameters.Add("$status", SqliteType.Integer);
                var custom = line.Parameters.Add("$custom", SqliteType.Text);
                foreach (var (id, code) in failedLines)
                {
                    (custom.Value, status.Value) = (id, code);
                    line.ExecuteNonQuery();
                }
            }

            transaction.Commit();
        }
    }

    /// <summary>Forgets a batch that was never created at the provider; its lines will be sent again.</summary>
    public void Remove(string localId)
    {
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            using var command = Command(transaction, "DELETE FROM batch_lines WHERE local_id = $id; DELETE FROM batches WHERE local_id = $id;");
            command.Parameters.AddWithValue("$id", localId);
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    /// <summary>The endpoint's batches newer than <paramref name="since"/>, with their lines.</summary>
    public IReadOnlyList<JournalBatch> Load(string endpoint, DateTimeOffset since)
    {
        lock (_lock)
        {
            var batches = new Dictionary<string, JournalBatch>(StringComparer.Ordinal);
            using (var command = Command(null, """
                SELECT local_id, state, provider_id, output_file_id, error_file_id, host, pid, process_started_ms, created_ms
                FROM batches WHERE endpoint = $endpoint AND created_ms >= $since ORDER BY created_ms
                """))
            {
                command.Parameters.AddWithValue("$endpoint", endpoint);
                command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var b = new JournalBatch(reader.GetString(0), reader.GetString(1), Text(reader, 2), Text(reader, 3), Text(reader, 4),
                        reader.GetString(5), reader.GetInt32(6), reader.GetInt64(7), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)));
                    batches[b.LocalId] = b;
                }
            }

            using (var command = Command(null, """
                SELECT l.local_id, l.custom_id, l.status FROM batch_lines l JOIN batches b ON b.local_id = l.local_id
                WHERE b.endpoint = $endpoint AND b.created_ms >= $since
                """))
            {
                command.Parameters.AddWithValue("$endpoint", endpoint);
                command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    if (batches.TryGetValue(reader.GetString(0), out var b))
                    {
                        b.Lines[reader.GetString(1)] = reader.GetInt32(2);
                    }
                }
            }

            return [.. batches.Values];
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _connection.Dispose();
        }
    }

    private void Update(string sql, string localId, (string Name, object Value) value)
    {
        lock (_lock)
        {
            using var command = Command(null, sql);
            command.Parameters.AddWithValue("$id", localId);
            command.Parameters.AddWithValue(value.Name, value.Value);
            command.ExecuteNonQuery();
        }
    }

    private SqliteCommand Command(SqliteTransaction? transaction, string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static string? Text(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}

/// <summary>One journalled batch: state <c>uploading</c>, <c>submitted</c> or how it ended; lines by request key, with 0 or the status a failed line got.</summary>
internal sealed record JournalBatch(string LocalId, string State, string? ProviderId, string? OutputFileId, string? ErrorFileId,
    string Host, int Pid, long ProcessStartedMs, DateTimeOffset Created)
{
    public Dictionary<string, int> Lines { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the process that journalled it may still be working on it (this machine only; elsewhere, for an hour).</summary>
    public bool OwnerMayBeAlive(DateTimeOffset now) =>
        string.Equals(Host, Environment.MachineName, StringComparison.Ordinal)
            ? (Pid != Environment.ProcessId || ProcessStartedMs != ProcessCheck.CurrentStartMs) && ProcessCheck.Runs(Pid, ProcessStartedMs)
            : now - Created < TimeSpan.FromHours(1);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{LocalId} ({State}, {Lines.Count} lines)");
}
