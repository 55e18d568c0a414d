using CurationPipeline.Items;

namespace CurationPipeline.Evaluation;

/// <summary>The scoring type of a hospital-maturity scenario (appendix C): discrimination, structured reasoning, open generation.</summary>
public enum MaturityType
{
    /// <summary>Not a maturity-model item.</summary>
    None,
    /// <summary>Type A: one standard answer, accuracy.</summary>
    A,
    /// <summary>Type B: required format and key decision fields, logical accuracy.</summary>
    B,
    /// <summary>Type C: long-form generation scored by the judge template.</summary>
    C,
}

/// <summary>
/// Reads the maturity attributes of an item: <c>maturity_type</c> (A, B, C), <c>maturity_level</c> (L0-L4),
/// <c>answer_format</c> (json, boolean, terms) and <c>key_fields</c> (comma-separated JSON fields that decide a Type B answer).
/// </summary>
public static class MaturityItem
{
    public static MaturityType Type(BenchmarkItem item) =>
        item.Attributes.TryGetValue("maturity_type", out var t) ? t.Trim().ToUpperInvariant() switch
        {
            "A" => MaturityType.A,
            "B" => MaturityType.B,
            "C" => MaturityType.C,
            _ => throw new FormatException($"item {item.Id}: attribute 'maturity_type' must be A, B or C, not '{t}'"),
        } : MaturityType.None;

    public static string? Level(BenchmarkItem item) => item.Attributes.GetValueOrDefault("maturity_level");

    public static string? Format(BenchmarkItem item) => item.Attributes.GetValueOrDefault("answer_format");

    public static IReadOnlyList<string> KeyFields(BenchmarkItem item) =>
        item.Attributes.TryGetValue("key_fields", out var k)
            ? k.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
}
