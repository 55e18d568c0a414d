using System.Globalization;
using System.Reflection;
using System.Text.Json;
using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests;

/// <summary>
/// `curate` as a user gets it: `dotnet pack` makes the tool package, `dotnet tool install` installs it (into a tool
/// path, so the machine's global tools stay as they are), and the installed command runs from a folder that has
/// nothing of the repository. Packed and installed once for all the tests here.
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();

    public string Curate => Path.Combine(_dir.File("tools"), OperatingSystem.IsWindows() ? "curate.exe" : "curate");

    /// <summary>A new empty folder, as a user's working folder.</summary>
    public string NewFolder()
    {
        var path = _dir.File("folder-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The installed `curate` run in <paramref name="folder"/>, with no public dataset at hand.</summary>
    internal Task<ProcessResult> RunAsync(string folder, params string[] args)
    {
        var environment = new Dictionary<string, string?> { ["CURATE_EXTERNAL_DATA"] = NewFolder() };
        if (File.Exists(CliProcess.Dotnet))
        {
            // The tool's launcher finds the runtime of the dotnet that runs the tests, wherever it is installed.
            environment["DOTNET_ROOT"] = Path.GetDirectoryName(Path.GetFullPath(CliProcess.Dotnet));
        }

        return CliProcess.RunAsync(Curate, args, folder, environment);
    }

    public async Task InitializeAsync()
    {
        // Packs the build the tests run against (no second build): the package is what `dotnet pack` makes of it.
        var configuration = typeof(InstalledTool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;
        var pack = await CliProcess.RunAsync(CliProcess.Dotnet,
            ["pack", CliHarness.RepoFile("src/CurationPipeline.Cli/CurationPipeline.Cli.csproj"), "--no-build", "-c", configuration,
             "-o", _dir.File("nupkgs"), "-p:PublishDir=" + _dir.File("publish") + Path.DirectorySeparatorChar]);
        Assert.True(pack.Exit == 0, pack.ToString());

        // Only the folder of the package as a source: installing needs no network.
        File.WriteAllText(_dir.File("nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
        var install = await CliProcess.RunAsync(CliProcess.Dotnet,
            ["tool", "install", "--tool-path", _dir.File("tools"), "--configfile", _dir.File("nuget.config"), "--add-source", _dir.File("nupkgs"), "curate"],
            _dir.Path);
        Assert.True(install.Exit == 0, install.ToString());
    }

    public Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }
}

public class ToolPackageTests(InstalledTool tool) : IClassFixture<InstalledTool>
{
    [Fact]
    public async Task The_installed_tool_runs_the_bundled_mlb_pipeline_from_any_folder()
    {
        var folder = tool.NewFolder();

        var result = await tool.RunAsync(folder, "run", "mlb", "--limit", "3");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("counts balanced: yes", result.Out, StringComparison.Ordinal);
        Assert.Contains("cmexam", result.Err, StringComparison.Ordinal); // the public sources are missing, and named
        var outDir = Path.Combine(folder, "curated", "mlb"); // the default output folder, under the current folder
        var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "run.json"))).RootElement;
        Assert.True(run.GetProperty("counts_balanced").GetBoolean());
        var splits = run.GetProperty("splits").EnumerateObject().ToList();
        Assert.Equal(22, splits.Count);
        foreach (var split in splits)
        {
            var file = Path.Combine(outDir, "data", split.Name, "test-00000-of-00001.parquet");
            var rows = await DuckDb.QueryAsync($"SELECT count(*) AS n FROM {DuckDb.Literal(file)}");
            Assert.Equal(split.Value.GetInt32(), int.Parse(rows[0].GetProperty("n").ToString(), CultureInfo.InvariantCulture));
        }

        // The bundled knowledge reached the generators: the proprietary datasets have items, the P1 questions five options.
        Assert.True(run.GetProperty("splits").GetProperty("MAExam").GetInt32() > 0);
        var options = await DuckDb.QueryAsync($"SELECT DISTINCT len(options) AS k FROM {DuckDb.Literal(Path.Combine(outDir, "data/MAExam/test-00000-of-00001.parquet"))}");
        Assert.Equal("5", Assert.Single(options).GetProperty("k").ToString());
    }

    [Fact]
    public async Task An_unknown_pipeline_name_is_a_usage_error_naming_the_bundled_pipelines()
    {
        var result = await tool.RunAsync(tool.NewFolder(), "run", "mlbb");

        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Out);
        Assert.Contains("mlbb: no pipeline file or bundled pipeline of that name; bundled pipelines: maturity, mlb", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_installed_tool_builds_and_evaluates_the_bundled_maturity_scenarios_from_any_folder()
    {
        var folder = tool.NewFolder();

        var run = await tool.RunAsync(folder, "run", "maturity", "--limit", "4");
        Assert.True(run.Exit == 0, run.ToString());
        var result = await tool.RunAsync(folder, "evaluate", "--split", "maturity", "--models", "offline:reference-overlap", "--out", "eval");

        Assert.True(result.Exit == 0, result.ToString());
        var rows = await DuckDb.QueryAsync($"SELECT count(DISTINCT dataset) AS scenarios FROM {DuckDb.Literal(Path.Combine(folder, "eval", "results.parquet"))}");
        Assert.Equal("10", rows[0].GetProperty("scenarios").ToString());
        Assert.Contains("Envelope area", File.ReadAllText(Path.Combine(folder, "eval", "summary.md")), StringComparison.Ordinal);
    }
}
