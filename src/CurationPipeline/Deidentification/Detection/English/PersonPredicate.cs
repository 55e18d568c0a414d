using System.Collections.Frozen;

namespace CurationPipeline.Deidentification;

/// <summary>
/// A predicate that only a person takes, after a name ("Shovda is very reliable", "Anwar was tearful and withdrawn")
/// or, in a question, after "is NAME" ("Why is Natasja so impulsive?"): a copula, up to two degree words, then an
/// adjective of character, mood, civil or bodily state; or a copula and a person noun ("is a very sympathetic person"). Adjectives that also describe places, drugs, findings or
/// services (friendly, lovely, effective, tender, stable, happy: "Ortho is happy with the alignment") are left out.
/// Read word by word: it is asked about many name candidates, most followed by "is" or "was".
/// </summary>
internal static class PersonPredicate
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Copulas = Set(
        "is", "was", "seems", "seemed", "looks", "looked", "appears", "appeared", "feels", "felt", "became", "becomes", "remains",
        "remained", "gets", "got", "are", "were");

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

    /// <summary>Nouns only a person is: "Buranji is a very sympathetic person", "Anwar is a 67-year-old man".</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonNouns = Set(
        "person", "man", "woman", "boy", "girl", "guy", "lady", "gentleman", "fan", "friend", "listener", "kid", "child", "teenager",
        "student", "singer", "songwriter", "writer", "actor", "actress", "mother", "father", "husband", "wife", "son", "daughter",
        "grandmother", "grandfather", "widow", "widower", "smoker", "nonsmoker", "non-smoker", "vegetarian", "vegan", "retiree",
        "engineer", "teacher", "nurse", "farmer", "musician", "painter", "poet", "journalist", "colleague", "partner", "neighbour",
        "neighbor", "people", "men", "women", "boys", "girls", "guys", "ladies", "fans", "friends", "listeners", "kids", "children",
        "teenagers", "students", "singers", "songwriters", "writers", "actors", "engineers", "teachers", "nurses", "farmers",
        "musicians", "painters", "poets", "journalists", "colleagues", "partners", "neighbours", "neighbors", "brothers", "sisters",
        "twins", "siblings", "cousins", "parents", "spouses");

    /// <summary>Words that end a modifier run before a person noun: "was given to the son" is about someone else.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionWords = Set(
        "to", "by", "the", "of", "for", "with", "from", "at", "in", "on", "his", "her", "their", "its", "my", "your", "our", "and", "or",
        "but", "than", "as", "that", "which", "who");

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
        else if (text.AsSpan(p, word) is "has" or "had")
        {
            var been = Space(text, p + word);
            if (been > p + word && text.AsSpan(been, Word(text, been)) is "been")
            {
                copula = 2;
                p = Space(text, been + 4);
            }
        }

        if (copula == 2 && IsPersonNounPhrase(text, p))
        {
            return 2;
        }

        for (var degree = 0; degree < 2; degree++)
        {
            word = Word(text, p);
            var next = Space(text, p + word);
            if (next == p + word)
            {
                break;
            }

            if (Degrees.Contains(text.AsSpan(p, word)))
            {
                p = next;
                continue;
            }

            // "a bit", "a little"
            var second = Word(text, next);
            var after = Space(text, next + second);
            if (text.AsSpan(p, word) is not "a" || text.AsSpan(next, second) is not ("bit" or "little") || after == next + second)
            {
                break;
            }

            p = after;
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

    /// <summary>
    /// "a very sympathetic person", "an 82-year-old woman", "a huge Bizacky Maran fan", "precision engineers": an
    /// optional article, up to three modifiers (no function words), then a person noun.
    /// </summary>
    private static bool IsPersonNounPhrase(string text, int p)
    {
        var article = Word(text, p);
        if (text.AsSpan(p, article) is "a" or "an" && Space(text, p + article) > p + article)
        {
            p = Space(text, p + article);
        }

        for (var words = 0; words < 4; words++)
        {
            var e = p;
            while (e < text.Length && (char.IsLetterOrDigit(text[e]) || text[e] == '-'))
            {
                e++;
            }

            if (e == p)
            {
                return false;
            }

            if (PersonNouns.Contains(text.AsSpan(p, e - p)) && Boundary(text, e))
            {
                return true;
            }

            if (FunctionWords.Contains(text.AsSpan(p, e - p)))
            {
                return false;
            }

            var next = Space(text, e);
            if (next == e)
            {
                return false;
            }

            p = next;
        }

        return false;
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
