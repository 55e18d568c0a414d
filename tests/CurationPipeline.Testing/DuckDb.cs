using System.Diagnostics;
using System.Text.Json;

namespace CurationPipeline.Testing;

/// <summary>
/// Runs SQL in DuckDB (through Node and tests/interop/duckdb-query.mjs), an implementation of Parquet
/// independent of the project's own codec.
/// </summary>
public static class DuckDb
{
    /// <summary>Runs one or more statements; returns the rows of the last one.</summary>
    public static async Task<IReadOnlyList<JsonElement>> QueryAsync(string sql, CancellationToken cancellationToken = default) =>
        (await RunAsync(sql, cancellationToken)).Rows;

    /// <summary>Runs one or more statements; returns the last one's rows and each statement's wall and CPU time.</summary>
    public static async Task<DuckDbResult> RunAsync(string sql, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("node", [Path.Combine(Interop.Directory, "duckdb-query.mjs")])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Interop.Directory,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        try
        {
            await process.StandardInput.WriteAsync(sql.AsMemory(), cancellationToken);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new DuckDbException($"DuckDB failed: {await stderr}\nSQL: {sql}");
            }

            using var document = JsonDocument.Parse(await stdout);
            var rows = document.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.Clone()).ToList();
            var millis = document.RootElement.GetProperty("millis").EnumerateArray().Select(m => m.GetDouble()).ToList();
            var cpu = document.RootElement.GetProperty("cpuMillis").EnumerateArray().Select(m => m.GetDouble()).ToList();
            return new DuckDbResult(rows, millis, cpu);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>Quotes a path or text as a SQL string literal.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
