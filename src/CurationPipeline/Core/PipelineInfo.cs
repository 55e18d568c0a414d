using System.Reflection;

namespace CurationPipeline.Core;

/// <summary>Versions written into provenance, Parquet footers and run.json.</summary>
public static class PipelineInfo
{
    /// <summary>The library's informational version (the pipeline version of every item).</summary>
    public static string Version { get; } =
        typeof(PipelineInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
