using CurationPipeline.Composition;
using CurationPipeline.Core;

namespace CurationPipeline.Tests.Paradigms;

/// <summary>Dataset definitions from mlb.yaml and hand-made records for the engine tests.</summary>
internal static class TestDatasets
{
    /// <summary>A fresh copy of a dataset of mlb.yaml (tests may change it).</summary>
    public static DatasetDefinition Named(string name) => PipelineLoader.Load(RawFiles.Pipeline).Datasets.Single(d => d.Name == name);

    public static IItemGenerator Engine(string dataset) => Extensions.Bundled.Paradigms.CreateOffline(Named(dataset), RawFiles.Reference);

    public static SourceRecord Record(string id, string kind, params (string Key, string Value)[] fields) =>
        RawFiles.Record("test", "raw/test.jsonl", kind, fields.Append((Key: "id", Value: id)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal));

    /// <summary>The record of a committed raw file with the given id.</summary>
    public static SourceRecord Bundled(string sourceName, string id)
    {
        var mlb = PipelineLoader.Load(RawFiles.Pipeline);
        var source = mlb.Sources.Single(s => s.Name == sourceName);
        return RawFiles.Records(mlb, source, new DatasetDefinition()).Single(r => r.RecordId == id);
    }

    public static async Task<RecordRejectedException> Rejects(IItemGenerator engine, SourceRecord record, string dataset) =>
        await Assert.ThrowsAsync<RecordRejectedException>(() => engine.GenerateAsync(record, Named(dataset), RawFiles.Context()));
}
