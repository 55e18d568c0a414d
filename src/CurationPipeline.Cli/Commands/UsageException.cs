namespace CurationPipeline.Cli.Commands;

/// <summary>A command was called with arguments that cannot work together; exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
