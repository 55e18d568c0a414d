using CurationPipeline.Llm;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Calibration;

/// <summary>A model hub over one endpoint on a loopback OpenAI-compatible server.</summary>
internal static class Loopback
{
    public static ModelHub Hub(OpenAiTestServer server, string model = "test-model") =>
        ModelHub.Create(EndpointsFile.From([new EndpointOptions { Name = "m1", BaseUrl = server.BaseUrl, Model = model, TimeoutSeconds = 30 }]),
            new ModelHubOptions { MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(10) });
}
