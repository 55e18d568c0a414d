using YamlDotNet.Serialization;

namespace CurationPipeline.Datasets;

/// <summary>
/// The public datasets <c>curate datasets fetch</c> knows (<c>pipelines/datasets.yaml</c>): per dataset its
/// licence and homepage, and per file where it comes from, its checksum and where it goes. Keys are
/// snake_case; see docs/datasets.md.
/// </summary>
public sealed class DatasetManifest
{
    public List<DatasetEntry> Datasets { get; set; } = [];

    /// <summary>The file the manifest was read from, as errors name it (not a YAML key).</summary>
    [YamlIgnore]
    public string FilePath { get; set; } = "";

    /// <summary>The dataset of that name, or null.</summary>
    public DatasetEntry? Find(string name) => Datasets.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));
}

/// <summary>One dataset: a folder of files under the public data folder.</summary>
public sealed class DatasetEntry
{
    /// <summary>Name on the command line (<c>cmexam</c>, <c>cblue-cmeee</c>).</summary>
    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>The licence of the data (an SPDX id where there is one), or what is known about its terms.</summary>
    public string Licence { get; set; } = "";

    public string Homepage { get; set; } = "";

    public string Citation { get; set; } = "";

    /// <summary>Folder under the public data folder; default: the name.</summary>
    public string Folder { get; set; } = "";

    /// <summary>Base of the files' relative <c>url</c>s (and of their <c>path</c>s when a file gives no url).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// The page where the files are handed out after registration. Files without a URL are then taken from a
    /// path the user gives (<c>--from</c>).
    /// </summary>
    public string? Login { get; set; }

    /// <summary>How to get the files from the login page, in a sentence or two.</summary>
    public string? LoginNote { get; set; }

    public List<DatasetFile> Files { get; set; } = [];

    /// <summary>The folder's name under the public data folder.</summary>
    public string FolderName => Folder.Length > 0 ? Folder : Name;

    /// <summary>True when some file has no URL and must come from <c>--from</c>.</summary>
    public bool NeedsLogin => Files.Any(f => SourceUrl(f) is null);

    /// <summary>Where a file is downloaded from: its absolute <c>url</c>, or its <c>url</c> (else its path) under <see cref="BaseUrl"/>; null when neither.</summary>
    public Uri? SourceUrl(DatasetFile file)
    {
        if (file.Url is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute;
        }

        if (BaseUrl is { Length: > 0 } baseUrl && Uri.TryCreate(baseUrl, UriKind.Absolute, out var root))
        {
            return new Uri(root, file.Url is { Length: > 0 } relative ? relative : file.Path);
        }

        return null;
    }
}

/// <summary>One file of a dataset, as the readers expect it.</summary>
public sealed class DatasetFile
{
    /// <summary>Where the file goes, relative to the dataset's folder (<c>dev/dev_0.json</c>).</summary>
    public string Path { get; set; } = "";

    /// <summary>Absolute URL, or relative to the dataset's <c>base_url</c>. None: the file comes from <c>--from</c>.</summary>
    public string? Url { get; set; }

    /// <summary>SHA-256 of the file, lowercase hex.</summary>
    public string? Sha256 { get; set; }

    /// <summary>
    /// Git's blob id of the file (SHA-1 over <c>blob &lt;size&gt;\0</c> and the bytes), lowercase hex: for files known
    /// only by the id a repository at a pinned commit gives them.
    /// </summary>
    public string? GitBlobSha1 { get; set; }

    /// <summary>Size in bytes, when known.</summary>
    public long? Size { get; set; }

    /// <summary>The URL serves an archive (zip, tar, tar.gz or gz) that holds the file as <see cref="Member"/>.</summary>
    public bool Archive { get; set; }

    /// <summary>Name (or the end of a path, <c>CMeEE/README.txt</c>) of the file inside an archive or folder; default: the file name of <see cref="Path"/>.</summary>
    public string? Member { get; set; }

    /// <summary>A file the readers do not need (a README): its absence or a differing copy is a warning, not a failure.</summary>
    public bool Optional { get; set; }

    /// <summary>A copy elsewhere that is not the official distribution; named to the user, never downloaded by itself.</summary>
    public string? UnofficialUrl { get; set; }

    /// <summary>The name to look for inside an archive or folder.</summary>
    public string MemberName => Member is { Length: > 0 } m ? m : System.IO.Path.GetFileName(Path);

    /// <summary>The checksum the file must have.</summary>
    public FileChecksum Checksum => Sha256 is { Length: > 0 } sha
        ? new FileChecksum(ChecksumKind.Sha256, sha)
        : new FileChecksum(ChecksumKind.GitBlobSha1, GitBlobSha1 ?? "");
}
