using CurationPipeline.Core;

namespace CurationPipeline.Sources.Formats;

/// <summary><c>csv</c>: raw inputs as CSV with a header row; the text is the source's <c>text_field</c>.</summary>
public sealed class CsvFormat : ISourceFormat
{
    public SourceFormat Code { get; } = new("csv");

    public IRecordFileReader Reader => CsvRecords.Instance;

    public string? TextField => null;
}
