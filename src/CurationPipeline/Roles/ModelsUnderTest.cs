using CurationPipeline.Evaluation;

namespace CurationPipeline.Roles;

/// <summary>
/// The models the evaluator runs, by name: <c>offline:NAME</c> is a solver of the calibration role's offline panel, any
/// other name an endpoint or model of the endpoints file (its calls counted under <c>evaluation</c>).
/// </summary>
public sealed class ModelsUnderTest(CalibrationRole calibration)
{
    public const string CallRole = "evaluation";

    /// <summary>The model of <paramref name="name"/>; an unknown name is an <see cref="ArgumentException"/> naming the known ones.</summary>
    public IEvaluatedModel Resolve(RoleContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (name.StartsWith("offline:", StringComparison.Ordinal))
        {
            var panel = calibration.Offline(context).Engine;
            var solver = panel.FirstOrDefault(s => s.Name == name)
                ?? throw new ArgumentException($"no offline baseline '{name}' (known: {string.Join(", ", panel.Select(s => s.Name))})");
            return new OfflineModel(solver);
        }

        if (context.Endpoints is not { } file || context.Hub is not { } hub)
        {
            throw new ArgumentException($"'{name}' is not an offline:<solver> baseline; give --endpoints FILE to evaluate endpoint models");
        }

        var served = file.Endpoints.Where(e => e.Name == name || e.Model == name).ToList();
        if (served.Count == 0)
        {
            throw new ArgumentException($"no endpoint or model named '{name}' in the endpoints file (endpoints: {string.Join(", ", hub.EndpointNames)})");
        }

        return new ChatModel(name, "llm:" + string.Join("+", served.Select(e => $"{e.Model}@{e.Name}").Distinct(StringComparer.Ordinal)), context.Client(name, CallRole));
    }
}
