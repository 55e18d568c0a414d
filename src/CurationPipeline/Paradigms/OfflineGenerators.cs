using CurationPipeline.Core;
using CurationPipeline.Reference;

namespace CurationPipeline.Paradigms;

/// <summary>The embedded offline engines of P1 to P4, chosen by the dataset's paradigm and options.</summary>
public static class OfflineGenerators
{
    /// <summary>
    /// The offline engine for a P1..P4 dataset over the bundled raw folder (knowledge tables and lexicons).
    /// A public dataset, or an unknown paradigm or option value, is an error naming the dataset.
    /// </summary>
    public static IItemGenerator For(DatasetDefinition dataset, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        try
        {
            return dataset.Paradigm?.Code.ToUpperInvariant() switch
            {
                "P1" => new OfflineP1Generator(EngineItems.Option(dataset, "variant"), reference.Knowledge),
                "P2" => new OfflineP2Generator(),
                "P3" => new OfflineP3Generator(EngineItems.Option(dataset, "entity_type"), LexiconMatcher.For(reference)),
                "P4" => new OfflineP4Generator(EngineItems.Option(dataset, "task")),
                _ => throw new ArgumentException($"paradigm '{dataset.Paradigm}' has no offline engine (public datasets skip generation)"),
            };
        }
        catch (ArgumentException e) when (!e.Message.StartsWith("dataset ", StringComparison.Ordinal))
        {
            throw new ArgumentException($"dataset {dataset.Name}: {e.Message}", e);
        }
    }
}
