using CurationPipeline.Core;

namespace CurationPipeline.Hosting;

/// <summary>A source record on its way to one dataset's engine.</summary>
public sealed record DatasetWork(SourceRecord Record, DatasetDefinition Dataset);
