using System.Runtime.CompilerServices;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests;

/// <summary>
/// A test on the full public datasets: it runs when <c>CURATE_EXTERNAL_DATA</c> names a folder holding a file for
/// every pattern (comma-separated; sample or upstream names alike, e.g. <c>cblue-cmeee/CMeEE_dev*.json</c>), and is
/// skipped, saying why, otherwise. The reason is also put into the test's display name, because <c>dotnet test</c>
/// lists a skipped test by name only.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ExternalDataFactAttribute : FactAttribute
{
    public ExternalDataFactAttribute(string patterns, [CallerMemberName] string test = "")
    {
        var list = patterns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (TestData.WhyExternalMissing(list) is { } reason)
        {
            Skip = reason;
            DisplayName = $"{test} (skipped: {reason})";
        }
    }
}
