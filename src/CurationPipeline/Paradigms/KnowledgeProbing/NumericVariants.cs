using System.Globalization;
using System.Text.RegularExpressions;
using CurationPipeline.Core;

namespace CurationPipeline.Paradigms.KnowledgeProbing;

/// <summary>
/// Wrong numbers that look right: the same text with its numbers scaled (a half, three quarters, double: the dose and
/// unit slips that medication errors are made of), kept only where every changed number stays inside the clinically used
/// range the knowledge table gives, so a distractor is a value met in practice, in the answer's unit, never an absurd one.
/// </summary>
public static partial class NumericVariants
{
    private static readonly double[] Factors = [2, 0.5, 1.5, 0.75, 1.25, 0.8, 3, 0.6, 1.2, 2.5, 0.4, 4, 0.25, 5, 0.2, 10, 0.1];

    /// <summary>True when the text holds a number to vary.</summary>
    public static bool HasNumber(string text) => Number().IsMatch(text);

    /// <summary>
    /// Variants of <paramref name="text"/> scaling every number (<paramref name="firstOnly"/>: only the first) whose
    /// changed numbers all lie in <paramref name="range"/>; no range in the table rejects the record (naming
    /// <paramref name="field"/>), since a distractor could then fall anywhere.
    /// </summary>
    public static IReadOnlyList<string> Of(string text, Reference.NumericRange? range, string field, bool firstOnly = false)
    {
        if (range is null)
        {
            throw new RecordRejectedException($"the table gives no clinically used range ({field}) to draw numeric distractors from", field);
        }

        var variants = new List<string>();
        foreach (var factor in Factors)
        {
            var count = 0;
            var inside = true;
            var variant = Number().Replace(text, m =>
            {
                if (firstOnly && count++ > 0)
                {
                    return m.Value;
                }

                var scaled = ScaleRange(m.Value, factor);
                inside &= scaled.Split('-').All(n => range.Contains(double.Parse(n, CultureInfo.InvariantCulture)));
                return scaled;
            });
            if (inside && variant != text && !variants.Contains(variant))
            {
                variants.Add(variant);
            }
        }

        // A single number also takes the values around it in steps of a tenth of the range (1, 2 or 5 times a power of
        // ten, no finer than the number is written), so a narrow range such as 37.5-39.5 ℃ still gives four.
        var matches = Number().Matches(text);
        if ((firstOnly || matches.Count == 1) && matches.Count > 0 && !matches[0].Value.Contains('-', StringComparison.Ordinal))
        {
            var m = matches[0];
            var value = double.Parse(m.Value, CultureInfo.InvariantCulture);
            var decimals = m.Value.Contains('.', StringComparison.Ordinal) ? m.Value.Length - m.Value.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
            var step = Math.Max(NiceStep((range.High - range.Low) / 10), Math.Pow(10, -decimals));
            var stepDecimals = Math.Max(decimals, Math.Max(0, (int)Math.Ceiling(-Math.Log10(step) - 1e-9)));
            for (var k = 1; k <= 6; k++)
            {
                foreach (var candidate in new[] { value - (k * step), value + (k * step) })
                {
                    var written = Math.Round(candidate, stepDecimals).ToString("0." + new string('#', Math.Max(stepDecimals, 1)), CultureInfo.InvariantCulture);
                    var parsed = double.Parse(written, CultureInfo.InvariantCulture);
                    var variant = text[..m.Index] + written + text[(m.Index + m.Length)..];
                    if (parsed > 0 && range.Contains(parsed) && variant != text && !variants.Contains(variant))
                    {
                        variants.Add(variant);
                    }
                }
            }
        }

        return variants;
    }

    /// <summary>The largest of 1, 2 or 5 times a power of ten not above <paramref name="x"/>.</summary>
    private static double NiceStep(double x)
    {
        if (x <= 0)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(x)));
        return x / power >= 5 ? 5 * power : x / power >= 2 ? 2 * power : power;
    }

    /// <summary>The numbers of <paramref name="text"/> (both ends of a range like <c>25-50</c>; only the first match with <paramref name="firstOnly"/>).</summary>
    public static IReadOnlyList<double> NumbersOf(string text, bool firstOnly = false) =>
        [.. Number().Matches(text).Take(firstOnly ? 1 : int.MaxValue).SelectMany(m => m.Value.Split('-')).Select(n => double.Parse(n, CultureInfo.InvariantCulture))];

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
