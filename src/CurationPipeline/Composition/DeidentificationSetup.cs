using CurationPipeline.Core;
using CurationPipeline.Deidentification;

namespace CurationPipeline.Composition;

/// <summary>The de-identifier's settings from the typed options of a pipeline file or of <c>curate deid</c>, built in one place.</summary>
public static class DeidentificationSetup
{
    /// <summary>
    /// Settings for <paramref name="mode"/>, keyed by the secret in the environment variable <paramref name="secretEnv"/>;
    /// without one, the de-identifier's demo secret.
    /// </summary>
    public static DeidOptions Options(DeidentificationMode mode, string secretEnv)
    {
        var deidMode = mode == DeidentificationMode.Mask ? DeidMode.Mask : DeidMode.Surrogate;
        var secret = Environment.GetEnvironmentVariable(secretEnv);
        return string.IsNullOrEmpty(secret) ? new DeidOptions { Mode = deidMode } : new DeidOptions { Mode = deidMode, Secret = secret };
    }

    /// <summary>Whether <paramref name="secretEnv"/> holds a secret (otherwise the demo secret keys the surrogates).</summary>
    public static bool HasSecret(string secretEnv) => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(secretEnv));
}
