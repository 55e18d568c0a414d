using System.Globalization;
using System.Text.RegularExpressions;

namespace CurationPipeline.Paradigms.KnowledgeProbing;

/// <summary>
/// Wrong numbers that look right: the same text with its numbers scaled (half, double, ten times: the dose and
/// unit slips that medication errors are made of).
/// </summary>
public static partial class NumericVariants
{
    private static readonly double[] Factors = [2, 0.5, 1.5, 3, 10, 0.25, 4, 0.1];

    /// <summary>True when the text holds a number to vary.</summary>
    public static bool HasNumber(string text) => Number().IsMatch(text);

    /// <summary>Variants of <paramref name="text"/>, scaling every number (<paramref name="firstOnly"/>: only the first).</summary>
    public static IReadOnlyList<string> Of(string text, bool firstOnly = false)
    {
        var variants = new List<string>();
        foreach (var factor in Factors)
        {
            var count = 0;
            var variant = Number().Replace(text, m => firstOnly && count++ > 0 ? m.Value : ScaleRange(m.Value, factor));
            if (variant != text && !variants.Contains(variant))
            {
                variants.Add(variant);
            }
        }

        return variants;
    }

    /// <summary>Scales a number or both ends of a range like <c>25-50</c>.</summary>
    private static string ScaleRange(string value, double factor) =>
        string.Join('-', value.Split('-').Select(n => Scale(n, factor)));

    private static string Scale(string number, double factor)
    {
        var value = double.Parse(number, CultureInfo.InvariantCulture) * factor;
        var dot = number.IndexOf('.', StringComparison.Ordinal);
        var decimals = dot < 0 ? 0 : number.Length - dot - 1;
        var text = decimals > 0
            ? value.ToString("F" + decimals, CultureInfo.InvariantCulture)
            : value >= 10 ? Math.Round(value).ToString(CultureInfo.InvariantCulture) : Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

        // A number that rounds to zero is no plausible value; keep the original (the variant is then dropped).
        return double.Parse(text, CultureInfo.InvariantCulture) == 0 ? number : text;
    }

    [GeneratedRegex(@"\d+(\.\d+)?(-\d+(\.\d+)?)?")]
    private static partial Regex Number();
}
