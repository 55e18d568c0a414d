using System.Text;
using CurationPipeline.Configuration;
using CurationPipeline.Core;
using FluentValidation;

namespace CurationPipeline.Datasets;

/// <summary>
/// Reads a datasets manifest, binds it strictly and validates it; every problem names the file, line and key
/// (as <see cref="PipelineConfigException"/>). The bundled <c>pipelines/datasets.yaml</c> is compiled in, so
/// the command works from any folder.
/// </summary>
public static class DatasetManifestLoader
{
    /// <summary>How errors in the bundled manifest name it.</summary>
    public const string BundledName = "pipelines/datasets.yaml";

    private const string Resource = "CurationPipeline.Datasets.datasets.yaml";

    /// <summary>The bundled manifest.</summary>
    public static DatasetManifest Bundled()
    {
        using var stream = typeof(DatasetManifestLoader).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{BundledName} is not compiled into the library");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd(), BundledName);
    }

    /// <summary>Reads a manifest file.</summary>
    public static DatasetManifest Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new PipelineConfigException($"{path}: datasets manifest not found");
        }

        return Parse(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>Binds and validates YAML text; <paramref name="file"/> names it in errors.</summary>
    public static DatasetManifest Parse(string yaml, string file)
    {
        var (manifest, locator) = YamlBinder.Bind<DatasetManifest>(yaml, file);
        manifest.FilePath = file;
        YamlBinder.ThrowFirstError(new DatasetManifestValidator().Validate(manifest), locator, file);
        return manifest;
    }
}

/// <summary>The rules a datasets manifest must satisfy before anything is downloaded.</summary>
internal sealed class DatasetManifestValidator : AbstractValidator<DatasetManifest>
{
    public DatasetManifestValidator()
    {
        RuleFor(m => m.Datasets).NotEmpty().WithMessage("a manifest needs at least one dataset");
        RuleFor(m => m.Datasets).Must(d => d.Select(x => x.Name).Distinct(StringComparer.Ordinal).Count() == d.Count).WithMessage("dataset names must be unique");
        RuleFor(m => m.Datasets).Must(d => d.Select(x => x.FolderName).Distinct(StringComparer.Ordinal).Count() == d.Count).WithMessage("dataset folders must be unique");
        RuleForEach(m => m.Datasets).ChildRules(d =>
        {
            d.RuleFor(x => x.Name).Matches("^[a-z0-9][a-z0-9-]*$").WithMessage("must be lowercase letters, digits and '-'");
            d.RuleFor(x => x.Description).NotEmpty();
            d.RuleFor(x => x.Licence).NotEmpty().WithMessage("must say the licence, or what is known of the terms");
            d.RuleFor(x => x.Folder).Must(f => f.Length == 0 || IsRelativePath(f)).WithMessage("must be a relative path without '..'");
            d.RuleFor(x => x.BaseUrl).Must(u => u is null || (IsHttpUrl(u) && u.EndsWith('/'))).WithMessage("must be an http(s) URL ending in '/'");
            d.RuleFor(x => x.Login).Must(u => u is null || IsHttpUrl(u)).WithMessage("must be an http(s) URL");
            d.RuleFor(x => x.Files).NotEmpty().WithMessage("a dataset needs at least one file");
            d.RuleFor(x => x.Files).Must(f => f.Select(x => x.Path).Distinct(StringComparer.Ordinal).Count() == f.Count).WithMessage("file paths must be unique");
            d.RuleForEach(x => x.Files).ChildRules(f =>
            {
                f.RuleFor(x => x.Path).Must(IsRelativePath).WithMessage("must be a relative path without '..'");
                f.RuleFor(x => x.Sha256).Must(v => v is null || IsHex(v, 64)).WithMessage("must be 64 lowercase hex digits");
                f.RuleFor(x => x.GitBlobSha1).Must(v => v is null || IsHex(v, 40)).WithMessage("must be 40 lowercase hex digits");
                f.RuleFor(x => x.Sha256).Must((x, v) => (v is null) != (x.GitBlobSha1 is null)).WithMessage("give exactly one of sha256 and git_blob_sha1");
                f.RuleFor(x => x.Size).GreaterThanOrEqualTo(0);
                f.RuleFor(x => x.Url).Must(u => u is null || !u.Contains("://", StringComparison.Ordinal) || IsHttpUrl(u)).WithMessage("must be an http(s) URL or a path relative to base_url");
                f.RuleFor(x => x.UnofficialUrl).Must(u => u is null || IsHttpUrl(u)).WithMessage("must be an http(s) URL");
            });
            d.RuleForEach(x => x.Files).Must((x, f) => x.SourceUrl(f) is not null || x.Login is not null)
                .WithMessage("has no url, and the dataset names no login page to get it from");
            d.RuleForEach(x => x.Files).Must((x, f) => !f.Archive || x.SourceUrl(f) is not null)
                .WithMessage("archive: true needs a url");
            d.RuleForEach(x => x.Files).Must((x, f) => f.Url is null || f.Url.Contains("://", StringComparison.Ordinal) || x.BaseUrl is not null)
                .WithMessage("has a relative url but the dataset has no base_url");
        });
    }

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static bool IsHex(string text, int length) =>
        text.Length == length && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static bool IsRelativePath(string path) =>
        path.Length > 0 && !Path.IsPathRooted(path) && !path.Contains('\\', StringComparison.Ordinal)
        && path.Split('/').All(part => part.Length > 0 && part != "." && part != "..");
}
