using System.Text.Json;

namespace CurationPipeline.Testing;

/// <summary>
/// The result of <see cref="DuckDb.RunAsync"/>: the last statement's rows, and per statement the wall time and
/// the CPU time of the process running DuckDB in process (all threads), in milliseconds.
/// </summary>
public sealed record DuckDbResult(IReadOnlyList<JsonElement> Rows, IReadOnlyList<double> Millis, IReadOnlyList<double> CpuMillis);
