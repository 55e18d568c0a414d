using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Sources;

/// <summary>
/// The engine of the datasets whose paradigm is <c>public</c>: each record, read in its dataset's own format, becomes
/// an item through that format's <see cref="IPublicFormat.Import"/>; nothing is generated.
/// </summary>
public sealed class PublicDatasetImporter(SourceFormatRegistry formats) : IItemGenerator
{
    public Paradigm Paradigm => Paradigm.Public;

    public string Engine => "public-import/1";

    public Task<IReadOnlyList<BenchmarkItem>> GenerateAsync(SourceRecord record, DatasetDefinition dataset, GenerationContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var format = formats.PublicFormat(record.Format) ?? throw new RecordRejectedException($"no importer for format '{record.Format}'");
        var item = ItemFactory.Create(dataset, record, format.Import(record), Engine, "public", context);
        return Task.FromResult<IReadOnlyList<BenchmarkItem>>([item]);
    }
}
