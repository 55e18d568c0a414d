namespace CurationPipeline.Llm;

/// <summary>Checks that span endpoints: unique names, and equal defaults for endpoints sharing a model.</summary>
internal static class EndpointsFileValidator
{
    public static void CheckSet(IReadOnlyList<EndpointOptions> endpoints, string file)
    {
        if (endpoints.Count == 0)
        {
            throw new EndpointsFileException(file, 1, "endpoints", "at least one endpoint is required");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in endpoints)
        {
            if (!names.Add(e.Name))
            {
                throw new EndpointsFileException(file, LineOf(e), "name", $"endpoint name '{e.Name}' is used twice");
            }
        }

        // The response cache is keyed by model, above the load spreading: endpoints serving one model
        // must agree on every default that changes the answer, or the cache would mix them.
        foreach (var group in endpoints.GroupBy(e => e.Model, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                if (other.Temperature != first.Temperature || other.Seed != first.Seed || other.MaxTokens != first.MaxTokens
                    || other.SupportsJsonSchema != first.SupportsJsonSchema)
                {
                    throw new EndpointsFileException(file, LineOf(other), "model",
                        $"endpoints '{first.Name}' and '{other.Name}' serve model '{first.Model}' but differ in temperature, seed, max_tokens or supports_json_schema");
                }
            }
        }
    }

    private static int LineOf(EndpointOptions e) =>
        e.Source is { } s && int.TryParse(s[(s.LastIndexOf(':') + 1)..], out var line) ? line : 1;
}
