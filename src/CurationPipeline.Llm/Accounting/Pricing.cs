namespace CurationPipeline.Llm;

/// <summary>What tokens cost at an endpoint's prices (<c>price_per_million_input</c>, <c>price_per_million_output</c>), a batch's discount applied.</summary>
public static class Pricing
{
    /// <summary>Whether the endpoint has a price at all; without one, costs are unknown (<c>null</c>), not zero.</summary>
    public static bool HasPrice(EndpointOptions? endpoint) =>
        endpoint is not null && (endpoint.PromptPricePerMillion is not null || endpoint.CompletionPricePerMillion is not null);

    /// <summary>The cost of <paramref name="promptTokens"/> and <paramref name="completionTokens"/>, at the batch price when <paramref name="batched"/>.</summary>
    public static decimal Cost(EndpointOptions endpoint, long promptTokens, long completionTokens, bool batched)
    {
        var full = (promptTokens * (endpoint.PromptPricePerMillion ?? 0m) + completionTokens * (endpoint.CompletionPricePerMillion ?? 0m)) / 1_000_000m;
        return batched ? full * (1m - endpoint.BatchDiscount) : full;
    }
}
