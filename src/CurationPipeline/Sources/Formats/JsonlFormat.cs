using CurationPipeline.Core;

namespace CurationPipeline.Sources.Formats;

/// <summary><c>jsonl</c>: raw inputs as JSON Lines, one object a line; the text is the source's <c>text_field</c>.</summary>
public sealed class JsonlFormat : ISourceFormat
{
    public SourceFormat Code => SourceFormat.Jsonl;

    public IRecordFileReader Reader => JsonLinesRecords.Instance;

    public string? TextField => null;
}
