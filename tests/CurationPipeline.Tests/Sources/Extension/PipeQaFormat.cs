using System.Runtime.CompilerServices;
using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Sources;

namespace CurationPipeline.Tests.Sources.Extension;

/// <summary>
/// A toy public dataset format, <c>pipe-qa</c>: one question a line, <c>id|question|five options separated by ';'|answer letter</c>.
/// Its reader splits the lines, its text field is the question, its importer turns a record into a multiple-choice item.
/// </summary>
internal sealed class PipeQaFormat : IPublicFormat
{
    public SourceFormat Code { get; } = new("pipe-qa");

    public IRecordFileReader Reader { get; } = new PipeLines();

    public string? TextField => "question";

    public ItemDraft Import(SourceRecord record)
    {
        var options = record.Field("options")!.Split(';');
        return options.Length == 5
            ? new ItemDraft(record.Text, null, options, record.Field("answer"))
            : throw new RecordRejectedException($"field 'options' has {options.Length} options, not 5", "options");
    }

    private sealed class PipeLines : IRecordFileReader
    {
        private static readonly string[] Fields = ["id", "question", "options", "answer"];

        public async IAsyncEnumerable<RawRecord> ReadAsync(string path, SourceDefinition source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var number = 0;
            await foreach (var line in File.ReadLinesAsync(path, SourceReader.EncodingOf(source), cancellationToken))
            {
                number++;
                var parts = line.Split('|');
                yield return parts.Length == Fields.Length
                    ? RawRecord.Ok($"line {number}", Fields.Zip(parts).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal), $"line-{number}")
                    : RawRecord.Bad($"line {number}", $"{parts.Length} fields separated by '|', not {Fields.Length}");
            }
        }
    }
}
