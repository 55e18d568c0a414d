using System.Collections.Frozen;

namespace CurationPipeline.Deidentification;

/// <summary>English person names: titles, cue words, name lexicons, and repeats of a found name.</summary>
internal static class EnglishNames
{
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sr", "Sister", "Nurse", "Doctor",
    };

    /// <summary>Words right before a name that make it one (strong cues).</summary>
    private static readonly HashSet<string> Cues = new(StringComparer.OrdinalIgnoreCase)
    {
        "name", "patient", "pt", "son", "daughter", "wife", "husband", "mother", "father", "brother", "sister", "spouse",
        "partner", "guardian", "attending", "physician", "surgeon", "nurse", "resident", "clinician", "provider",
        "consultant", "friend", "colleague", "neighbor", "neighbour", "informant", "nok", "contact", "dear", "kin",
        "hi", "hello", "hey", "thanks", "uncle", "aunt", "grandfather", "grandmother", "grandson", "granddaughter",
        "niece", "nephew", "stepson", "stepdaughter", "boyfriend", "girlfriend", "fiance", "fiancé", "fiancee", "fiancée",
        "widow", "widower", "caregiver", "carer", "kid",
    };

    /// <summary>
    /// Occupations before a name ("Producer Liviana Palerma", "pharmacist Okonkwo"): a cue only for a word that
    /// is a name-list word or has no English reading, since they also stand before ordinary capitalised words.
    /// </summary>
    private static readonly HashSet<string> RoleCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "producer", "songwriter", "singer", "author", "writer", "director", "manager", "assistant", "secretary", "professor",
        "founder", "ceo", "chairman", "chairwoman", "president", "agent", "lawyer", "attorney", "coach", "teacher", "student",
        "pharmacist", "therapist", "physiotherapist", "dentist", "midwife", "paramedic", "technician", "officer",
        "detective", "counsellor", "counselor", "interpreter", "translator", "chaplain", "dietitian", "worker", "inspector",
        "judge", "reporter", "journalist", "editor", "actor", "actress", "artist", "player", "captain", "sergeant",
        "founders", "authors", "directors", "managers", "producers", "singers", "writers",
        "players", "actors", "students", "teachers", "colleagues",
    };

    /// <summary>Words before a name that make it one only when the word looks like a name (weak cues).</summary>
    private static readonly HashSet<string> WeakCues = new(StringComparer.Ordinal)
    {
        "named", "called", "said", "says", "asked", "told", "replied", "thanked", "met", "married", "starring", "featuring",
    };

    /// <summary>Verbs with a person as first object: a cue when a possessive follows the word ("given Belle his address").</summary>
    private static readonly HashSet<string> GiveVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "give", "gives", "gave", "given", "giving", "send", "sent", "show", "showed", "shown", "hand", "handed", "offer",
        "offered", "lend", "lent", "promise", "promised", "owe", "owed", "pay", "paid", "tell", "ask",
        "teach", "taught", "wish", "wished", "bring", "brought", "email", "emailed", "text", "texted",
    };

    /// <summary>The particles of <see cref="PhiPatterns.ParticleName"/> (a cheap check before it).</summary>
    private static readonly System.Buffers.SearchValues<string> Particles = System.Buffers.SearchValues.Create(
        [" van ", " von ", " vom ", " ten ", " ter ", " vander "], StringComparison.Ordinal);

    /// <summary>Creative works: "a song by NAME", "the NAME novel".</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> WorkNouns = new[]
    {
        "song", "songs", "novel", "novels", "book", "books", "album", "albums", "film", "films", "movie", "movies", "play", "plays",
        "poem", "poems", "painting", "paintings", "biography", "memoir", "memoirs", "symphony", "opera", "story", "stories",
        "essay", "essays", "sonata", "concerto", "quartet", "portrait", "sculpture", "photograph",
    }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Verbs of "seen by NAME" and the like.</summary>
    private static readonly HashSet<string> ByVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "signed", "seen", "referred", "reviewed", "dictated", "examined", "accompanied", "performed", "written", "approved",
        "directed", "produced", "composed", "arranged", "sung", "painted", "edited", "translated", "illustrated", "narrated",
        "interviewed", "photographed", "coached",
    };

    /// <summary>Verbs of speech whose addressee follows "to" or "at": "shouted at Pavor", "whispered to Anneke".</summary>
    private static readonly HashSet<string> AddressVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "say", "says", "shouted", "yelled", "whispered", "replied", "talked", "talking", "spoke", "speaking", "wrote", "waved",
        "smiled", "explained", "complained", "lied", "listened", "apologised", "apologized", "introduced", "married", "engaged",
    };

    /// <summary>
    /// One pass over the capitalised words: a run of name-shaped words is a name when a title or cue word
    /// precedes it, or when its first (last) word is a known first (last) name and it has two or more words.
    /// </summary>
    public static void Run(string text, CandidateSet found)
    {
        var names = new List<(int Start, int Length)>();
        var tokens = new List<(int Start, int Length)>();
        var words = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var s = NextWordStart(text, i);
            if (s < 0)
            {
                break;
            }

            tokens.Clear();
            words.Clear();
            var p = s;
            while (true)
            {
                var e = NameTokenEnd(text, p);
                if (e < 0)
                {
                    break;
                }

                tokens.Add((p, e - p));
                words.Add(text.Substring(p, e - p));
                // A '.' joins only after an initial or a title ("J. Smith", "Dr. Chen"), not at a sentence end.
                var q = e < text.Length && text[e] == '.' && (e - p == 1 || Titles.Contains(text[p..e])) ? e + 1 : e;
                if (q + 1 < text.Length && text[q] == ' ' && char.IsUpper(text[q + 1]) && tokens.Count < 6)
                {
                    p = q + 1;
                    continue;
                }

                break;
            }

            if (tokens.Count == 0)
            {
                i = s + 1;
                continue;
            }

            AddRun(text, tokens, words, names);
            i = tokens[^1].Start + tokens[^1].Length;
        }

        if (text.Contains("name is", StringComparison.OrdinalIgnoreCase) || text.Contains("call", StringComparison.OrdinalIgnoreCase))
        {
            LowercaseAfterCue(text, names);
        }

        Coordinated(text, names);
        LowercaseList(text, names);
        if (text.AsSpan().ContainsAny(Particles))
        {
            ParticleNames(text, names);
        }

        if (names.Count == 0)
        {
            return;
        }

        var seen = new HashSet<string>(names.Count * 2, StringComparer.Ordinal);
        foreach (var (start, length) in names)
        {
            if (EnglishLexicon.EponymTerms.Contains(text.AsSpan(start, length)) && !AfterTitle(text, start))
            {
                continue; // "Karnofsky 70", "Doppler:", "Babinski negative"
            }

            found.Add(PhiCategory.Name, start, length, PhiPriority.Name);
            for (int t = start, end = start + length; t < end;)
            {
                var e = text.IndexOf(' ', t, end - t);
                e = e < 0 ? end : e;
                if (e - t >= 3 && text[e - 1] != '.')
                {
                    seen.Add(text.Substring(t, e - t));
                }

                t = e + 1;
            }
        }

        // A name word seen once (John Smith) names the same person elsewhere (Mr. Smith, Smith said).
        foreach (var token in seen)
        {
            for (var k = text.IndexOf(token, StringComparison.Ordinal); k >= 0; k = text.IndexOf(token, k + token.Length, StringComparison.Ordinal))
            {
                var end = k + token.Length;
                if ((k == 0 || !char.IsLetter(text[k - 1])) && (end == text.Length || !char.IsLetter(text[end]))
                    && !EnglishLexicon.IsEponymAt(text, end))
                {
                    found.Add(PhiCategory.Name, k, token.Length, PhiPriority.NameRepeat);
                }
            }
        }
    }

    /// <summary>
    /// A name written in lower case after "my name is" / "call me" / "calls me" ("my name is borna jerković"):
    /// taken when one of its words, capitalised, is a name-list word that is not an English word, or of foreign form.
    /// </summary>
    private static void LowercaseAfterCue(string text, List<(int Start, int Length)> names)
    {
        for (var m = PhiPatterns.LowercaseNameAfterCue().Match(text); m.Success; m = m.NextMatch())
        {
            var v = m.Groups["v"];
            foreach (var word in v.Value.Split(' '))
            {
                var capitalised = string.Concat(char.ToUpperInvariant(word[0]).ToString(), word.AsSpan(1));
                if (NameShape.SingleName(capitalised) || NameShape.Foreign(capitalised) || NameShape.NotEnglish(capitalised))
                {
                    names.Add((v.Index, v.Length));
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Capitalised words joined by "and" or commas ("Usamov and Bowers", "Morrison, Rogers and Torres") are
    /// names together when one of them is a name by its own form (not merely by a cue: "Dr. Chen and Radiology")
    /// and none has the ending of an English noun (-ology, -tion, -ness ...).
    /// </summary>
    private static void Coordinated(string text, List<(int Start, int Length)> names)
    {
        var group = new List<(int Start, int Length)>();
        foreach (var joiner in (ReadOnlySpan<string>)[" and ", " & "])
        {
            for (var k = text.IndexOf(joiner, StringComparison.Ordinal); k > 0; k = text.IndexOf(joiner, k + 1, StringComparison.Ordinal))
            {
                group.Clear();
                var after = CapitalisedWordAt(text, k + joiner.Length);
                if (after.Length == 0)
                {
                    continue;
                }

                group.Add((k + joiner.Length, after.Length));
                // Backwards over "Word, Word, Word" (an Oxford comma before the joiner is allowed).
                var pos = k > 0 && text[k - 1] == ',' ? k - 1 : k;
                while (group.Count < 8)
                {
                    var word = CapitalisedWordBefore(text, pos);
                    if (word.Length == 0)
                    {
                        break;
                    }

                    group.Add(word);
                    pos = word.Start;
                    if (pos < 2 || text[pos - 1] != ' ' || text[pos - 2] != ',')
                    {
                        break;
                    }

                    pos -= 2;
                }

                if (group.Count < 2)
                {
                    continue;
                }

                // Every word name-shaped, one a name by its own form; an English-looking word ("Rogers") is allowed
                // among two such names, and a word with no English reading ("Muslija") counts beside a name-list word.
                var all = true;
                var strong = 0;
                var nounLike = 0;
                var support = 0;
                var unlisted = false;
                var listed = false;
                foreach (var (start, length) in group)
                {
                    var w = text.Substring(start, length);
                    all &= !EnglishLexicon.NotNames.Contains(w) && !PartOfPlace(text, start, length);
                    nounLike += NameShape.CommonNounShape(w) ? 1 : 0;
                    strong += NameShape.Foreign(w) || NameShape.SingleName(w) ? 1 : 0;
                    var notEnglish = NameShape.NotEnglish(w);
                    support += notEnglish || NameShape.Foreign(w) || NameShape.SingleName(w) ? 1 : 0;
                    unlisted |= notEnglish;
                    listed |= NameShape.InNameList(w);
                }

                // Or words that can all be names, followed by what only people do or are ("Kobela and Gavenda were
                // precision engineers") or after a cue ("our 3 founders: Radeljak, Bakija and Nera").
                var last = group[0];
                if (all && (nounLike == 0 || (support >= 2 && nounLike == 1))
                    && (strong >= 1 || (unlisted && listed)
                        || (support == group.Count && (PersonContext(text, last.Start, last.Start + last.Length) || CuedGroup(text, group[^1].Start)))))
                {
                    names.AddRange(group);
                }
            }
        }
    }

    /// <summary>
    /// A list of three or more single lower-case words ending in "and" ("silvana, adam, kristina, chad and caleb"; in
    /// text of one case the name-list words of the copy searched are capitalised) whose words, capitalised, are all
    /// name-list words or have no English reading, at least half of them name-list words that are not English words
    /// or words with non-English letters (bravić, šarkez): a list of names. Lists of drugs or symptoms fail that half.
    /// </summary>
    private static void LowercaseList(string text, List<(int Start, int Length)> names)
    {
        var group = new List<(int Start, int Length)>();
        for (var k = text.IndexOf(" and ", StringComparison.Ordinal); k > 0; k = text.IndexOf(" and ", k + 1, StringComparison.Ordinal))
        {
            var a = k + 5;
            var e = a;
            while (e < text.Length && (char.IsLower(text[e]) || (e == a && char.IsUpper(text[e]))))
            {
                e++;
            }

            if (e == a || (e < text.Length && (char.IsLetterOrDigit(text[e]) || text[e] is '-' or '\'')))
            {
                continue;
            }

            group.Clear();
            group.Add((a, e - a));
            var pos = k > 0 && text[k - 1] == ',' ? k - 1 : k;
            while (group.Count < 12)
            {
                var s = pos;
                while (s > 0 && char.IsLower(text[s - 1]))
                {
                    s--;
                }

                if (s > 0 && char.IsUpper(text[s - 1]))
                {
                    s--;
                }

                if (s == pos || (s > 0 && (char.IsLetterOrDigit(text[s - 1]) || text[s - 1] is '-' or '\'')))
                {
                    break;
                }

                group.Add((s, pos - s));
                if (s < 2 || text[s - 1] != ' ' || text[s - 2] != ',')
                {
                    break;
                }

                pos = s - 2;
            }

            if (group.Count < 3)
            {
                continue;
            }

            var listed = 0;
            var all = true;
            foreach (var (start, length) in group)
            {
                var w = string.Concat(char.ToUpperInvariant(text[start]).ToString(), text.AsSpan(start + 1, length - 1));
                all &= NameShape.PersonWord(w) && !EnglishLexicon.NotNames.Contains(w);
                listed += NameShape.SingleName(w) || NameShape.Foreign(w) ? 1 : 0;
            }

            if (all && listed * 2 >= group.Count)
            {
                names.AddRange(group);
            }
        }
    }

    /// <summary>
    /// A name with a Dutch or German particle ("Willemine ten Pas"): its given names are name-list words or have
    /// no English reading, and it is no eponym ("von Willebrand disease") and no place.
    /// </summary>
    private static void ParticleNames(string text, List<(int Start, int Length)> names)
    {
        for (var m = PhiPatterns.ParticleName().Match(text); m.Success; m = m.NextMatch())
        {
            var a = m.Groups["a"];
            var b = m.Groups["b"];
            var given = true;
            foreach (var word in a.Value.Split(' '))
            {
                given &= NameShape.PersonWord(word) && !Titles.Contains(word) && !Cues.Contains(word);
            }

            var end = b.Index + b.Length;
            if (given && !EnglishLexicon.NotNames.Contains(b.Value) && !EnglishLexicon.IsEponymAt(text, end)
                && !EnglishLexicon.IsPlace(text.AsSpan(a.Index, end - a.Index)))
            {
                names.Add((a.Index, end - a.Index));
            }
        }
    }

    /// <summary>The word and the capitalised word before or after it name a country or state ("Costa Rica", "Sri Lanka").</summary>
    private static bool PartOfPlace(string text, int start, int length)
    {
        var end = start + length;
        if (start >= 2 && text[start - 1] == ' ')
        {
            var before = CapitalisedWordBefore(text, start - 1);
            if (before.Length > 0 && EnglishLexicon.IsPlace(text.AsSpan(before.Start, end - before.Start)))
            {
                return true;
            }
        }

        if (end + 1 < text.Length && text[end] == ' ')
        {
            var after = CapitalisedWordAt(text, end + 1);
            if (after.Length > 0 && EnglishLexicon.IsPlace(text.AsSpan(start, after.Start + after.Length - start)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A capitalised word (without a possessive 's) starting at <paramref name="p"/>, or length 0.</summary>
    private static (int Start, int Length) CapitalisedWordAt(string text, int p)
    {
        var e = NameTokenEnd(text, p);
        return e > p + 1 && char.IsLower(text[p + 1]) ? (p, e - p) : (p, 0);
    }

    /// <summary>The capitalised word ending at <paramref name="end"/> (a possessive 's before it is skipped), or length 0.</summary>
    private static (int Start, int Length) CapitalisedWordBefore(string text, int end)
    {
        if (end >= 2 && text[end - 1] == 's' && text[end - 2] is '\'' or '’')
        {
            end -= 2;
        }

        var s = end;
        while (s > 0 && (char.IsLetter(text[s - 1]) || text[s - 1] is '\'' or '-'))
        {
            s--;
        }

        var word = CapitalisedWordAt(text, s);
        return s < end && word.Length == end - s && (s == 0 || !char.IsLetterOrDigit(text[s - 1])) ? word : (s, 0);
    }

    private static void AddRun(string text, List<(int Start, int Length)> tokens, List<string> words, List<(int, int)> names)
    {
        string Word(int k) => words[k];
        int CueBefore(int k)
        {
            if (k > 0)
            {
                // "by ex-Zombie Sedej", "ex-Marine Okafor": a former role or affiliation before the name.
                return FormerRole(text, tokens[k - 1].Start) ? 1 : Cue(Word(k - 1), text, tokens[k - 1].Start);
            }

            var word = PreviousWord(text, tokens[k].Start, out var before);
            var cue = Cue(word, text, before);
            if (cue == 0 && GiveVerbs.Contains(word) && PossessiveFollows(text, tokens[k].Start + tokens[k].Length)
                && (NameShape.InNameList(Word(k)) || (NameShape.PersonWord(Word(k)) && !Passive(text, before))))
            {
                return 1; // "had given Belle his address", "had given Kolutac his address"; not "was given Zofran her usual dose"
            }

            // "Doctor: Since when?" is a speaker label, "Patient: John Smith" a field: after a colon a cue only
            // takes a word that can be a name.
            return cue == 2 && text.AsSpan(before + word.Length, tokens[k].Start - before - word.Length).Contains(':') ? 1 : cue;
        }

        var first = 0;
        while (first < tokens.Count && (tokens[first].Length == 1 || Titles.Contains(Word(first)) || !EnglishLexicon.IsNameToken(Word(first))
            || (first + 1 < tokens.Count && FormerRole(text, tokens[first].Start))))
        {
            first++;
        }

        if (first == tokens.Count)
        {
            return;
        }

        int LastOf(int f)
        {
            var l = f;
            while (l + 1 < tokens.Count && l - f < 3 && (tokens[l + 1].Length == 1 || EnglishLexicon.IsNameToken(Word(l + 1))))
            {
                l++;
            }

            while (l > f && tokens[l].Length == 1)
            {
                l--;
            }

            return l;
        }

        var cue = CueBefore(first);
        var last = LastOf(first);
        var accept = Accept(text, tokens, words, first, last, cue, extended: false);
        if (!accept && cue < 2)
        {
            // Without a title or strong cue, leading ordinary English words are not part of the name: "Producer
            // Liviana Palerma" is "Liviana Palerma" (after the cue "Producer"), "Public Data Explorer" is no name.
            // Then the rules that need the English word list or a person's context are tried.
            var f = first;
            while (f < tokens.Count && (tokens[f].Length == 1 || NameShape.PlainWord(Word(f))))
            {
                f++;
            }

            if (f == tokens.Count)
            {
                return;
            }

            if (f > first)
            {
                first = f;
                cue = CueBefore(first);
                last = LastOf(first);
            }

            accept = Accept(text, tokens, words, first, last, cue, extended: true);
        }

        var start = tokens[first].Start;
        var end = tokens[last].Start + tokens[last].Length;
        // A country or state ("Costa Rica", "Sri Lanka") is not a name, nor a part of it ("Rica").
        if (!accept || (tokens.Count > 1 && EnglishLexicon.IsPlace(text.AsSpan(tokens[0].Start, tokens[^1].Start + tokens[^1].Length - tokens[0].Start)))
            || (EnglishLexicon.IsEponymAt(text, end) && !AfterTitle(text, start))
            || (cue < 2 && (NameShape.BeforeDose(text, end) || NameShape.InHanText(text, start, end))))
        {
            return;
        }

        names.Add((start, end - start));
    }

    /// <summary>
    /// Whether tokens first..last are a name given the cue before them (2 strong, 1 weak, 0 none). The basic rules
    /// use the name lists and word forms; the extended ones add words with no English reading and person contexts.
    /// </summary>
    private static bool Accept(string text, List<(int Start, int Length)> tokens, List<string> words, int first, int last, int cue, bool extended)
    {
        if (cue == 2)
        {
            return true;
        }

        var firstWord = words[first];
        var lastWord = words[last];
        var known = EnglishLexicon.FirstNames.Contains(firstWord) || EnglishLexicon.LastNames.Contains(lastWord);
        var start = tokens[first].Start;
        var end = tokens[last].Start + tokens[last].Length;
        if (cue == 1)
        {
            return known || NameShape.Foreign(firstWord) || NameShape.Foreign(lastWord)
                || (extended && (NameShape.NotEnglish(firstWord) || NameShape.NotEnglish(lastWord)));
        }

        if (last > first)
        {
            return known || NameShape.ForeignPair(tokens, words, first, last)
                || (extended && (UnlistedPair(text, tokens, words, first, last) || (PersonContext(text, start, end) && AllPersonWords(tokens, words, first, last))));
        }

        return NameShape.SingleName(firstWord) || NameShape.Foreign(firstWord)
            || (extended && NameShape.PersonWord(firstWord) && PersonContext(text, start, end) && !Cues.Contains(firstWord) && !RoleCues.Contains(firstWord));
    }

    /// <summary>
    /// Two to four capitalised words, each with no English reading or a name-list word that is not also English
    /// ("Jouni Hahli", "Gyala Antall"), not a country or state, and not followed by a number (drug and device names:
    /// "Advair Diskus 250/50").
    /// </summary>
    private static bool UnlistedPair(string text, List<(int Start, int Length)> tokens, List<string> words, int first, int last)
    {
        var count = 0;
        for (var k = first; k <= last; k++)
        {
            if (tokens[k].Length == 1)
            {
                continue;
            }

            var word = words[k];
            if (!NameShape.NotEnglish(word) && !(NameShape.InNameList(word) && !EnglishNameWords.Ambiguous.Contains(word)))
            {
                return false;
            }

            count++;
        }

        var end = tokens[last].Start + tokens[last].Length;
        var next = end;
        while (next < text.Length && text[next] is ' ' or '\t')
        {
            next++;
        }

        return count >= 2 && !(next > end && next < text.Length && char.IsAsciiDigit(text[next]))
            && !EnglishLexicon.IsPlace(text.AsSpan(tokens[first].Start, end - tokens[first].Start));
    }

    private static bool AllPersonWords(List<(int Start, int Length)> tokens, List<string> words, int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (tokens[k].Length > 1 && !NameShape.PersonWord(words[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Context that only a person takes around an otherwise uncertain name: a verb of speech, living or origin
    /// after it ("Mehrudin shouted", "Trivo lives on"), a kinship possessive ("Erle's daughter"), a dialogue
    /// speaker label ("Leverett: What a wife."), or a vocative ("Remember me, Maria?", "Kuba, can I ...").
    /// </summary>
    private static bool PersonContext(string text, int start, int end) =>
        (end + 1 < text.Length && (text[end] is '\'' or '’' || (text[end] == ' ' && char.IsAsciiLetterLower(text[end + 1])))
            && PhiPatterns.PersonAfter().IsMatch(text.AsSpan(end)))
        || SpeakerLabel(text, start, end) || Vocative(text, start, end) || PersonPredicate(text, start, end) || WorkOf(text, start, end);

    /// <summary>A title or cue word right before the first word of a group ("founders: Radeljak, ...").</summary>
    private static bool CuedGroup(string text, int firstStart)
    {
        var word = PreviousWord(text, firstStart, out var start);
        return Cue(word, text, start) > 0;
    }

    /// <summary>"ex-" right before a capitalised word: "ex-Zombie", "ex-Marine".</summary>
    private static bool FormerRole(string text, int wordStart) =>
        wordStart >= 3 && text[wordStart - 1] == '-' && text.AsSpan(wordStart - 3, 2).Equals("ex", StringComparison.OrdinalIgnoreCase)
        && (wordStart == 3 || !char.IsLetter(text[wordStart - 4]));

    /// <summary>"the Ronner novel", "Sabljo's song": a creative work named after its author.</summary>
    private static bool WorkOf(string text, int start, int end)
    {
        var possessive = end + 3 < text.Length && text[end] is '\'' or '’' && text[end + 1] == 's' && text[end + 2] == ' ';
        if (possessive)
        {
            end += 2;
        }
        else if (end + 2 >= text.Length || text[end] != ' ' || start < 4 || text[start - 1] != ' '
            || !text.AsSpan(start - 4, 3).Equals("the", StringComparison.OrdinalIgnoreCase) || (start > 4 && char.IsLetter(text[start - 5])))
        {
            return false;
        }

        var e = end + 1;
        while (e < text.Length && char.IsAsciiLetterLower(text[e]))
        {
            e++;
        }

        return (e == text.Length || !char.IsLetterOrDigit(text[e])) && WorkNouns.Contains(text.AsSpan(end + 1, e - end - 1));
    }

    /// <summary>"Shovda is very reliable", or "is Natasja so impulsive": see <see cref="Deidentification.PersonPredicate"/>.</summary>
    private static bool PersonPredicate(string text, int start, int end)
    {
        if (end + 2 >= text.Length || text[end] != ' ')
        {
            return false;
        }

        var kind = Deidentification.PersonPredicate.After(text, end);
        if (kind != 1)
        {
            return kind == 2;
        }

        var before = PreviousWord(text, start, out var at);
        return at + before.Length == start - 1 && before is "is" or "Is" or "was" or "Was";
    }

    private static bool SpeakerLabel(string text, int start, int end)
    {
        var lineStart = start;
        while (lineStart > 0 && text[lineStart - 1] is ' ' or '\t' or '>')
        {
            lineStart--;
        }

        if ((lineStart > 0 && text[lineStart - 1] != '\n') || end + 2 >= text.Length || text[end] != ':')
        {
            return false;
        }

        // What follows the label is speech, not a value ("Mobile: 0688 ...", "Name: ...").
        var k = end + 1;
        while (k < text.Length && text[k] == ' ')
        {
            k++;
        }

        return k < text.Length && (char.IsLetter(text[k]) || text[k] is '"' or '“' or '\'');
    }

    private static bool Vocative(string text, int start, int end)
    {
        // ", Maria?" / ", Mark!" at the end of a sentence.
        if (start >= 2 && text[start - 1] == ' ' && text[start - 2] == ',' && end < text.Length && text[end] is '?' or '!')
        {
            return true;
        }

        // "Kuba, can I ..." at the start of a sentence or line.
        var b = start;
        while (b > 0 && text[b - 1] is ' ' or '"' or '“')
        {
            b--;
        }

        return (b == 0 || text[b - 1] is '.' or '!' or '?' or '\n') && PhiPatterns.VocativeAfter().IsMatch(text.AsSpan(end));
    }

    /// <summary>A passive auxiliary right before the verb at <paramref name="verbStart"/> ("was given", "been sent").</summary>
    private static bool Passive(string text, int verbStart) =>
        PreviousWord(text, verbStart, out _) is "was" or "were" or "is" or "are" or "be" or "been" or "being" or "get" or "got";

    private static bool PossessiveFollows(string text, int end)
    {
        var rest = text.AsSpan(end);
        foreach (var possessive in (ReadOnlySpan<string>)[" his ", " her ", " their ", " my ", " your ", " our "])
        {
            if (rest.StartsWith(possessive, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A title right before <paramref name="start"/>: "Dr. Romberg", "Mr Smith's disease" (a person, not an eponym).</summary>
    private static bool AfterTitle(string text, int start)
    {
        var word = PreviousWord(text, start, out _);
        return word.Length > 0 && Titles.Contains(word) && char.IsUpper(word[0]);
    }

    /// <summary>2: a title or strong cue; 1: a weak cue (named, called, "name is"); 0: none.</summary>
    private static int Cue(string word, string text, int wordStart)
    {
        if (word.Length == 0)
        {
            return 0;
        }

        if (word == "ms" && wordStart >= 2 && text[wordStart - 1] == ' ' && char.IsAsciiDigit(text[wordStart - 2]))
        {
            return 0; // "QRS 98 ms, QTc 452 ms": milliseconds, not a title
        }

        if (Titles.Contains(word) || Cues.Contains(word))
        {
            return 2;
        }

        if (RoleCues.Contains(word))
        {
            return 1;
        }

        var previous = PreviousWord(text, wordStart, out var previousStart);
        if (word.Equals("by", StringComparison.OrdinalIgnoreCase) && ByVerbs.Contains(previous))
        {
            return 2;
        }

        if (word.Equals("by", StringComparison.OrdinalIgnoreCase) && WorkNouns.Contains(previous))
        {
            return 1; // "a song by Ahtisaari", "the novel by Roeterdink"
        }

        if (word is "to" or "at" && (AddressVerbs.Contains(previous) || RoleCues.Contains(previous)))
        {
            return 1; // "shouted at Pavor", "assistant to Lelas"
        }

        if (word is "to" && previous.Length > 1 && char.IsUpper(previous[0]) && AddressVerbs.Contains(PreviousWord(text, previousStart, out _)))
        {
            return 1; // "said Rini to Antaruk"
        }

        if (word is "him" or "her" && previous is "named" or "called" or "call" or "calls")
        {
            return 1; // "She named him Mihnjak"
        }

        if (word.Equals("me", StringComparison.OrdinalIgnoreCase) && previous is "call" or "Call" or "calls" or "called")
        {
            return 1;
        }

        // "I'm Jaroslava", "I am Rubija", "said Gladys", "says Hartvigsson".
        var imOrAm = (word == "m" && wordStart >= 2 && text[wordStart - 1] is '\'' or '’' && text[wordStart - 2] == 'I')
            || (word == "am" && previous == "I");
        if (word == "is" && previous.Equals("name", StringComparison.OrdinalIgnoreCase))
        {
            return 2;
        }

        return imOrAm || WeakCues.Contains(word) ? 1 : 0;
    }

    /// <summary>The word before <paramref name="pos"/>, skipping spaces and one ':' ',' or '.'.</summary>
    private static string PreviousWord(string text, int pos, out int start)
    {
        var e = pos;
        while (e > 0 && text[e - 1] is ' ' or '\t')
        {
            e--;
        }

        if (e > 0 && text[e - 1] is ':' or ',' or '.' or '?')
        {
            e--;
            while (e > 0 && text[e - 1] == ' ')
            {
                e--;
            }
        }

        start = e;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        return text[start..e];
    }

    private static int NextWordStart(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (char.IsUpper(text[i]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1])))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>End of a name-shaped word at <paramref name="p"/> (Smith, McKenzie, O'Neil, Jean-Luc, or an initial), or -1.</summary>
    private static int NameTokenEnd(string text, int p)
    {
        if (p >= text.Length || !char.IsUpper(text[p]))
        {
            return -1;
        }

        var j = p + 1;
        while (j < text.Length && (char.IsLower(text[j]) || text[j] is '\'' or '-' || (char.IsUpper(text[j]) && j + 1 < text.Length && char.IsLower(text[j + 1]))))
        {
            j++;
        }

        if (j == p + 1)
        {
            // A single capital is an initial only when followed by '.', ' ' or the end.
            return j == text.Length || text[j] is '.' or ' ' ? j : -1;
        }

        // A possessive is not part of the name: "Matej's address".
        if (j - p > 3 && text[j - 1] == 's' && text[j - 2] is '\'' or '’')
        {
            j -= 2;
        }

        return j < text.Length && char.IsLetterOrDigit(text[j]) ? -1 : j;
    }
}

/// <summary>
/// English person names (<see cref="EnglishNames"/>); text written in one case is searched in a copy with capitals
/// restored (<see cref="CaselessText.ForNames"/>).
/// </summary>
internal sealed class EnglishNameRecognizer : IPhiRecognizer
{
    public TextFeatures Needs => TextFeatures.None;

    public void Find(PhiText text, CandidateSet found)
    {
        if (text.IsCaseless)
        {
            EnglishNames.Run(CaselessText.ForNames(text.Value), found);
        }
        else if (text.HasCapital)
        {
            EnglishNames.Run(text.Value, found);
        }
    }
}
