using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Reference;

namespace CurationPipeline.Paradigms;

/// <summary>
/// The paradigms of a run, by code. <c>public</c> is not one of them: a public dataset's items are imported by its
/// source format, not generated.
/// </summary>
public sealed class ParadigmRegistry
{
    private readonly Dictionary<Paradigm, IParadigm> _byCode = [];

    public ParadigmRegistry(IEnumerable<IParadigm> paradigms)
    {
        ArgumentNullException.ThrowIfNull(paradigms);
        foreach (var p in paradigms)
        {
            if (p.Code.IsPublic || !_byCode.TryAdd(p.Code, p))
            {
                throw new ArgumentException($"paradigm code '{p.Code}' is taken ({(p.Code.IsPublic ? "public datasets" : _byCode[p.Code].Name)})");
            }
        }

        All = [.. _byCode.Values];
        Validator = new BenchmarkItemValidator(All.Where(p => p.ItemRules is not null).Select(p => (p.Code, p.ItemRules!)));
    }

    public IReadOnlyList<IParadigm> All { get; }

    /// <summary>The rules of every item and of each paradigm, for the validate stage and for review revisions.</summary>
    public BenchmarkItemValidator Validator { get; }

    /// <summary>These paradigms and <paramref name="paradigm"/>.</summary>
    public ParadigmRegistry With(IParadigm paradigm) => new([.. All, paradigm]);

    /// <summary>Whether a dataset may name <paramref name="code"/>: a paradigm here, or <c>public</c>.</summary>
    public bool Knows(Paradigm code) => code.IsPublic || _byCode.ContainsKey(code);

    /// <summary>The codes a dataset may name: the paradigms', then <c>public</c>.</summary>
    public IReadOnlyList<Paradigm> Codes => [.. _byCode.Keys, Paradigm.Public];

    /// <summary>The paradigm of a dataset; a public dataset or an unknown code is an error naming the dataset.</summary>
    public IParadigm For(DatasetDefinition dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Paradigm is { } code && _byCode.TryGetValue(code, out var paradigm)
            ? paradigm
            : throw new ArgumentException($"dataset {dataset.Name}: paradigm '{dataset.Paradigm}' has no offline engine (public datasets skip generation)");
    }

    /// <summary>The embedded engine of a dataset's paradigm; errors name the dataset.</summary>
    public IItemGenerator CreateOffline(DatasetDefinition dataset, ReferenceData reference) =>
        Named(dataset, () => For(dataset).CreateOffline(dataset, reference));

    /// <summary>The engine over <paramref name="model"/> of a dataset's paradigm; errors name the dataset.</summary>
    public IItemGenerator CreateLlm(DatasetDefinition dataset, LlmModel model, ReferenceData reference) =>
        Named(dataset, () => For(dataset).CreateLlm(dataset, model, reference));

    private static IItemGenerator Named(DatasetDefinition dataset, Func<IItemGenerator> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException e) when (!e.Message.StartsWith("dataset ", StringComparison.Ordinal))
        {
            throw new ArgumentException($"dataset {dataset.Name}: {e.Message}", e);
        }
    }
}
