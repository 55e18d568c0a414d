using CurationPipeline.Core;
using CurationPipeline.Paradigms;

namespace CurationPipeline.Roles;

/// <summary>
/// <c>generator</c>: the engines of the paradigms (stage <c>generate</c>). Offline, each dataset gets its paradigm's
/// embedded engine; over endpoints, its paradigm's LLM engine, the named endpoints sharing the datasets round robin
/// like the paper's three generator models.
/// </summary>
public sealed class GeneratorRole : ModelRole<DatasetGenerators>
{
    public override string Name => "generator";

    public override StageName? Stage => StageName.Generate;

    public override RoleEngine<DatasetGenerators> Offline(RoleContext context) =>
        new(new DatasetGenerators(d => context.Paradigms.CreateOffline(d, context.Reference)),
            "offline: deterministic templates and rules over the bundled knowledge tables (no model)");

    public override RoleEngine<DatasetGenerators> Llm(RoleContext context, RoleEndpoints endpoints)
    {
        var names = endpoints.OrFallback;
        var datasets = context.Definition?.Datasets ?? [];
        return new(new DatasetGenerators(d =>
        {
            var name = names[datasets.IndexOf(d) % names.Count];
            var endpoint = context.Endpoint(name);
            return context.Paradigms.CreateLlm(d, new LlmModel(context.Client(name, CallRole), $"llm:{endpoint.Name}/{endpoint.Model}"), context.Reference);
        }), "LLM: " + string.Join(", ", names.Select(context.Describe)) + " (prompt templates in pipelines/prompts)");
    }
}

/// <summary>The generator of each dataset, made the first time the dataset asks.</summary>
public sealed class DatasetGenerators(Func<DatasetDefinition, IItemGenerator> create)
{
    private readonly Dictionary<string, IItemGenerator> _byDataset = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public IItemGenerator For(DatasetDefinition dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        lock (_gate)
        {
            if (!_byDataset.TryGetValue(dataset.Name, out var generator))
            {
                _byDataset[dataset.Name] = generator = create(dataset);
            }

            return generator;
        }
    }
}
