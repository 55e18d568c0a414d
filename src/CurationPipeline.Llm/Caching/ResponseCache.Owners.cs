using Microsoft.Data.Sqlite;

namespace CurationPipeline.Llm;

public sealed partial class ResponseCache
{
    private void RegisterOwner(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT OR REPLACE INTO owners (id, host, pid, process_started_ms, heartbeat_ms)
            VALUES ($id, $host, $pid, $started, $now)
            """;
        command.Parameters.AddWithValue("$id", OwnerId);
        command.Parameters.AddWithValue("$host", Environment.MachineName);
        command.Parameters.AddWithValue("$pid", Environment.ProcessId);
        command.Parameters.AddWithValue("$started", ProcessCheck.CurrentStartMs);
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
        if (transaction is null)
        {
            RemoveDeadOwners(connection);
        }
    }

    private void UnregisterOwner(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM leases WHERE owner = $id; DELETE FROM owners WHERE id = $id;";
        command.Parameters.AddWithValue("$id", OwnerId);
        command.ExecuteNonQuery();
    }

    /// <summary>Forgets owners that are gone, and their leases (a killed process leaves both behind).</summary>
    private void RemoveDeadOwners(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        var liveness = new OwnerLiveness(connection, transaction, _options, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var owners = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = "SELECT id FROM owners UNION SELECT owner FROM leases";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                owners.Add(reader.GetString(0));
            }
        }

        foreach (var dead in owners.Where(o => !liveness.IsAlive(o)))
        {
            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM leases WHERE owner = $id; DELETE FROM owners WHERE id = $id;";
            delete.Parameters.AddWithValue("$id", dead);
            delete.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>
    /// Whether an owner may still answer its leases: it is registered, its heartbeat is recent, and, on this
    /// machine, its process still runs (a killed process is recognised at once, not only when its heartbeat ages).
    /// </summary>
    private sealed class OwnerLiveness(SqliteConnection connection, SqliteTransaction transaction, ResponseCacheOptions options, long nowMs)
    {
        private readonly Dictionary<string, bool> _known = new(StringComparer.Ordinal);

        public bool IsAlive(string owner)
        {
            if (!_known.TryGetValue(owner, out var alive))
            {
                _known[owner] = alive = Check(owner);
            }

            return alive;
        }

        private bool Check(string owner)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT host, pid, process_started_ms, heartbeat_ms FROM owners WHERE id = $id";
            command.Parameters.AddWithValue("$id", owner);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return false;
            }

            var (host, pid, started, heartbeat) = (reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3));
            if (nowMs - heartbeat > (long)options.OwnerTimeout.TotalMilliseconds)
            {
                return false;
            }

            return !string.Equals(host, Environment.MachineName, StringComparison.Ordinal) || ProcessCheck.Runs(pid, started);
        }
    }
}
