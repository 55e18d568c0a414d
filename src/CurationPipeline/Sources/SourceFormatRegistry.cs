using CurationPipeline.Core;

namespace CurationPipeline.Sources;

/// <summary>The source formats of a run, by name.</summary>
public sealed class SourceFormatRegistry
{
    private readonly Dictionary<SourceFormat, ISourceFormat> _byCode = [];

    public SourceFormatRegistry(IEnumerable<ISourceFormat> formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        foreach (var f in formats)
        {
            if (!_byCode.TryAdd(f.Code, f))
            {
                throw new ArgumentException($"source format '{f.Code}' is registered twice");
            }
        }

        All = [.. _byCode.Values];
    }

    public IReadOnlyList<ISourceFormat> All { get; }

    /// <summary>The names of the formats, in the order registered.</summary>
    public IReadOnlyList<SourceFormat> Codes => [.. _byCode.Keys];

    /// <summary>These formats and <paramref name="format"/>.</summary>
    public SourceFormatRegistry With(ISourceFormat format) => new([.. All, format]);

    public bool Knows(SourceFormat code) => _byCode.ContainsKey(code);

    /// <summary>The format named <paramref name="code"/>; an unknown name is a configuration error naming the known ones.</summary>
    public ISourceFormat this[SourceFormat code] =>
        _byCode.TryGetValue(code, out var f)
            ? f
            : throw new PipelineConfigException($"unknown format '{code}' (known: {string.Join(", ", Codes)})");

    /// <summary>The public dataset format named <paramref name="code"/>, or null when it is none.</summary>
    public IPublicFormat? PublicFormat(SourceFormat code) => _byCode.GetValueOrDefault(code) as IPublicFormat;
}
