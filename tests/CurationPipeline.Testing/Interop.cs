using System.Reflection;

namespace CurationPipeline.Testing;

/// <summary>Where the interop packages (tests/interop) are installed.</summary>
public static class Interop
{
    /// <summary>The tests/interop folder, holding package.json and node_modules.</summary>
    public static string Directory { get; } =
        typeof(Interop).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "InteropDir").Value!;
}
