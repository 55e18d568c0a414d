using System.Globalization;
using System.Runtime.CompilerServices;
using CurationPipeline.Core;

namespace CurationPipeline.Sources;

/// <summary>A top-level JSON array of objects, streamed; a syntax error keeps every record before it and rejects the rest of the file.</summary>
public sealed class JsonArrayRecords : IRecordFileReader
{
    public static JsonArrayRecords Instance { get; } = new();

    public async IAsyncEnumerable<RawRecord> ReadAsync(string path, SourceDefinition source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        var index = 0;
        await foreach (var element in JsonArrayReader.ReadAsync(stream, cancellationToken))
        {
            if (element.Error is { } error)
            {
                yield return RawRecord.Bad($"index {index}", $"{error} after record {index}: the rest of the file is skipped");
                yield break;
            }

            yield return JsonFields.Record($"index {index}", element.Value, index.ToString(CultureInfo.InvariantCulture));
            index++;
        }
    }
}
