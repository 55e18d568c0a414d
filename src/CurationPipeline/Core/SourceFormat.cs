using System.Text.RegularExpressions;

namespace CurationPipeline.Core;

/// <summary>
/// The format of a source file as pipeline files write it (<c>jsonl</c>, <c>csv</c>, or a public dataset's native
/// format such as <c>cmexam</c>). Which formats exist is up to the source formats a run has (see <c>Sources/</c>).
/// </summary>
public readonly partial record struct SourceFormat
{
    private readonly string? _code;

    /// <param name="code">Lower-case letters, digits, '-' or '_'.</param>
    public SourceFormat(string code)
    {
        if (!IsCode(code))
        {
            throw new ArgumentException($"'{code}' is not a source format name (lower-case letters, digits, '-' or '_')", nameof(code));
        }

        _code = code;
    }

    public string Code => _code ?? "";

    /// <summary>JSON Lines, one record an object: the default of a source.</summary>
    public static SourceFormat Jsonl { get; } = new("jsonl");

    /// <summary>Whether <paramref name="code"/> can name a format.</summary>
    public static bool IsCode(string? code) => code is not null && CodePattern().IsMatch(code);

    public override string ToString() => Code;

    [GeneratedRegex("^[a-z0-9_-]+$")]
    private static partial Regex CodePattern();
}
