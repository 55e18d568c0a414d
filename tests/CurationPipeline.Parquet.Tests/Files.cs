namespace CurationPipeline.Parquet.Tests;

internal static class Files
{
    public static async Task<List<T>> ReadAllAsync<T>(string path)
        where T : new()
    {
        var rows = new List<T>();
        await foreach (var row in ParquetSerializer.ReadAsync<T>(path))
        {
            rows.Add(row);
        }

        return rows;
    }
}
