using CurationPipeline.Core;
using CurationPipeline.Sources;

namespace CurationPipeline.Datasets;

/// <summary>
/// What to do about optional sources a run did not find: the <c>curate datasets fetch</c> command that gets them
/// (a source belongs to the manifest dataset whose folder holds its path), or <c>CURATE_EXTERNAL_DATA</c>.
/// </summary>
public sealed record MissingSourcesHint(IReadOnlyList<string> Sources, IReadOnlyList<string> Datasets, IReadOnlyList<string> LoginDatasets, IReadOnlyList<string> Unmatched, string? Folder)
{
    /// <summary>The fetch command for the matched datasets, or null when none matched.</summary>
    public string? Command => Datasets.Count == 0 ? null : "curate datasets fetch " + string.Join(' ', Datasets);

    /// <summary>Matches the missing sources of a run to the datasets of a manifest (the bundled one by default).</summary>
    public static MissingSourcesHint For(PipelineDefinition definition, IReadOnlyList<string> missing, DatasetManifest? manifest = null)
    {
        manifest ??= DatasetManifestLoader.Bundled();
        var datasets = new List<DatasetEntry>();
        var unmatched = new List<string>();
        string? folder = null;
        foreach (var name in missing)
        {
            var source = definition.Sources.FirstOrDefault(s => s.Name == name);
            var directory = source is null ? null : Path.GetDirectoryName(definition.ResolvePath(source.Path))?.Replace('\\', '/');
            var match = directory is null ? null : manifest.Datasets.FirstOrDefault(d => directory.EndsWith("/" + d.FolderName, StringComparison.Ordinal));
            if (match is null)
            {
                unmatched.Add(name);
                continue;
            }

            folder ??= directory![..^(match.FolderName.Length + 1)];
            if (!datasets.Contains(match))
            {
                datasets.Add(match);
            }
        }

        return new MissingSourcesHint(missing, [.. datasets.Select(d => d.Name)], [.. datasets.Where(d => d.NeedsLogin).Select(d => d.Name)], unmatched, folder);
    }

    /// <summary>The advice in sentences; <paramref name="withFolder"/> adds the folder that was looked in.</summary>
    public IEnumerable<string> Advice(bool withFolder)
    {
        if (Command is { } command)
        {
            var which = LoginDatasets.Count == Datasets.Count ? "they come"
                : string.Join(", ", LoginDatasets) + (LoginDatasets.Count == 1 ? " comes" : " come");
            yield return $"Get them with `{command}`" + (LoginDatasets.Count > 0
                ? $" ({which} from a registration page: the command says where, then takes the downloaded file with --from)."
                : ".");
        }

        if (Unmatched.Count > 0)
        {
            yield return $"No dataset of `curate datasets fetch` provides {string.Join(", ", Unmatched)}.";
        }

        yield return $"Or set {PublicDataFolder.Variable} (or pass `curate run --public-data`) to a folder that holds them" + (withFolder && Folder is not null ? $" (looked in {Folder})." : ".");
    }
}
