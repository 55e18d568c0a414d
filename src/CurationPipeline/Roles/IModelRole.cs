using CurationPipeline.Core;

namespace CurationPipeline.Roles;

/// <summary>
/// A model-backed role, declared once: its name (the key of <c>roles:</c> in a pipeline file that maps it to endpoints),
/// the stage of a run it serves, its embedded engine and its engine over endpoints. The run and the evaluator build
/// the role's engines from this one declaration. A run knows the roles registered in its extensions
/// (<c>Extensions.Bundled</c>).
/// </summary>
public interface IModelRole
{
    /// <summary>The key of <c>roles:</c> that names its endpoints.</summary>
    string Name { get; }

    /// <summary>The stage of a run it serves, or null for a role that other roles and the evaluator use.</summary>
    StageName? Stage { get; }

    /// <summary>The item stage it adds to a run, built from its engine (and other roles' through the context); null when it adds none.</summary>
    IItemStage? CreateStage(RoleContext context);
}

/// <summary>A role whose engine is a <typeparamref name="TEngine"/>.</summary>
public abstract class ModelRole<TEngine> : IModelRole
    where TEngine : class
{
    public abstract string Name { get; }

    public virtual StageName? Stage => null;

    /// <summary>The key of the role's line in run.json's <c>engines</c> and the report; the role's name unless it says otherwise.</summary>
    public virtual string DescriptionKey => Name;

    /// <summary>The role its model calls are counted under (run.json's <c>models</c>, the cost table); the role's name unless it says otherwise.</summary>
    public virtual string CallRole => Name;

    /// <summary>The embedded engine, and what it is.</summary>
    public abstract RoleEngine<TEngine> Offline(RoleContext context);

    /// <summary>The engine over the endpoints the pipeline names for the role (or the fallback endpoint), and what it is.</summary>
    public abstract RoleEngine<TEngine> Llm(RoleContext context, RoleEndpoints endpoints);

    public virtual IItemStage? CreateStage(RoleContext context) => null;
}

/// <summary>An engine of a role and the line that says what it is (run.json, the report, the dataset card).</summary>
public sealed record RoleEngine<T>(T Engine, string Description);

/// <summary>The endpoints a pipeline names for a role (maybe none), and the endpoints file's first one, which serves a role that names none.</summary>
public sealed record RoleEndpoints(IReadOnlyList<string> Named, string Fallback)
{
    /// <summary>The named endpoints, or the fallback alone.</summary>
    public IReadOnlyList<string> OrFallback => Named.Count > 0 ? Named : [Fallback];
}
