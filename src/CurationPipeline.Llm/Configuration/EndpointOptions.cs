namespace CurationPipeline.Llm;

/// <summary>One OpenAI-compatible endpoint from the endpoints file (snake_case keys there).</summary>
public sealed class EndpointOptions
{
    /// <summary>Unique name (<c>name</c>); roles refer to an endpoint by it.</summary>
    public required string Name { get; init; }

    /// <summary>Base URL up to and including <c>/v1</c> (<c>base_url</c>).</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Model name sent with every request (<c>model</c>); several endpoints may serve one model.</summary>
    public required string Model { get; init; }

    /// <summary>Name of the environment variable holding the API key (<c>api_key_env</c>); the key itself is never stored.</summary>
    public string? ApiKeyEnv { get; init; }

    /// <summary>Header carrying the key (<c>api_key_header</c>); <c>null</c> sends <c>Authorization: Bearer</c>, Azure OpenAI uses <c>api-key</c>.</summary>
    public string? ApiKeyHeader { get; init; }

    /// <value>Requests in flight at once (<c>max_concurrency</c>); default 8.</value>
    public int MaxConcurrency { get; init; } = 8;

    /// <value>Requests started per minute (<c>requests_per_minute</c>); <c>null</c> for no limit.</value>
    public int? RequestsPerMinute { get; init; }

    /// <value>Prompt plus completion tokens per minute (<c>tokens_per_minute</c>); <c>null</c> for no limit.</value>
    public int? TokensPerMinute { get; init; }

    /// <value>Seconds one HTTP attempt may take (<c>timeout_seconds</c>); default 120.</value>
    public double TimeoutSeconds { get; init; } = 120;

    /// <summary>Default sampling temperature (<c>temperature</c>) when the caller sets none.</summary>
    public float? Temperature { get; init; }

    /// <summary>Default seed (<c>seed</c>) when the caller sets none.</summary>
    public long? Seed { get; init; }

    /// <summary>Default completion token limit (<c>max_tokens</c>) when the caller sets none.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Price in currency units per million prompt tokens (<c>price_per_million_input</c>).</summary>
    public decimal? PromptPricePerMillion { get; init; }

    /// <summary>Price in currency units per million completion tokens (<c>price_per_million_output</c>).</summary>
    public decimal? CompletionPricePerMillion { get; init; }

    /// <value>Send requests through the provider's Batch API (<c>/v1/files</c>, <c>/v1/batches</c>) instead of one call each (<c>batch</c>); default false.</value>
    public bool Batch { get; init; }

    /// <value>Most requests in one batch file (<c>batch_max_requests</c>); default 50,000, the provider's limit.</value>
    public int BatchMaxRequests { get; init; } = 50_000;

    /// <value>Largest batch file in bytes (<c>batch_max_bytes</c>); default 200,000,000 (the provider allows 200 MB).</value>
    public long BatchMaxBytes { get; init; } = 200_000_000;

    /// <value>Seconds without a new request after which the requests collected so far are sent as a batch (<c>batch_flush_seconds</c>); default 5.</value>
    public double BatchFlushSeconds { get; init; } = 5;

    /// <value>Seconds before a batch is first looked at (<c>batch_poll_seconds</c>); the wait doubles up to 20 times that, at most 10 minutes. Default 30.</value>
    public double BatchPollSeconds { get; init; } = 30;

    /// <value>How a failed batch line is asked again (<c>batch_retry</c>): in a new batch (<see cref="BatchRetryMode.Batch"/>, the default) or by a direct call.</value>
    public BatchRetryMode BatchRetry { get; init; } = BatchRetryMode.Batch;

    /// <value>Share of the price taken off for requests answered in a batch (<c>batch_discount</c>); default 0.5, the providers' half price.</value>
    public decimal BatchDiscount { get; init; } = 0.5m;

    /// <value>The batch's completion window (<c>batch_completion_window</c>); default <c>24h</c>.</value>
    public string BatchCompletionWindow { get; init; } = "24h";

    /// <value>Whether the server accepts <c>response_format: json_schema</c> (<c>supports_json_schema</c>); default false, plain instructions then.</value>
    public bool SupportsJsonSchema { get; init; }

    /// <value>Send the limit as <c>max_tokens</c> instead of <c>max_completion_tokens</c> (<c>legacy_max_tokens</c>), for servers that only know the older field; default false.</value>
    public bool UseLegacyMaxTokens { get; init; }

    /// <summary>Where this endpoint was declared, e.g. <c>endpoints.yaml:12</c>, for error messages.</summary>
    public string? Source { get; init; }

    /// <summary>The endpoint's timeout as a <see cref="TimeSpan"/>.</summary>
    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}

/// <summary>How a request whose batch line failed is asked again.</summary>
public enum BatchRetryMode
{
    /// <summary>As a line of a later batch (half price, later answer).</summary>
    Batch,

    /// <summary>By a direct chat completion call (full price, answer now).</summary>
    Direct,
}
