namespace CurationPipeline.Testing;

/// <summary>DuckDB reported an error.</summary>
public sealed class DuckDbException(string message) : Exception(message);
