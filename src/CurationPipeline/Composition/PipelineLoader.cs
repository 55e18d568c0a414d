using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

using CurationPipeline.Sources;
using CurationPipeline.Core;
using CurationPipeline.Configuration;

namespace CurationPipeline.Composition;

/// <summary>Reads a pipeline file, binds it strictly and validates it; every problem names the file, line and key.</summary>
public static partial class PipelineLoader
{
    /// <summary>
    /// Loads a pipeline file; <paramref name="publicData"/>, when given, is the public datasets folder of this run;
    /// the file may name what <paramref name="extensions"/> (the bundled ones unless given) have.
    /// </summary>
    public static PipelineDefinition Load(string path, string? publicData = null, Extensions? extensions = null)
    {
        if (!File.Exists(path))
        {
            throw new PipelineConfigException($"{path}: pipeline file not found");
        }

        var bytes = File.ReadAllBytes(path);
        var definition = Parse(Encoding.UTF8.GetString(bytes), path, publicData, extensions);
        definition.FilePath = Path.GetFullPath(path);
        definition.ConfigHash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return definition;
    }

    /// <summary>
    /// The pipeline file <paramref name="nameOrPath"/> stands for: the file when there is one, else for a bare name
    /// (<c>mlb</c>) the pipeline of that name in <paramref name="bundledFolder"/>.
    /// </summary>
    public static string Locate(string nameOrPath, string bundledFolder)
    {
        if (File.Exists(nameOrPath))
        {
            return Path.GetFullPath(nameOrPath);
        }

        var bundled = Bundled(bundledFolder);
        if (bundled.TryGetValue(nameOrPath, out var file))
        {
            return file;
        }

        var names = bundled.Count > 0 ? $"; bundled pipelines: {string.Join(", ", bundled.Keys)}" : "";
        throw new PipelineConfigException($"{nameOrPath}: no pipeline file or bundled pipeline of that name{names}");
    }

    /// <summary>
    /// The pipelines in a folder by name: its <c>*.yaml</c> files with top-level <c>sources:</c> and <c>datasets:</c>
    /// keys (other YAML files beside them, such as a maturity scenario set, lack one or both).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Bundled(string folder)
    {
        var pipelines = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.yaml"))
            {
                var lines = File.ReadAllLines(file);
                if (lines.Any(line => line.StartsWith("sources:", StringComparison.Ordinal)) && lines.Any(line => line.StartsWith("datasets:", StringComparison.Ordinal)))
                {
                    pipelines[Path.GetFileNameWithoutExtension(file)] = Path.GetFullPath(file);
                }
            }
        }

        return pipelines;
    }

    /// <summary>
    /// Binds and validates YAML text; <paramref name="file"/> names it in errors, <paramref name="publicData"/> (when
    /// given) stands for <c>${CURATE_EXTERNAL_DATA}</c> in source paths.
    /// </summary>
    public static PipelineDefinition Parse(string yaml, string file, string? publicData = null, Extensions? extensions = null)
    {
        var (definition, locator) = YamlBinder.Bind<PipelineDefinition>(yaml, file);
        definition.FilePath = file;
        foreach (var source in definition.Sources)
        {
            source.Path = ExpandVariables(source.Path, publicData);
        }

        YamlBinder.ThrowFirstError(new PipelineDefinitionValidator(extensions ?? Extensions.Bundled).Validate(definition), locator, file);
        return definition;
    }

    /// <summary>
    /// Expands <c>${VAR}</c> and <c>${VAR:-default}</c> from the environment. <c>${CURATE_EXTERNAL_DATA}</c> is
    /// <paramref name="publicData"/> when given; without it and without a default of its own, the public datasets
    /// folder (<see cref="PublicDataFolder"/>).
    /// </summary>
    public static string ExpandVariables(string text, string? publicData = null) =>
        Variable().Replace(text, m =>
        {
            if (publicData is not null && m.Groups[1].Value == PublicDataFolder.Variable)
            {
                return Path.GetFullPath(publicData);
            }

            var value = Environment.GetEnvironmentVariable(m.Groups[1].Value);
            if (!string.IsNullOrEmpty(value))
            {
                return value;
            }

            return !m.Groups[2].Success && m.Groups[1].Value == PublicDataFolder.Variable ? PublicDataFolder.Default : m.Groups[3].Value;
        });

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?\}")]
    private static partial Regex Variable();
}
