using Microsoft.Data.Sqlite;

namespace CurationPipeline.Llm;

public sealed partial class ResponseCache
{
    /// <summary>
    /// Copies into this cache every answer of the cache file <paramref name="otherPath"/> that it does not hold
    /// (by key), as the caches of the shards of a sharded run are joined. Returns how many answers were added.
    /// </summary>
    public long MergeFrom(string otherPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(otherPath);
        var other = System.IO.Path.GetFullPath(otherPath);
        if (other == Path || !File.Exists(other))
        {
            return 0;
        }

        using var connection = Open();
        using (var attach = connection.CreateCommand())
        {
            attach.CommandText = "ATTACH DATABASE $file AS other";
            attach.Parameters.AddWithValue("$file", other);
            attach.ExecuteNonQuery();
        }

        try
        {
            using var copy = connection.CreateCommand();
            copy.CommandText = """
                INSERT OR IGNORE INTO main.responses(key, model, endpoint, created_utc, prompt_tokens, completion_tokens, body)
                SELECT key, model, endpoint, created_utc, prompt_tokens, completion_tokens, body FROM other.responses
                """;
            return copy.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            throw new InvalidDataException($"{other}: not a response cache ({e.Message})", e);
        }
        finally
        {
            Execute(connection, "DETACH DATABASE other");
        }
    }
}
