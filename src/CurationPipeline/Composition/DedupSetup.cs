using CurationPipeline.Core;
using CurationPipeline.Deduplication;
using CurationPipeline.Sources;

namespace CurationPipeline.Composition;

/// <summary>
/// Builds the <c>dedup</c> stage of a run: its settings from <c>dedup:</c>, and the records of the public benchmark sources
/// of <c>decontaminate.against</c>, read in their own formats (a public format's importer gives question, options and
/// context as the items have them; another format gives the record's text).
/// </summary>
public static class DedupSetup
{
    public static DedupSettings Settings(PipelineDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new DedupSettings
        {
            Threshold = definition.Dedup.Threshold,
            Ngram = definition.Dedup.Ngram,
            Bands = definition.Dedup.Bands,
            Rows = definition.Dedup.Rows,
            StemMinChars = definition.Dedup.StemMinChars,
        };
    }

    /// <summary>The stage and the optional benchmark sources that were not found; null when neither dedup nor decontamination is asked for.</summary>
    public static async Task<(DedupStage Stage, IReadOnlyList<string> Missing)?> ForRunAsync(PipelineDefinition definition, SourceFormatRegistry formats,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(formats);
        if (!definition.Dedup.Enabled && definition.Decontaminate.Against.Count == 0)
        {
            return null;
        }

        var against = new List<(string, IReadOnlyList<PublicRecord>)>();
        var missing = new List<string>();
        foreach (var name in definition.Decontaminate.Against)
        {
            var source = definition.Sources.Single(s => s.Name == name);
            var path = definition.ResolvePath(source.Path);
            var files = SourcePaths.Expand(path);
            if (files.Count == 0)
            {
                if (!source.Optional)
                {
                    throw new PipelineConfigException($"{definition.FilePath}: decontaminate.against: source '{name}': no file found: {Path.GetFileName(path)}");
                }

                missing.Add(name);
                continue;
            }

            against.Add((name, await ReadAsync(formats, source, files, cancellationToken)));
        }

        return (new DedupStage(Settings(definition), definition.Dedup.Enabled, against), missing);
    }

    /// <summary>The records of a benchmark's files; records its format cannot read or import are left out.</summary>
    public static async Task<IReadOnlyList<PublicRecord>> ReadAsync(SourceFormatRegistry formats, SourceDefinition source, IReadOnlyList<string> files,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(formats);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(files);
        var importer = formats.PublicFormat(source.Format);
        var records = new List<PublicRecord>();
        foreach (var file in files)
        {
            var display = Path.GetFileName(file);
            await foreach (var read in SourceReader.ReadAsync(formats, source, file, display, cancellationToken: cancellationToken))
            {
                if (read.Record is not { } record)
                {
                    continue;
                }

                DedupText text;
                try
                {
                    text = importer is null ? DedupText.Of(record.Text, null, []) : DedupText.Of(importer.Import(record));
                }
                catch (RecordRejectedException)
                {
                    continue;
                }

                records.Add(new PublicRecord(display, record.RecordId, text));
            }
        }

        return records;
    }
}
