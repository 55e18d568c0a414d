using System.IO.Enumeration;
using System.Text;
using System.Text.RegularExpressions;
using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Datasets;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Datasets;

public partial class DatasetManifestTests
{
    private static readonly string[] MlbPublicSources = ["cmexam", "chip_cdn", "cmeee", "chip_cdee", "cmeie"];

    [Fact]
    public void Bundled_manifest_is_the_repository_file_and_pins_every_file()
    {
        var bundled = DatasetManifestLoader.Bundled();
        var file = DatasetManifestLoader.Load(RepoPaths.File("pipelines/datasets.yaml"));

        Assert.Equal(file.Datasets.Select(d => d.Name), bundled.Datasets.Select(d => d.Name));
        Assert.Equal(file.Datasets.Sum(d => d.Files.Count), bundled.Datasets.Sum(d => d.Files.Count));
        Assert.Equal(
            ["cmexam", "cblue-chip-cdn", "cblue-cmeee", "cblue-chip-cdee", "cblue-cmeie", "cehrner", "cmtmedqa", "presidio-synth-pii", "toyhom-med-dialogue", "cmdd"],
            bundled.Datasets.Select(d => d.Name));
        foreach (var dataset in bundled.Datasets)
        {
            Assert.NotEmpty(dataset.Licence);
            Assert.NotEmpty(dataset.Citation);
            foreach (var f in dataset.Files)
            {
                // Downloads come from a commit, so the bytes behind a checksum cannot change.
                if (dataset.SourceUrl(f) is { } url)
                {
                    Assert.Matches(PinnedGitHub(), url.AbsoluteUri);
                }
            }
        }

        // Only CMExam's val.csv is known by its git blob id alone; every other file has a SHA-256 and a size.
        var blobOnly = bundled.Datasets.SelectMany(d => d.Files.Where(f => f.GitBlobSha1 is not null).Select(f => $"{d.Name}/{f.Path}"));
        Assert.Equal(["cmexam/val.csv"], blobOnly);
        Assert.All(bundled.Datasets.SelectMany(d => d.Files).Where(f => f.Sha256 is not null), f => Assert.NotNull(f.Size));
        Assert.Equal(415, bundled.Find("cmdd")!.Files.Count);
        Assert.Equal(new Uri("https://raw.githubusercontent.com/alibaba-research/ChineseBLUE/52eefc9d5cb1839348546c8a473c633d4d9d60a8/LICENSE"),
            bundled.Find("cmdd")!.SourceUrl(bundled.Find("cmdd")!.Files.Single(f => f.Path == "LICENSE")));

        // CBLUE comes from a login page: no URL is downloaded, and the unofficial copies are only named.
        var cblue = bundled.Datasets.Where(d => d.Name.StartsWith("cblue-", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, cblue.Count);
        Assert.All(cblue, d => Assert.True(d.NeedsLogin));
        Assert.All(cblue, d => Assert.Equal("https://tianchi.aliyun.com/dataset/95414", d.Login));
        Assert.All(cblue.SelectMany(d => d.Files), f => Assert.Null(f.Url));
        Assert.All(cblue.SelectMany(d => d.Files.Where(f => !f.Optional)), f => Assert.Matches(PinnedGitHub(), f.UnofficialUrl!));
    }

    [Fact]
    public void Every_public_source_of_the_main_pipeline_is_fetched_into_the_folder_and_name_it_reads()
    {
        var definition = PipelineLoader.Load(RepoPaths.File("pipelines/mlb.yaml"));
        var manifest = DatasetManifestLoader.Bundled();

        var hint = MissingSourcesHint.For(definition, MlbPublicSources, manifest);

        Assert.Equal(["cmexam", "cblue-chip-cdn", "cblue-cmeee", "cblue-chip-cdee", "cblue-cmeie"], hint.Datasets);
        Assert.Equal(["cblue-chip-cdn", "cblue-cmeee", "cblue-chip-cdee", "cblue-cmeie"], hint.LoginDatasets);
        Assert.Empty(hint.Unmatched);
        Assert.Equal("curate datasets fetch cmexam cblue-chip-cdn cblue-cmeee cblue-chip-cdee cblue-cmeie", hint.Command);
        Assert.Contains(hint.Advice(withFolder: false), line => line.Contains("CURATE_EXTERNAL_DATA", StringComparison.Ordinal));
        foreach (var (source, dataset) in MlbPublicSources.Zip(hint.Datasets))
        {
            var pattern = Path.GetFileName(definition.Sources.Single(s => s.Name == source).Path);
            var main = manifest.Find(dataset)!.Files.First(f => !f.Optional).Path;
            Assert.True(FileSystemName.MatchesSimpleExpression(pattern, main, ignoreCase: false), $"{source}: {pattern} does not read {main}");
        }
    }

    [Theory]
    [InlineData("      - { path: a.json, url: a.json, sha256: 0123 }", 6, "datasets[0].files[0].sha256", "64 lowercase hex")]
    [InlineData("      - { path: a.json, url: a.json, sha256: %SHA%, git_blob_sha1: %SHA1% }", 6, "datasets[0].files[0].sha256", "exactly one")]
    [InlineData("      - { path: ../a.json, url: a.json, sha256: %SHA% }", 6, "datasets[0].files[0].path", "relative path")]
    [InlineData("      - { path: a.json, sha256: %SHA% }", 6, "datasets[0].files[0]", "no login page")]
    [InlineData("      - { path: a.json, url: a.json, sha265: %SHA% }", 6, "datasets[0].files[0].sha265", "unknown key")]
    public void A_wrong_manifest_names_the_file_line_and_key(string fileLine, int line, string key, string problem)
    {
        var yaml = """
            datasets:
              - name: demo
                description: a test set
                licence: MIT
                files:
            %FILE%
            """.Replace("%FILE%", fileLine.Replace("%SHA%", new string('a', 64), StringComparison.Ordinal).Replace("%SHA1%", new string('b', 40), StringComparison.Ordinal), StringComparison.Ordinal);

        var e = Assert.Throws<PipelineConfigException>(() => DatasetManifestLoader.Parse(yaml, "test.yaml"));

        Assert.StartsWith($"test.yaml:{line}: {key}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checksums_are_sha256_and_gits_blob_id()
    {
        using var dir = new TempDirectory();
        var path = dir.File("hello.txt");
        await File.WriteAllTextAsync(path, "hello\n", new UTF8Encoding(false));

        // `echo hello | git hash-object --stdin` and `echo hello | sha256sum`.
        Assert.Equal("ce013625030ba8dba906f756967f9e9ca394464a", await new FileChecksum(ChecksumKind.GitBlobSha1, "").ComputeAsync(path));
        Assert.Equal("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03", await new FileChecksum(ChecksumKind.Sha256, "").ComputeAsync(path));
        Assert.True(await new FileChecksum(ChecksumKind.GitBlobSha1, "ce013625030ba8dba906f756967f9e9ca394464a").MatchesAsync(path));
    }

    [GeneratedRegex("^https://raw\\.githubusercontent\\.com/[^/]+/[^/]+/[0-9a-f]{40}/")]
    private static partial Regex PinnedGitHub();
}
