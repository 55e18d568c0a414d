using CurationPipeline.Reference;

namespace CurationPipeline.Calibration.Offline;

/// <summary>One row of a bundled knowledge table as a retrievable document.</summary>
public sealed record KnowledgeDoc(string Table, string Name, string Text);

/// <summary>
/// What the offline panel knows: the bundled knowledge tables (raw/knowledge/diseases.csv, drugs.csv,
/// lab_tests.csv) and term lexicons (raw/lexicons/*.txt, one term a line, the type is the file name; and
/// raw/departments/terms.tsv) plus <see cref="PanelVocabulary"/>. Missing files are skipped: the solvers then work with less.
/// </summary>
public sealed class OfflineKnowledge
{
    private static readonly (string Table, string Type)[] Tables = [("diseases", "disease"), ("drugs", "medication"), ("lab_tests", "lab_test")];

    private readonly TermTrie<string> _trie;

    public OfflineKnowledge(IReadOnlyList<KnowledgeDoc> documents, IReadOnlyDictionary<string, string> terms)
    {
        Documents = documents;
        Terms = terms;
        MaxTermLength = terms.Count == 0 ? 0 : terms.Keys.Max(t => t.Length);
        _trie = new TermTrie<string>(terms);
        DocumentGrams = [.. documents.Select(d => TextOverlap.Grams(d.Name + d.Text, 2))];
    }

    /// <summary>Knowledge rows.</summary>
    public IReadOnlyList<KnowledgeDoc> Documents { get; }

    /// <summary>Term to entity type (disease, symptom, medication, operation, lab_test).</summary>
    public IReadOnlyDictionary<string, string> Terms { get; }

    public int MaxTermLength { get; }

    /// <summary>Names of the files that were found, for the documentation of a run.</summary>
    public IReadOnlyList<string> Loaded { get; private init; } = [];

    internal IReadOnlyList<HashSet<string>> DocumentGrams { get; }

    /// <summary>What exists of it in <paramref name="reference"/>, built once per reference data.</summary>
    public static OfflineKnowledge For(ReferenceData reference) => reference.Derived(Build);

    private static OfflineKnowledge Build(ReferenceData reference)
    {
        var docs = new List<KnowledgeDoc>();
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        var loaded = new List<string>();
        foreach (var (table, type) in Tables)
        {
            if (reference.KnowledgeTable(table) is not { } rows)
            {
                continue;
            }

            loaded.Add(reference.PathOf("knowledge", table + ".csv"));
            foreach (var row in rows)
            {
                var name = row.Fields.GetValueOrDefault("name") ?? "";
                var text = string.Join("。", row.Fields.Where(kv => kv.Key is not ("id" or "name")).Select(kv => kv.Value.Replace(';', '、')));
                docs.Add(new KnowledgeDoc(table + ".csv", name, text));
                foreach (var n in NameVariants(name))
                {
                    terms.TryAdd(n, type);
                }
            }
        }

        foreach (var type in reference.LexiconTypes)
        {
            loaded.Add(reference.PathOf("lexicons", type + ".txt"));
            foreach (var term in (reference.Lexicon(type) ?? []).Where(l => l.Length >= 2 && !l.StartsWith('#')))
            {
                terms.TryAdd(term, type);
            }
        }

        if (reference.DepartmentTable("terms") is { } vocabulary)
        {
            loaded.Add(reference.PathOf("departments", "terms.tsv"));
            foreach (var (_, f) in vocabulary)
            {
                if (f.Length >= 2 && f[0].Trim().Length >= 2 && f[1].Trim() != "keyword")
                {
                    terms.TryAdd(f[0].Trim(), f[1].Trim());
                }
            }
        }

        foreach (var (term, type) in PanelVocabulary.Terms)
        {
            terms.TryAdd(term, type);
        }

        return new OfflineKnowledge(docs, terms) { Loaded = loaded };
    }

    /// <summary>Lexicon terms in <paramref name="text"/>: longest match first, or every match when <paramref name="overlapping"/>.</summary>
    public List<(string Term, string Type)> FindTerms(string? text, bool overlapping = false, Func<string, string, bool>? keep = null)
    {
        var found = new List<(string, string)>();
        if (string.IsNullOrEmpty(text) || MaxTermLength == 0)
        {
            return found;
        }

        var at = new List<(int Length, string Type)>();
        for (var i = 0; i < text.Length;)
        {
            var matched = 0;
            _trie.At(text, i, at);
            foreach (var (len, type) in at)
            {
                var candidate = text.Substring(i, len);
                if (keep is null || keep(candidate, type))
                {
                    found.Add((candidate, type));
                    matched = len;
                    if (!overlapping)
                    {
                        break;
                    }
                }
            }

            i += matched > 0 && !overlapping ? matched : 1;
        }

        return found;
    }

    /// <summary>The documents most similar to <paramref name="query"/> by character bigrams (a name inside the query counts double).</summary>
    public IReadOnlyList<KnowledgeDoc> Retrieve(string query, int top)
    {
        var q = TextOverlap.Grams(query, 2);
        if (q.Count == 0 || Documents.Count == 0)
        {
            return [];
        }

        return Documents.Select((d, i) => (Doc: d, Score: (double)q.Count(DocumentGrams[i].Contains) / q.Count
                + (d.Name.Length >= 2 && query.Contains(d.Name, StringComparison.Ordinal) ? 1 : 0)))
            .Where(x => x.Score > 0.15)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Doc.Name, StringComparer.Ordinal)
            .Take(top).Select(x => x.Doc).ToList();
    }

    private static IEnumerable<string> NameVariants(string name)
    {
        if (name.Length < 2)
        {
            yield break;
        }

        yield return name;
        var open = name.IndexOfAny(['(', '（']);
        if (open >= 2)
        {
            yield return name[..open];
        }
    }
}
