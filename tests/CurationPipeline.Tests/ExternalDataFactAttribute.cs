using CurationPipeline.Testing;

namespace CurationPipeline.Tests;

/// <summary>
/// A test on the full public datasets: it runs when <c>CURATE_EXTERNAL_DATA</c> names a folder holding a file for
/// every pattern (sample or upstream names alike, e.g. <c>cblue-cmeee/CMeEE_dev*.json</c>), and is skipped,
/// saying why, otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ExternalDataFactAttribute : FactAttribute
{
    public ExternalDataFactAttribute(params string[] patterns)
    {
        if (TestData.WhyExternalMissing(patterns) is { } reason)
        {
            Skip = reason;
        }
    }
}
