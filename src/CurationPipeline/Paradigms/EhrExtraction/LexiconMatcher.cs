using CurationPipeline.Departments;
using CurationPipeline.Reference;

namespace CurationPipeline.Paradigms.EhrExtraction;

/// <summary>
/// Longest-match dictionary labelling over the bundled lexicons (raw/lexicons/TYPE.txt, one term a line).
/// All entity types are matched together, so a symptom inside a longer disease name ("出血" in "脑出血") is
/// not labelled; callers keep the type they need.
/// </summary>
public sealed class LexiconMatcher
{
    private readonly Dictionary<string, string> _terms;
    private readonly TermTrie<string> _trie;

    public LexiconMatcher(IEnumerable<(string Term, string Type)> terms)
    {
        _terms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (term, type) in terms)
        {
            // Terms of one character would label fragments of words; the first type a term is listed under wins.
            if (term.Length >= 2)
            {
                _terms.TryAdd(term, type);
            }
        }

        _trie = new TermTrie<string>(_terms);
    }

    public int Count => _terms.Count;

    /// <summary>The type of words matched only to keep their parts from being labelled (department, examination and sign names).</summary>
    public const string Blocker = "blocker";

    /// <summary>
    /// The matcher over the lexicons of <paramref name="reference"/>, built once per reference data, with department names
    /// and the examination, sign and lab test names of the knowledge tables as blockers: "感染科" is no "感染", "血尿酸" no
    /// "血尿", "痛风石" no "痛风". Blockers are matched after the entity terms (an entity term wins over a blocker of the
    /// same text) and never returned as entities. A missing lexicon is an error naming the file.
    /// </summary>
    public static LexiconMatcher For(ReferenceData reference) => reference.Derived(Build);

    private static LexiconMatcher Build(ReferenceData reference)
    {
        var terms = new List<(string, string)>();
        foreach (var type in ExtractionEntityTypes.All)
        {
            var path = reference.PathOf("lexicons", type + ".txt");
            var lexicon = reference.Lexicon(type) ?? throw new FileNotFoundException($"{path}: lexicon not found", path);
            terms.AddRange(lexicon.Where(l => !l.StartsWith('#')).Select(l => (l, type)));
        }

        var blockers = DepartmentCatalog.All.Select(x => x.ChineseName);
        if (reference.HasKnowledge)
        {
            var kb = reference.Knowledge;
            blockers = blockers.Concat(kb.Diseases.SelectMany(x => x.Examinations.Concat(x.Signs))).Concat(kb.LabTests.Select(t => t.Name));
        }

        terms.AddRange(blockers.Select(b => (b, Blocker)));
        return new LexiconMatcher(terms);
    }

    /// <summary>Scans left to right taking the longest term at each position; matches never overlap.</summary>
    public IReadOnlyList<(string Type, string Text, int Start, int End)> Match(string text)
    {
        var found = new List<(string, string, int, int)>();
        var at = new List<(int Length, string Type)>();
        var i = 0;
        while (i < text.Length)
        {
            _trie.At(text, i, at);
            if (at.Count == 0)
            {
                i++;
                continue;
            }

            var (length, type) = at[0];
            if (type != Blocker)
            {
                found.Add((type, text.Substring(i, length), i, i + length));
            }

            i += length;
        }

        return found;
    }
}
