using CurationPipeline.Synthesis;
using CurationPipeline.Tests.Paradigms;

namespace CurationPipeline.Tests.Synthesis;

/// <summary>
/// The synthesised files under raw/ are reproducible: regenerating them with the bundled seed and count gives
/// the committed bytes. With CURATE_REGENERATE_RAW=1 the test rewrites them instead (how they are produced).
/// </summary>
public sealed class BundledRawTests
{
    public static TheoryData<string> Kinds() => [.. RawSynthesizer.Kinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Committed_file_equals_regeneration_with_the_bundled_seed(string kind)
    {
        var (relative, count) = RawSynthesizer.Bundled[kind];
        var path = Path.Combine(RawFiles.Raw, relative);
        if (Environment.GetEnvironmentVariable("CURATE_REGENERATE_RAW") == "1")
        {
            await RawSynthesizer.WriteAsync(kind, count, path, RawSynthesizer.BundledSeed, RawFiles.Reference);
        }

        var expected = RawSynthesizer.Lines(kind, count, RawSynthesizer.BundledSeed, RawFiles.Reference).ToList();
        var committed = File.ReadAllLines(path);
        Assert.Equal(expected.Count, committed.Length);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i] == committed[i], $"{relative} line {i + 1} differs from its regeneration; run the tests with CURATE_REGENERATE_RAW=1 after changing the synthesiser or the tables");
        }
    }
}
