using CurationPipeline.Core;
using CurationPipeline.Deidentification;
using CurationPipeline.Items;

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

    /// <summary>
    /// The de-identifier of a run's source text and its PHI gate on generated items, each null when switched off, and
    /// the line that says what they are.
    /// </summary>
    public static (ISourceDeidentifier? Source, IItemGate? Gate, string Description) ForRun(DeidentificationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (!section.Enabled && !section.Gate)
        {
            return (null, null, "off");
        }

        var adapter = new DeidentifierAdapter(new Deidentifier(Options(section.Mode, section.SecretEnv)));
        var description = $"rule-based recognisers, {ConfigNames.Of(section.Mode)} mode, "
            + (HasSecret(section.SecretEnv) ? $"secret from {section.SecretEnv}" : $"demo secret (set {section.SecretEnv} for real data)")
            + (section.Gate ? "; PHI gate on every generated item" : "");
        return (section.Enabled ? adapter : null, section.Gate ? adapter : null, description);
    }

    private sealed class DeidentifierAdapter(Deidentifier deidentifier) : ISourceDeidentifier, IItemGate
    {
        public string Deidentify(string text, string patientKey, string source) => deidentifier.Deidentify(text, patientKey, source).Text;

        public DeidentificationAudit AuditSnapshot()
        {
            var audit = deidentifier.Audit;
            return new(
                audit.Texts,
                audit.Total,
                audit.Totals.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value, StringComparer.Ordinal),
                audit.BySource.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, int>)kv.Value.ToDictionary(c => c.Key.ToString(), c => c.Value, StringComparer.Ordinal), StringComparer.Ordinal));
        }

        public BenchmarkItem Check(BenchmarkItem item) => deidentifier.Gate(item).Item;
    }
}
