using Microsoft.Data.Sqlite;

namespace CurationPipeline.Llm;

public sealed partial class ResponseCache
{
    /// <summary>A reader's open connection with its lookup, prepared once and reused.</summary>
    private sealed class Session : IDisposable
    {
        public Session(SqliteConnection connection)
        {
            Connection = connection;
            Get = connection.CreateCommand();
            Get.CommandText = "SELECT body FROM responses WHERE key = $key";
            GetKey = Get.Parameters.Add("$key", SqliteType.Text);
        }

        public SqliteConnection Connection { get; }

        public SqliteCommand Get { get; }

        public SqliteParameter GetKey { get; }

        public void Dispose()
        {
            Get.Dispose();
            Connection.Dispose();
        }
    }

    /// <summary>The writer's connection and statements: answers, leases and the heartbeat of one owner.</summary>
    private sealed class WriterSession : IDisposable
    {
        private readonly List<SqliteCommand> _commands = [];

        public WriterSession(SqliteConnection connection, string owner)
        {
            Connection = connection;
            // First answer wins: a concurrent writer in another process keeps its row and this one is dropped.
            Put = Command("""
                INSERT OR IGNORE INTO responses (key, model, endpoint, created_utc, prompt_tokens, completion_tokens, body)
                VALUES ($key, $model, $endpoint, $created, $prompt, $completion, $body)
                """, "$key", "$model", "$endpoint", "$created", "$prompt", "$completion", "$body");
            Body = Command("SELECT body FROM responses WHERE key = $key", "$key");
            LeaseOwner = Command("SELECT owner FROM leases WHERE key = $key", "$key");
            NewLease = Command("INSERT OR IGNORE INTO leases (key, owner, taken_ms) VALUES ($key, $owner, $now)", "$key", "$owner", "$now");
            TakeLease = Command("INSERT OR REPLACE INTO leases (key, owner, taken_ms) VALUES ($key, $owner, $now)", "$key", "$owner", "$now");
            DropLease = Command("DELETE FROM leases WHERE key = $key AND owner = $owner", "$key", "$owner");
            Beat = Command("UPDATE owners SET heartbeat_ms = $now WHERE id = $owner", "$owner", "$now");
            NewLease.Parameters["$owner"].Value = owner;
            TakeLease.Parameters["$owner"].Value = owner;
            DropLease.Parameters["$owner"].Value = owner;
            Beat.Parameters["$owner"].Value = owner;
        }

        public SqliteConnection Connection { get; }

        public SqliteCommand Put { get; }

        public SqliteCommand Body { get; }

        public SqliteCommand LeaseOwner { get; }

        public SqliteCommand NewLease { get; }

        public SqliteCommand TakeLease { get; }

        public SqliteCommand DropLease { get; }

        public SqliteCommand Beat { get; }

        /// <summary>Joins every statement to <paramref name="transaction"/>.</summary>
        public void Enlist(SqliteTransaction transaction)
        {
            foreach (var c in _commands)
            {
                c.Transaction = transaction;
            }
        }

        public void Dispose()
        {
            foreach (var c in _commands)
            {
                c.Dispose();
            }

            Connection.Dispose();
        }

        private SqliteCommand Command(string sql, params string[] parameters)
        {
            var command = Connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _commands.Add(command);
            return command;
        }
    }
}
