using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>
/// Estimates how many tokens a text costs, per script, as the o200k tokenizer counts them: Chinese
/// characters at 0.9 each, an English word at one token (longer words a little more), numbers in groups
/// of three digits, punctuation one each. It is for the tokens-per-minute limit, which needs an estimate
/// before the call (the server's count corrects it after) on every request: counting with the tokenizer
/// itself costs milliseconds per prompt and seconds to load, this costs nanoseconds. The tests hold it to
/// the o200k count on Chinese clinical and English text.
/// </summary>
public static class TokenEstimate
{
    /// <summary>Tokens of a Chinese (Han) character: clinical text runs 0.9 to 1 (rare terms), everyday dialogue about 0.7 (erring high is the safe side of a limit).</summary>
    private const double PerHanCharacter = 0.9;

    /// <summary>Tokens of a character of another script that is neither Han nor ASCII (kana, Hangul, accented Latin, Cyrillic).</summary>
    private const double PerOtherLetter = 0.5;

    /// <summary>The chat format's overhead per message (role and separators).</summary>
    private const int PerMessage = 4;

    /// <summary>Estimated prompt tokens of a request: every message's text and its overhead.</summary>
    public static long Count(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        long total = 0;
        foreach (var message in messages)
        {
            total += PerMessage + Count(message.Text);
        }

        return total;
    }

    /// <summary>Estimated o200k tokens of <paramref name="text"/>.</summary>
    public static long Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        double tokens = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var start = i;
            if (IsHan(c))
            {
                while (++i < text.Length && IsHan(text[i]))
                {
                }

                tokens += Math.Max(1, (i - start) * PerHanCharacter);
            }
            else if (char.IsAsciiLetter(c))
            {
                while (++i < text.Length && char.IsAsciiLetter(text[i]))
                {
                }

                // Common words are one token; long or rare ones split into pieces of several letters.
                tokens += 1 + (Math.Max(0, i - start - 4) / 8.0);
            }
            else if (char.IsAsciiDigit(c))
            {
                while (++i < text.Length && char.IsAsciiDigit(text[i]))
                {
                }

                tokens += (i - start + 2) / 3; // o200k splits numbers into groups of up to three digits
            }
            else if (char.IsWhiteSpace(c))
            {
                while (++i < text.Length && char.IsWhiteSpace(text[i]))
                {
                }

                // One space before a word or number belongs to that word's token.
                var joins = i - start == 1 && c == ' ' && i < text.Length && char.IsAsciiLetterOrDigit(text[i]);
                tokens += joins ? 0 : 1;
            }
            else if (char.IsHighSurrogate(c))
            {
                i += 2;
                tokens += 1;
            }
            else if (c < 128 || char.IsPunctuation(c) || char.IsSymbol(c))
            {
                i++;
                tokens += 1;
            }
            else
            {
                while (++i < text.Length && text[i] >= 128 && char.IsLetter(text[i]) && !IsHan(text[i]))
                {
                }

                tokens += Math.Max(1, (i - start) * PerOtherLetter);
            }
        }

        return (long)Math.Ceiling(tokens);
    }

    private static bool IsHan(char c) => c is (>= '\u3400' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF');
}
