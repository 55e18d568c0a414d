using CurationPipeline.Core;

namespace CurationPipeline.Roles;

/// <summary>The model roles of a run, in the order their stages run.</summary>
public sealed class RoleRegistry
{
    public RoleRegistry(IEnumerable<IModelRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        All = [.. roles];
        var names = new HashSet<string>(StringComparer.Ordinal);
        var stages = new HashSet<StageName>();
        foreach (var role in All)
        {
            if (!names.Add(role.Name))
            {
                throw new ArgumentException($"model role '{role.Name}' is registered twice");
            }

            if (role.Stage is { } stage && !stages.Add(stage))
            {
                throw new ArgumentException($"stage '{stage}' is served by two model roles");
            }
        }
    }

    public IReadOnlyList<IModelRole> All { get; }

    /// <summary>The keys <c>roles:</c> may have.</summary>
    public IReadOnlyList<string> Names => [.. All.Select(r => r.Name)];

    /// <summary>These roles and <paramref name="role"/>, whose stage runs after theirs.</summary>
    public RoleRegistry With(IModelRole role) => new([.. All, role]);

    public bool Knows(string name) => All.Any(r => r.Name == name);

    /// <summary>The stages the roles serve that are not the host's own (their parallelism may be set too).</summary>
    public IReadOnlyList<StageName> AddedStages => [.. All.Select(r => r.Stage).OfType<StageName>().Where(s => !StageName.Configurable.Contains(s))];

    /// <summary>The one registered role of type <typeparamref name="T"/>.</summary>
    public T Single<T>()
        where T : IModelRole =>
        All.OfType<T>().SingleOrDefault() ?? throw new InvalidOperationException($"no {typeof(T).Name} is registered");
}
