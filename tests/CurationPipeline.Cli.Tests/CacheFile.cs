using Microsoft.Data.Sqlite;

namespace CurationPipeline.Cli.Tests;

/// <summary>Reads a cache file another process is writing, through a read-only connection of its own.</summary>
internal static class CacheFile
{
    /// <summary>The single number <paramref name="sql"/> returns; 0 before the file or its tables exist.</summary>
    public static long Count(string path, string sql)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // created but not yet set up
        }
    }
}
