namespace CurationPipeline.Llm;

/// <summary>The endpoints file is malformed; the message names the file, the line and the key.</summary>
public sealed class EndpointsFileException : FormatException
{
    public EndpointsFileException(string fileName, int line, string? key, string problem)
        : base(key is null ? $"{fileName}:{line}: {problem}" : $"{fileName}:{line}: '{key}': {problem}")
    {
        FileName = fileName;
        Line = line;
        Key = key;
    }

    /// <summary>The file as named to the parser.</summary>
    public string FileName { get; }

    /// <summary>1-based line of the offending node.</summary>
    public int Line { get; }

    /// <summary>The key at fault (e.g. <c>endpoints[1].max_concurrency</c>), when the problem is one key.</summary>
    public string? Key { get; }
}
