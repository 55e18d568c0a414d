using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Sources;

/// <summary>
/// A format of source files (<c>format:</c> of a source in a pipeline file): how a file is read into records and which
/// field holds a record's text. A run knows the formats registered in its extensions (<c>Extensions.Bundled</c>).
/// </summary>
public interface ISourceFormat
{
    /// <summary>The name pipeline files give the format.</summary>
    SourceFormat Code { get; }

    /// <summary>How a file of the format is read into records.</summary>
    IRecordFileReader Reader { get; }

    /// <summary>The field holding a record's text; null to take the source's <c>text_field</c>.</summary>
    string? TextField { get; }
}

/// <summary>The format of a public dataset: besides reading its files, it turns a record into an item's content; nothing is generated.</summary>
public interface IPublicFormat : ISourceFormat
{
    /// <summary>The item content of a record; a record that does not have the dataset's shape throws <see cref="RecordRejectedException"/> naming the field.</summary>
    ItemDraft Import(SourceRecord record);
}

/// <summary>Reads one file into records: each a set of fields by name, or the problem that makes it a reject.</summary>
public interface IRecordFileReader
{
    /// <summary>The records of the file at <paramref name="path"/>; after a problem that breaks the file, none follows.</summary>
    IAsyncEnumerable<RawRecord> ReadAsync(string path, SourceDefinition source, CancellationToken cancellationToken = default);
}

/// <summary>A record as a file reader gives it: where it is in the file, and its fields or the problem that rejects it.</summary>
/// <param name="Where">The record's place in the file (<c>line 3</c>, <c>index 7</c>, <c>row 2</c>).</param>
/// <param name="FallbackId">Its id when it has no id field (its line, index or row number).</param>
public readonly record struct RawRecord(string Where, IReadOnlyDictionary<string, string>? Fields, string FallbackId, string? Problem)
{
    public static RawRecord Ok(string where, IReadOnlyDictionary<string, string> fields, string fallbackId) => new(where, fields, fallbackId, null);

    public static RawRecord Bad(string where, string problem) => new(where, null, "", problem);
}
