using System.Net.Http.Headers;

namespace CurationPipeline.Llm;

/// <summary>
/// Checks endpoints before the first paid call: the key variable is set and one <c>GET {base_url}/models</c> answers
/// with a success status, so a wrong URL fails at once with one clear message instead of after thousands of failed calls.
/// </summary>
public static class EndpointProbe
{
    public static async Task CheckAsync(IEnumerable<EndpointOptions> endpoints, Func<string, string?> environment, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(environment);
        using var http = new HttpClient { Timeout = timeout };
        foreach (var endpoint in endpoints)
        {
            var where = $"endpoint '{endpoint.Name}' ({endpoint.Source})";
            string? key = null;
            if (endpoint.ApiKeyEnv is { } variable && string.IsNullOrEmpty(key = environment(variable)))
            {
                throw new EndpointConfigurationException($"{where}: environment variable '{variable}' named by api_key_env is not set");
            }

            var url = new Uri(endpoint.BaseUrl.AbsoluteUri.TrimEnd('/') + "/models");
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (key is not null)
            {
                if (endpoint.ApiKeyHeader is { } header)
                {
                    request.Headers.TryAddWithoutValidation(header, key);
                }
                else
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                }
            }

            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw new EndpointConfigurationException($"{where}: GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}; check base_url and the key");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new EndpointConfigurationException($"{where}: GET {url} got no answer ({e.Message}); check base_url and that the server is running");
            }
        }
    }
}
