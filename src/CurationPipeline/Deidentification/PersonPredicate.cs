using System.Collections.Frozen;

namespace CurationPipeline.Deidentification;

/// <summary>
/// A predicate that only a person takes, after a name ("Shovda is very reliable", "Anwar was tearful and withdrawn")
/// or, in a question, after "is NAME" ("Why is Natasja so impulsive?"): a copula, up to two degree words, then an
/// adjective of character, mood, civil or bodily state. Adjectives that also describe places, drugs, findings or
/// services (friendly, lovely, effective, tender, stable, happy: "Ortho is happy with the alignment") are left out.
/// Read word by word: it is asked about many name candidates, most followed by "is" or "was".
/// </summary>
internal static class PersonPredicate
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Copulas = Set(
        "is", "was", "seems", "seemed", "looks", "looked", "appears", "appeared", "feels", "felt", "became", "becomes", "remains",
        "remained", "gets", "got");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Degrees = Set(
        "very", "so", "quite", "rather", "extremely", "really", "always", "usually", "often", "sometimes", "now", "still",
        "increasingly", "too", "not", "never", "somewhat", "fairly", "pretty", "more", "less", "markedly", "visibly", "generally");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Adjectives = Set(
        "reliable", "unreliable", "impulsive", "anxious", "tearful", "cooperative", "uncooperative", "agitated",
        "confused", "depressed", "lonely", "polite", "rude", "shy", "stubborn", "honest", "dishonest", "lazy",
        "selfish", "jealous", "angry", "upset", "worried", "afraid", "scared", "frightened", "nervous", "proud",
        "ashamed", "grateful", "thankful", "married", "divorced", "widowed", "engaged", "pregnant", "retired",
        "unemployed", "homeless", "oriented", "disoriented", "drowsy", "unconscious", "awake", "asleep", "tired",
        "exhausted", "hungry", "thirsty", "intelligent", "clever", "talented", "brave", "arrogant", "cheerful",
        "grumpy", "irritable", "restless", "distressed", "withdrawn", "talkative", "ambulatory", "afebrile",
        "allergic", "fluent", "bilingual", "deaf", "sad", "excited", "embarrassed", "frustrated", "annoyed",
        "bored", "lucky", "impatient", "paranoid", "suicidal", "sober", "drunk", "intoxicated", "left-handed",
        "right-handed", "vegetarian", "vegan");

    /// <summary>
    /// 2 when <paramref name="text"/> at <paramref name="end"/> reads " [copula] [degree words] adjective", 1 when it
    /// reads the same without the copula (the question form, "is Natasja so impulsive"), else 0.
    /// </summary>
    public static int After(string text, int end)
    {
        var p = Space(text, end);
        if (p == end)
        {
            return 0;
        }

        var copula = 1;
        var word = Word(text, p);
        if (Copulas.Contains(text.AsSpan(p, word)))
        {
            copula = 2;
            p = Space(text, p + word);
        }
        else if (text.AsSpan(p, word) is "has" or "had" && Word(text, Space(text, p + word)) == 4 && text.AsSpan(Space(text, p + word), 4) is "been")
        {
            copula = 2;
            p = Space(text, Space(text, p + word) + 4);
        }

        for (var degree = 0; degree < 2; degree++)
        {
            word = Word(text, p);
            var next = Space(text, p + word);
            if (next > p + word && Degrees.Contains(text.AsSpan(p, word)))
            {
                p = next;
            }
            else if (next > p + word && text.AsSpan(p, word) is "a" && Word(text, next) is var w2 && text.AsSpan(next, w2) is "bit" or "little"
                && Space(text, next + w2) > next + w2)
            {
                p = Space(text, next + w2);
            }
            else
            {
                break;
            }
        }

        // The adjective as a whole word; "left-handed" and the like with their hyphen.
        word = Word(text, p);
        var hyphenated = p + word;
        while (hyphenated < text.Length && (char.IsAsciiLetterLower(text[hyphenated]) || text[hyphenated] == '-'))
        {
            hyphenated++;
        }

        return (word > 0 && Adjectives.Contains(text.AsSpan(p, word)) && Boundary(text, p + word))
            || (hyphenated > p + word && Adjectives.Contains(text.AsSpan(p, hyphenated - p)) && Boundary(text, hyphenated))
            ? copula
            : 0;
    }

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(params string[] words) =>
        words.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The position after the whitespace at <paramref name="p"/> (<paramref name="p"/> itself when there is none).</summary>
    private static int Space(string text, int p)
    {
        while (p < text.Length && char.IsWhiteSpace(text[p]))
        {
            p++;
        }

        return p;
    }

    /// <summary>The length of the run of lower-case ASCII letters at <paramref name="p"/>.</summary>
    private static int Word(string text, int p)
    {
        var e = p;
        while (e < text.Length && char.IsAsciiLetterLower(text[e]))
        {
            e++;
        }

        return e - p;
    }

    private static bool Boundary(string text, int p) => p >= text.Length || !(char.IsLetterOrDigit(text[p]) || text[p] == '_');
}
