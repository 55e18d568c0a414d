namespace CurationPipeline.Core;

/// <summary>A pipeline or endpoints file is wrong. The message names the file, line and key.</summary>
public sealed class PipelineConfigException : Exception
{
    public PipelineConfigException(string file, int line, string key, string problem)
        : base($"{file}:{line}: {key}: {problem}")
    {
        File = file;
        Line = line;
        Key = key;
        Problem = problem;
    }

    public PipelineConfigException(string message) : base(message)
    {
        File = "";
        Key = "";
        Problem = message;
    }

    public string File { get; }

    public int Line { get; }

    public string Key { get; }

    public string Problem { get; }
}
