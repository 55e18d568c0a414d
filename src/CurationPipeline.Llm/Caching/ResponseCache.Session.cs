using Microsoft.Data.Sqlite;

namespace CurationPipeline.Llm;

public sealed partial class ResponseCache
{
    /// <summary>One open connection with its two statements, prepared once and reused.</summary>
    private sealed class Session : IDisposable
    {
        public Session(SqliteConnection connection)
        {
            Connection = connection;
            Get = connection.CreateCommand();
            Get.CommandText = "SELECT body FROM responses WHERE key = $key";
            GetKey = Get.Parameters.Add("$key", SqliteType.Text);
            Put = connection.CreateCommand();
            // First answer wins: a concurrent writer in another process keeps its row and this one is dropped.
            Put.CommandText = """
                INSERT OR IGNORE INTO responses (key, model, endpoint, created_utc, prompt_tokens, completion_tokens, body)
                VALUES ($key, $model, $endpoint, $created, $prompt, $completion, $body)
                """;
            foreach (var name in new[] { "$key", "$model", "$endpoint", "$created", "$prompt", "$completion", "$body" })
            {
                Put.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
        }

        public SqliteConnection Connection { get; }

        public SqliteCommand Get { get; }

        public SqliteParameter GetKey { get; }

        public SqliteCommand Put { get; }

        public void Dispose()
        {
            Get.Dispose();
            Put.Dispose();
            Connection.Dispose();
        }
    }
}
