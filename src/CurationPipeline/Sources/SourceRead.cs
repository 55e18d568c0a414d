using CurationPipeline.Core;

namespace CurationPipeline.Sources;

/// <summary>What a reader yields: a record, or the reject of a record it could not read.</summary>
public readonly record struct SourceRead(SourceRecord? Record, Reject? Reject)
{
    public static SourceRead Ok(SourceRecord record) => new(record, null);

    public static SourceRead Bad(SourceDefinition source, string file, string record, string reason, string? field = null) =>
        new(null, new Reject { Stage = StageName.Read, Source = source.Name, File = file, Record = record, Field = field, Reason = reason });
}
