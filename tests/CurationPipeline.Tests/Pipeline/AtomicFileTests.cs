using CurationPipeline.IO;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Pipeline;

public sealed class AtomicFileTests
{
    [Fact]
    public async Task Writers_of_one_file_at_once_never_share_a_temporary_name()
    {
        using var dir = new TempDirectory();
        var path = dir.File("run.json");
        var texts = Enumerable.Range(0, 32).Select(i => new string((char)('a' + (i % 26)), 200_000)).ToList();

        await Task.WhenAll(texts.Select(t => Task.Run(() => AtomicFile.WriteAllTextAsync(path, t))));

        Assert.Contains(File.ReadAllText(path), texts);
        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }
}
