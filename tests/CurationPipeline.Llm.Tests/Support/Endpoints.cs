using CurationPipeline.Testing;

namespace CurationPipeline.Llm.Tests;

/// <summary>Endpoint settings pointing at a loopback server.</summary>
internal static class Endpoints
{
    public static EndpointOptions For(OpenAiTestServer server, string name = "m1", string model = "test-model", int maxConcurrency = 8,
        int? requestsPerMinute = null, double timeoutSeconds = 30, string? apiKeyEnv = null, bool supportsJsonSchema = false,
        float? temperature = null, long? seed = null, int? maxTokens = null, string? apiKeyHeader = null) => new()
    {
        Name = name,
        BaseUrl = server.BaseUrl,
        Model = model,
        MaxConcurrency = maxConcurrency,
        RequestsPerMinute = requestsPerMinute,
        TimeoutSeconds = timeoutSeconds,
        ApiKeyEnv = apiKeyEnv,
        ApiKeyHeader = apiKeyHeader,
        SupportsJsonSchema = supportsJsonSchema,
        Temperature = temperature,
        Seed = seed,
        MaxTokens = maxTokens,
    };

    public static ModelHub Hub(EndpointOptions endpoint, string? cachePath = null, TimeProvider? time = null, int maxRetries = 5) =>
        Hub([endpoint], cachePath, time, maxRetries);

    public static ModelHub Hub(IEnumerable<EndpointOptions> endpoints, string? cachePath = null, TimeProvider? time = null, int maxRetries = 5) =>
        ModelHub.Create(EndpointsFile.From(endpoints), new ModelHubOptions
        {
            CachePath = cachePath,
            TimeProvider = time ?? new AutoAdvanceTimeProvider(),
            MaxRetries = maxRetries,
        });
}
