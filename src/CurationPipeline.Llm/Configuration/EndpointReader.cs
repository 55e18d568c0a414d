using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace CurationPipeline.Llm;

/// <summary>Reads one <c>endpoints[i]</c> mapping, checking every key and value.</summary>
internal static class EndpointReader
{
    internal static readonly string[] Keys =
    [
        "name", "base_url", "model", "api_key_env", "api_key_header", "max_concurrency", "requests_per_minute",
        "tokens_per_minute", "timeout_seconds", "temperature", "seed", "max_tokens", "price_per_million_input",
        "price_per_million_output", "prompt_price_per_million", "completion_price_per_million", "supports_json_schema",
        "legacy_max_tokens", "batch", "batch_max_requests", "batch_max_bytes", "batch_flush_seconds", "batch_poll_seconds",
        "batch_retry", "batch_discount", "batch_completion_window",
    ];

    public static EndpointOptions Read(YamlNode node, string file, int index)
    {
        if (node is not YamlMappingNode map)
        {
            throw new EndpointsFileException(file, EndpointsFile.Line(node), $"endpoints[{index}]", "expected a mapping of endpoint settings");
        }

        var values = new Dictionary<string, YamlScalarNode>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var path = $"endpoints[{index}].{key}";
            if (Array.IndexOf(Keys, key) < 0)
            {
                throw new EndpointsFileException(file, EndpointsFile.Line(keyNode), path,
                    "unknown key (known keys: " + string.Join(", ", Keys) + ")");
            }

            if (valueNode is not YamlScalarNode scalar)
            {
                throw new EndpointsFileException(file, EndpointsFile.Line(valueNode), path, "expected a single value");
            }

            if (!values.TryAdd(key, scalar))
            {
                throw new EndpointsFileException(file, EndpointsFile.Line(keyNode), path, "key given twice");
            }
        }

        var p = new Parser(file, index, map, values);
        return new EndpointOptions
        {
            Name = p.Text("name", required: true)!,
            BaseUrl = p.Url("base_url"),
            Model = p.Text("model", required: true)!,
            ApiKeyEnv = p.Text("api_key_env"),
            ApiKeyHeader = p.Text("api_key_header"),
            MaxConcurrency = p.Int("max_concurrency", 1, 100_000) ?? 8,
            RequestsPerMinute = p.Int("requests_per_minute", 1, int.MaxValue),
            TokensPerMinute = p.Int("tokens_per_minute", 1, int.MaxValue),
            TimeoutSeconds = p.Number("timeout_seconds", 0.001, 86_400) ?? 120,
            Temperature = (float?)p.Number("temperature", 0, 2),
            Seed = p.Long("seed"),
            MaxTokens = p.Int("max_tokens", 1, int.MaxValue),
            PromptPricePerMillion = (decimal?)p.Price("price_per_million_input", "prompt_price_per_million"),
            CompletionPricePerMillion = (decimal?)p.Price("price_per_million_output", "completion_price_per_million"),
            SupportsJsonSchema = p.Bool("supports_json_schema") ?? false,
            UseLegacyMaxTokens = p.Bool("legacy_max_tokens") ?? false,
            Batch = p.Bool("batch") ?? false,
            BatchMaxRequests = p.Int("batch_max_requests", 1, 50_000) ?? 50_000,
            BatchMaxBytes = p.Long("batch_max_bytes", 1024, 200L * 1024 * 1024) ?? 200_000_000,
            BatchFlushSeconds = p.Number("batch_flush_seconds", 0.001, 86_400) ?? 5,
            BatchPollSeconds = p.Number("batch_poll_seconds", 0.001, 3_600) ?? 30,
            BatchRetry = p.Text("batch_retry") switch
            {
                null or "batch" => BatchRetryMode.Batch,
                "direct" => BatchRetryMode.Direct,
                var other => throw p.Error("batch_retry", $"expected batch or direct, got '{other}'"),
            },
            BatchDiscount = (decimal?)p.Number("batch_discount", 0, 1) ?? 0.5m,
            BatchCompletionWindow = p.Text("batch_completion_window") ?? "24h",
            Source = $"{file}:{EndpointsFile.Line(map)}",
        };
    }

    private sealed class Parser(string file, int index, YamlMappingNode map, Dictionary<string, YamlScalarNode> values)
    {
        public EndpointsFileException Error(string key, string problem) =>
            new(file, values.TryGetValue(key, out var n) ? EndpointsFile.Line(n) : EndpointsFile.Line(map), $"endpoints[{index}].{key}", problem);

        public string? Text(string key, bool required = false)
        {
            var v = values.TryGetValue(key, out var n) ? n.Value?.Trim() : null;
            if (string.IsNullOrEmpty(v))
            {
                return required ? throw Error(key, "required, and must not be empty") : null;
            }

            return v;
        }

        public Uri Url(string key)
        {
            var text = Text(key, required: true)!;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https") || uri.Host.Length == 0)
            {
                throw Error(key, $"expected an absolute http(s) URL, got '{text}'");
            }

            // Uri takes "http://host:/v1" as the default port; a colon with no port is a typo, not a choice.
            var authority = text[(text.IndexOf("//", StringComparison.Ordinal) + 2)..].Split('/', '?', '#')[0];
            if (authority.EndsWith(':'))
            {
                throw Error(key, $"the URL '{text}' has a ':' with no port after it");
            }

            return uri;
        }

        public int? Int(string key, int min, int max) => (int?)Long(key, min, max);

        public long? Long(string key, long min = long.MinValue, long max = long.MaxValue)
        {
            var text = Text(key);
            if (text is null)
            {
                return null;
            }

            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            {
                throw Error(key, $"expected a whole number{Range(min, max)}, got '{text}'");
            }

            return v;
        }

        public double? Number(string key, double min, double max)
        {
            var text = Text(key);
            if (text is null)
            {
                return null;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < min || v > max)
            {
                throw Error(key, $"expected a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, got '{text}'");
            }

            return v;
        }

        /// <summary>A price under <paramref name="key"/> or its older name <paramref name="synonym"/>, not both.</summary>
        public double? Price(string key, string synonym)
        {
            if (values.ContainsKey(key) && values.ContainsKey(synonym))
            {
                throw Error(synonym, $"'{synonym}' is another name of '{key}'; give one of them");
            }

            return Number(values.ContainsKey(synonym) ? synonym : key, 0, 1e9);
        }

        public bool? Bool(string key)
        {
            var text = Text(key);
            return text switch
            {
                null => null,
                "true" or "True" or "yes" => true,
                "false" or "False" or "no" => false,
                _ => throw Error(key, $"expected true or false, got '{text}'"),
            };
        }

        private static string Range(long min, long max) =>
            min == long.MinValue ? "" : max >= int.MaxValue ? $" of at least {min}" : $" from {min} to {max}";
    }
}
