namespace CurationPipeline.Llm.Tests;

public class EndpointsFileTests
{
    [Fact]
    public void Reads_every_key()
    {
        var file = EndpointsFile.Parse("""
            endpoints:
              - name: m1
                base_url: http://127.0.0.1:8000/v1
                model: qwen2.5-72b-instruct
                api_key_env: OPENAI_API_KEY
                api_key_header: api-key
                max_concurrency: 32
                requests_per_minute: 600
                tokens_per_minute: 200000
                timeout_seconds: 45.5
                temperature: 0.3
                seed: 42
                max_tokens: 1024
                price_per_million_input: 0.15
                price_per_million_output: 0.6
                supports_json_schema: true
                legacy_max_tokens: true
                batch: true
                batch_max_requests: 1000
                batch_max_bytes: 5000000
                batch_flush_seconds: 2
                batch_poll_seconds: 60
                batch_retry: direct
                batch_discount: 0.4
                batch_completion_window: 24h
              - name: m2
                base_url: http://127.0.0.1:8001/v1
                model: llama
            """, "endpoints.yaml");

        var m1 = file.Endpoints[0];
        Assert.Equal(("m1", "http://127.0.0.1:8000/v1", "qwen2.5-72b-instruct", "OPENAI_API_KEY", "api-key"),
            (m1.Name, m1.BaseUrl.ToString(), m1.Model, m1.ApiKeyEnv, m1.ApiKeyHeader));
        Assert.Equal((32, 600, 200000, 45.5), (m1.MaxConcurrency, m1.RequestsPerMinute, m1.TokensPerMinute, m1.TimeoutSeconds));
        Assert.Equal((0.3f, 42L, 1024, 0.15m, 0.6m, true),
            (m1.Temperature, m1.Seed, m1.MaxTokens, m1.PromptPricePerMillion, m1.CompletionPricePerMillion, m1.SupportsJsonSchema));
        Assert.True(m1.UseLegacyMaxTokens);
        Assert.Equal((true, 1000, 5_000_000L, 2.0, 60.0, BatchRetryMode.Direct, 0.4m, "24h"),
            (m1.Batch, m1.BatchMaxRequests, m1.BatchMaxBytes, m1.BatchFlushSeconds, m1.BatchPollSeconds, m1.BatchRetry, m1.BatchDiscount, m1.BatchCompletionWindow));
        var m2 = file.Endpoints[1];
        Assert.Equal((8, (int?)null, 120.0, (string?)null, false), (m2.MaxConcurrency, m2.RequestsPerMinute, m2.TimeoutSeconds, m2.ApiKeyEnv, m2.SupportsJsonSchema));
        Assert.Equal((false, 50_000, BatchRetryMode.Batch, 0.5m), (m2.Batch, m2.BatchMaxRequests, m2.BatchRetry, m2.BatchDiscount));
    }

    [Fact]
    public void Prices_are_read_under_their_older_names_too_but_not_under_both()
    {
        var older = EndpointsFile.Parse("endpoints:\n  - { name: a, base_url: http://h/v1, model: m, prompt_price_per_million: 1.5, completion_price_per_million: 3 }\n", "e.yaml");
        Assert.Equal((1.5m, 3m), (older.Endpoints[0].PromptPricePerMillion, older.Endpoints[0].CompletionPricePerMillion));

        var both = Assert.Throws<EndpointsFileException>(() => EndpointsFile.Parse(
            "endpoints:\n  - { name: a, base_url: http://h/v1, model: m, price_per_million_input: 1, prompt_price_per_million: 1 }\n", "e.yaml"));
        Assert.Equal("endpoints[0].prompt_price_per_million", both.Key);
        var retry = Assert.Throws<EndpointsFileException>(() => EndpointsFile.Parse("endpoints:\n  - { name: a, base_url: http://h/v1, model: m, batch_retry: later }\n", "e.yaml"));
        Assert.Contains("expected batch or direct, got 'later'", retry.Message, StringComparison.Ordinal);
        var limit = Assert.Throws<EndpointsFileException>(() => EndpointsFile.Parse("endpoints:\n  - { name: a, base_url: http://h/v1, model: m, batch_max_requests: 60000 }\n", "e.yaml"));
        Assert.Equal("endpoints[0].batch_max_requests", limit.Key);
    }

    [Fact]
    public void Unknown_key_names_file_line_and_key()
    {
        var e = Assert.Throws<EndpointsFileException>(() => EndpointsFile.Parse("""
            endpoints:
              - name: m1
                base_url: http://127.0.0.1:8000/v1
                model: x
                max_concurency: 4
            """, "conf/endpoints.yaml"));
        Assert.Equal(("conf/endpoints.yaml", 5, "endpoints[0].max_concurency"), (e.FileName, e.Line, e.Key));
        Assert.StartsWith("conf/endpoints.yaml:5: 'endpoints[0].max_concurency': unknown key", e.Message);
    }

    [Theory]
    [InlineData("max_concurrency: many", 5, "endpoints[0].max_concurrency", "whole number")]
    [InlineData("max_concurrency: 0", 5, "endpoints[0].max_concurrency", "from 1")]
    [InlineData("temperature: 3", 5, "endpoints[0].temperature", "from 0 to 2")]
    [InlineData("supports_json_schema: maybe", 5, "endpoints[0].supports_json_schema", "true or false")]
    [InlineData("timeout_seconds: [1, 2]", 5, "endpoints[0].timeout_seconds", "single value")]
    public void Wrong_values_name_file_line_and_key(string line, int lineNumber, string key, string problem)
    {
        var yaml = "endpoints:\n  - name: m1\n    base_url: http://127.0.0.1:8000/v1\n    model: x\n    " + line + "\n";
        var e = Assert.Throws<EndpointsFileException>(() => EndpointsFile.Parse(yaml, "e.yaml"));
        Assert.Equal(("e.yaml", lineNumber, key), (e.FileName, e.Line, e.Key));
        Assert.Contains(problem, e.Message);
    }

    [Theory]
    [InlineData("endpoints:\n  - name: m1\n    model: x\n", "base_url")]
    [InlineData("endpoints:\n  - name: m1\n    base_url: ftp://host/v1\n    model: x\n", "base_url")]
    [InlineData("endpoints:\n  - base_url: http://h/v1\n    model: x\n", "name")]
    [InlineData("endpoints: []\n", "endpoints")]
    [InlineData("models:\n  - name: m1\n", "models")]
    [InlineData("endpoints:\n  - name: a\n    base_url: http://h/v1\n    model: x\n  - name: a\n    base_url: http://h/v1\n    model: y\n", "name")]
    [InlineData("endpoints:\n  - name: a\n    base_url: http://h/v1\n    model: x\n    temperature: 0\n  - name: b\n    base_url: http://h/v1\n    model: x\n", "model")]
    public void Missing_or_inconsistent_settings_are_errors_naming_the_key(string yaml, string key)
    {
        var e = Assert.Throws<EndpointsFileException>(() => EndpointsFile.Parse(yaml, "e.yaml"));
        Assert.Contains(key, e.Key);
        Assert.StartsWith("e.yaml:", e.Message);
    }

    [Fact]
    public void A_key_given_twice_is_an_error()
    {
        var e = Assert.Throws<EndpointsFileException>(() => EndpointsFile.Parse(
            "endpoints:\n  - name: a\n    base_url: http://h/v1\n    model: x\n    model: y\n", "twice.yaml"));
        Assert.StartsWith("twice.yaml:", e.Message);
    }

    [Fact]
    public void Broken_yaml_names_file_and_line()
    {
        var e = Assert.Throws<EndpointsFileException>(() => EndpointsFile.Parse("endpoints:\n  - name: [unclosed\n", "bad.yaml"));
        Assert.StartsWith("bad.yaml:", e.Message);
    }

    [Fact]
    public void Load_reads_a_file_and_names_it_in_errors()
    {
        using var dir = new CurationPipeline.Testing.TempDirectory();
        var path = dir.File("endpoints.yaml");
        File.WriteAllText(path, "endpoints:\n  - name: m1\n    base_url: http://127.0.0.1:1/v1\n    model: x\n    seed: 1.5\n");
        var e = Assert.Throws<EndpointsFileException>(() => EndpointsFile.Load(path));
        Assert.Equal((path, 5), (e.FileName, e.Line));
        Assert.Throws<FileNotFoundException>(() => EndpointsFile.Load(dir.File("missing.yaml")));
    }
}
