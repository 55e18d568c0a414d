using System.Text.RegularExpressions;

namespace CurationPipeline.Items;

/// <summary>
/// How an item was made: the code of its generation paradigm as pipeline files and the <c>paradigm</c> column write
/// it (the paper's numbers P1 to P4 for the four bundled paradigms), or <see cref="Public"/> for an item read from a
/// public dataset. Which codes exist is up to the paradigms a run has (see <c>Paradigms/</c>).
/// </summary>
public readonly partial record struct Paradigm
{
    private readonly string? _code;

    /// <param name="code">Letters, digits, '-' or '_'.</param>
    public Paradigm(string code)
    {
        if (!IsCode(code))
        {
            throw new ArgumentException($"'{code}' is not a paradigm code (letters, digits, '-' or '_')", nameof(code));
        }

        _code = code;
    }

    public string Code => _code ?? "";

    /// <summary>Structured knowledge probing.</summary>
    public static Paradigm P1 { get; } = new("P1");

    /// <summary>Safety and ethics scenarios.</summary>
    public static Paradigm P2 { get; } = new("P2");

    /// <summary>Semi-automated EHR extraction.</summary>
    public static Paradigm P3 { get; } = new("P3");

    /// <summary>Clinical reasoning simulation.</summary>
    public static Paradigm P4 { get; } = new("P4");

    /// <summary>An item read from a public dataset; no generation.</summary>
    public static Paradigm Public { get; } = new("public");

    public bool IsPublic => this == Public;

    /// <summary>Whether <paramref name="code"/> can name a paradigm.</summary>
    public static bool IsCode(string? code) => code is not null && CodePattern().IsMatch(code);

    public override string ToString() => Code;

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex CodePattern();
}
