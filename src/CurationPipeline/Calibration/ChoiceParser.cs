using System.Text.RegularExpressions;
using CurationPipeline.Items;

namespace CurationPipeline.Calibration;

/// <summary>
/// Reads which option(s) a free-text answer chose: "答案是C", "选C", "C.", "(C)", "The answer is C",
/// "**C**", multi-letter answers such as "ABD" or "A、B、D", or the text of an option. Letters outside the
/// item's options are ignored. The evaluator uses the same parser, so calibration and evaluation agree.
/// </summary>
public static partial class ChoiceParser
{
    /// <summary>The chosen option indexes (ascending, distinct), or an empty list when no choice can be read.</summary>
    public static IReadOnlyList<int> Parse(string? response, IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(response) || options.Count == 0)
        {
            return [];
        }

        var text = Normalize(response);
        var count = options.Count;

        // 1. An explicit answer phrase; the last one wins (reasoning often mentions options first).
        foreach (var pattern in new[] { AnswerPhrase(), ChoosePhrase() })
        {
            var matches = pattern.Matches(text);
            for (var i = matches.Count - 1; i >= 0; i--)
            {
                if (Letters(matches[i].Groups["l"].Value, count) is { Count: > 0 } found)
                {
                    return found;
                }
            }
        }

        // 2. The answer starts with the letter(s): "C", "C.", "(C)", "**C**", "ABD", "A、B".
        if (Leading().Match(text) is { Success: true } lead && Letters(lead.Groups["l"].Value, count) is { Count: > 0 } leading)
        {
            return leading;
        }

        // 3. A bold letter group anywhere.
        var bold = Bold().Matches(text);
        if (bold.Count > 0 && Letters(bold[^1].Groups["l"].Value, count) is { Count: > 0 } emphasised)
        {
            return emphasised;
        }

        // 4. The text of exactly one option.
        if (ByOptionText(text, options) is { } byText)
        {
            return [byText];
        }

        // 5. Exactly one stand-alone letter of the options; not in English prose, where "A" is an article.
        if (Words().Count(text) >= 3)
        {
            return [];
        }

        var lone = Lone().Matches(text).Select(m => AnswerLetters.Index(m.Value[0])).Where(i => i < count).Distinct().ToList();
        return lone.Count == 1 ? lone : [];
    }

    /// <summary>Option letters of a choice, e.g. [0, 2] gives "AC".</summary>
    public static string ToLetters(IEnumerable<int> indexes) => new([.. indexes.Order().Select(AnswerLetters.Letter)]);

    private static string Normalize(string response)
    {
        var text = Think().Replace(response, "");
        // Full-width letters and brackets to ASCII so one set of patterns serves both.
        var chars = text.Select(c => c is >= 'Ａ' and <= 'Ｚ' ? (char)(c - 'Ａ' + 'A') : c is >= 'ａ' and <= 'ｚ' ? (char)(c - 'ａ' + 'a') : c).ToArray();
        return new string(chars).Replace('（', '(').Replace('）', ')').Replace('：', ':');
    }

    private static List<int> Letters(string group, int count)
    {
        var result = new List<int>();
        foreach (var c in group)
        {
            if (c is >= 'A' and <= 'Z')
            {
                var i = AnswerLetters.Index(c);
                if (i >= count)
                {
                    return [];
                }

                if (!result.Contains(i))
                {
                    result.Add(i);
                }
            }
        }

        result.Sort();
        return result;
    }

    private static int? ByOptionText(string text, IReadOnlyList<string> options)
    {
        var hits = options.Select((o, i) => (Text: o.Trim(), Index: i))
            .Where(o => o.Text.Length >= 2 && text.Contains(o.Text, StringComparison.OrdinalIgnoreCase))
            .ToList();
        // An option that is part of a longer matching option ("肺炎" in "支气管肺炎") does not count on its own.
        hits.RemoveAll(h => hits.Any(o => o.Index != h.Index && o.Text.Length > h.Text.Length && o.Text.Contains(h.Text, StringComparison.OrdinalIgnoreCase)));
        return hits.Count == 1 ? hits[0].Index : null;
    }

    private const string Group = @"(?<l>[A-Z](?:\s*(?:[、,，/&]|and|和|及|与)?\s*[A-Z])*)(?![A-Za-z])";

    [GeneratedRegex(@"<think>.*?</think>", RegexOptions.Singleline)]
    private static partial Regex Think();

    [GeneratedRegex(@"(?:正确答案|最佳答案|参考答案|答案|(?i:answer|correct option|correct choice))\s*(?:(?i:is|should be)|应该是|应为|是|为|选)?\s*[:=]?\s*[\(\[【*""'“]*\s*" + Group)]
    private static partial Regex AnswerPhrase();

    [GeneratedRegex(@"(?:故选|应选|因此选|所以选|选择|选|(?i:option|choose|pick))\s*(?:项|是|为)?\s*[:]?\s*[\(\[【*""'“]*\s*" + Group)]
    private static partial Regex ChoosePhrase();

    [GeneratedRegex(@"^\s*[\(\[【*""'“]*\s*" + Group + @"\s*[\)\]】*""'”]*\s*(?:[.．。:、,，)]|项|选项|$|\s+(?=[^\x00-\x7F]))")]
    private static partial Regex Leading();

    [GeneratedRegex(@"\*\*\s*\(?(?<l>[A-Z](?:\s*[、,，]?\s*[A-Z])*)\)?\s*[.．]?\s*\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex Words();

    [GeneratedRegex(@"(?<![A-Za-z])[A-Z](?![A-Za-z])")]
    private static partial Regex Lone();
}
