using System.CommandLine;
using System.Text.RegularExpressions;
using CurationPipeline.Cli.Commands;
using CurationPipeline.Composition;
using CurationPipeline.Llm;
using CurationPipeline.Testing;
using YamlDotNet.RepresentationModel;

namespace CurationPipeline.Cli.Tests;

/// <summary>
/// The deploy files read as their engines read them (YAML documents, `bash -n`, the Dockerfile's instructions), and
/// every `curate` command line in them parsed by the CLI itself. Docker, kubectl and sbatch are not run here.
/// </summary>
public partial class DeployFilesTests
{
    private static ParseResult Parse(IEnumerable<string> args)
    {
        var console = CliHarness.PlainConsole(new StringWriter());
        var parse = CurateApp.Build(console, console).Parse([.. args]);
        Assert.True(parse.Errors.Count == 0, $"curate {string.Join(' ', args)}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
        return parse;
    }

    private static string? Option(IReadOnlyList<string> args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    [Fact]
    public void The_kubernetes_jobs_run_shards_of_the_count_they_complete_and_merge_them_on_one_volume()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(CliHarness.RepoFile("deploy/k8s/curate-job.yaml")))
        {
            stream.Load(reader);
        }

        var docs = stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
        YamlMappingNode Kind(string kind, string name) => docs.Single(d => S(d, "kind") == kind && S(M(d, "metadata"), "name") == name);
        var claim = S(M(docs.Single(d => S(d, "kind") == "PersistentVolumeClaim"), "metadata"), "name");
        var shards = Kind("Job", "curate-shards");
        var merge = Kind("Job", "curate-merge");
        var spec = M(shards, "spec");
        Assert.Equal("Indexed", S(spec, "completionMode"));
        var completions = S(spec, "completions");
        Assert.True(int.Parse(S(spec, "parallelism"), System.Globalization.CultureInfo.InvariantCulture) >= 1);

        var (shardArgs, shardPod) = Container(shards);
        var run = Parse(shardArgs);
        Assert.Equal("run", run.CommandResult.Command.Name);
        Assert.Equal(completions, Option(shardArgs, "--shards"));
        Assert.Contains(shardArgs[1], PipelineLoader.Bundled(Bundle.Pipelines).Keys); // a pipeline inside the image

        var (mergeArgs, mergePod) = Container(merge);
        Assert.Equal("merge", Parse(mergeArgs).CommandResult.Command.Name);
        Assert.Equal(completions, Option(mergeArgs, "--shards"));
        Assert.Equal(Option(shardArgs, "--out"), Option(mergeArgs, "--out"));

        // Both write under the mount of the one shared claim.
        foreach (var (args, pod) in new[] { (shardArgs, shardPod), (mergeArgs, mergePod) })
        {
            var volume = ((YamlSequenceNode)pod["volumes"]).Cast<YamlMappingNode>().Single(v => v.Children.ContainsKey("persistentVolumeClaim"));
            Assert.Equal(claim, S(M(volume, "persistentVolumeClaim"), "claimName"));
            var mount = Mounts(pod).Single(m => S(m, "name") == S(volume, "name"));
            Assert.StartsWith(S(mount, "mountPath") + "/", Option(args, "--out"), StringComparison.Ordinal);
            Assert.Equal("true", S(M(pod, "securityContext"), "runAsNonRoot"));
        }

        // The endpoints file comes from the ConfigMap mounted where --endpoints points; its key from the Secret.
        var endpointsMount = Mounts(shardPod).Single(m => Option(shardArgs, "--endpoints")!.StartsWith(S(m, "mountPath") + "/", StringComparison.Ordinal));
        var configMap = S(M(((YamlSequenceNode)shardPod["volumes"]).Cast<YamlMappingNode>().Single(v => S(v, "name") == S(endpointsMount, "name")), "configMap"), "name");
        var text = S(M(Kind("ConfigMap", configMap), "data"), Path.GetFileName(Option(shardArgs, "--endpoints")!));
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("endpoints.yaml"), text);
        var endpoints = EndpointsFile.Load(dir.File("endpoints.yaml"));
        var env = ((YamlSequenceNode)((YamlSequenceNode)shardPod["containers"])[0]["env"]).Cast<YamlMappingNode>().ToList();
        foreach (var key in endpoints.Endpoints.Select(e => e.ApiKeyEnv).OfType<string>())
        {
            var variable = env.Single(e => S(e, "name") == key);
            Assert.NotNull(M(M(variable, "valueFrom"), "secretKeyRef"));
        }
    }

    [Fact]
    public async Task The_slurm_script_is_valid_bash_and_its_curate_lines_parse()
    {
        var path = CliHarness.RepoFile("deploy/slurm/curate-array.sh");
        var check = await CliProcess.RunAsync("bash", ["-n", path]);
        Assert.True(check.Exit == 0, check.ToString());

        var script = File.ReadAllText(path);
        Assert.Contains("--dependency=\"afterok:", script, StringComparison.Ordinal);
        Assert.Contains("--array=", script, StringComparison.Ordinal);
        var lines = script.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("\"$CURATE\" ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        var values = new Dictionary<string, string> { ["$PIPELINE"] = "mlb", ["$SHARDS"] = "4", ["$OUT"] = "/scratch/curated/mlb", ["${ENDPOINTS[@]}"] = "" };
        var commands = lines.Select(l => ShellWords().Matches(l).Select(m => m.Value.Trim('"')).Skip(1).Select(w => values.GetValueOrDefault(w, w)).Where(w => w.Length > 0).ToList()).ToList();
        Assert.Equal("run", Parse(commands[0]).CommandResult.Command.Name);
        Assert.Equal("merge", Parse(commands[1]).CommandResult.Command.Name);
        Assert.Equal("4", Option(commands[0], "--shards"));
        Assert.Equal(Option(commands[0], "--out"), Option(commands[1], "--out"));
        Assert.Contains(ShardOptions.SlurmCount, script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dockerfile_builds_with_the_sdk_and_runs_as_a_non_root_user_with_the_bundled_inputs()
    {
        var lines = File.ReadAllLines(CliHarness.RepoFile("deploy/Dockerfile")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var froms = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, froms.Count);
        Assert.Contains("dotnet/sdk:10.0", froms[0], StringComparison.Ordinal);
        Assert.DoesNotContain("sdk", froms[1], StringComparison.Ordinal);
        foreach (var copy in lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal)))
        {
            var sources = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1];
            Assert.All(sources, s => Assert.True(File.Exists(CliHarness.RepoFile(s)) || Directory.Exists(CliHarness.RepoFile(s)), $"{copy}: {s} is not in the repository"));
        }

        Assert.Contains("COPY pipelines/ pipelines/", lines);
        Assert.Contains("COPY raw/ raw/", lines);
        var publish = lines.Single(l => l.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.True(File.Exists(CliHarness.RepoFile(publish.Split(' ')[3])), publish);
        var user = lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal))[5..];
        Assert.NotEqual("root", user);
        Assert.NotEqual("0", user);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"/opt/curate/curate.dll\"]", lines);
    }

    private static (List<string> Args, YamlMappingNode Pod) Container(YamlMappingNode job)
    {
        var pod = M(M(M(job, "spec"), "template"), "spec");
        var container = (YamlMappingNode)((YamlSequenceNode)pod["containers"])[0];
        return ([.. ((YamlSequenceNode)container["args"]).Select(a => ((YamlScalarNode)a).Value!)], pod);
    }

    private static IEnumerable<YamlMappingNode> Mounts(YamlMappingNode pod) =>
        ((YamlSequenceNode)((YamlMappingNode)((YamlSequenceNode)pod["containers"])[0])["volumeMounts"]).Cast<YamlMappingNode>();

    private static YamlMappingNode M(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static string S(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    [GeneratedRegex("\"[^\"]*\"|\\S+")]
    private static partial Regex ShellWords();
}
