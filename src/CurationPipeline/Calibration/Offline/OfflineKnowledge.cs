using CurationPipeline.IO;

namespace CurationPipeline.Calibration.Offline;

/// <summary>One row of a bundled knowledge table as a retrievable document.</summary>
public sealed record KnowledgeDoc(string Table, string Name, string Text);

/// <summary>
/// What the offline panel knows: the bundled knowledge tables (raw/knowledge/diseases.csv, drugs.csv,
/// lab_tests.csv) and term lexicons (raw/lexicons/*.txt, one term a line, the type is the file name; and
/// raw/departments/terms.tsv) plus <see cref="ClinicalVocabulary"/>. Missing files are skipped: the solvers then work with less.
/// </summary>
public sealed class OfflineKnowledge
{
    private static readonly (string File, string Type)[] Tables = [("diseases.csv", "disease"), ("drugs.csv", "medication"), ("lab_tests.csv", "lab_test")];

    public OfflineKnowledge(IReadOnlyList<KnowledgeDoc> documents, IReadOnlyDictionary<string, string> terms)
    {
        Documents = documents;
        Terms = terms;
        MaxTermLength = terms.Count == 0 ? 0 : terms.Keys.Max(t => t.Length);
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

    /// <summary>Loads what exists under <paramref name="rawDirectory"/>.</summary>
    public static OfflineKnowledge Load(string rawDirectory)
    {
        var docs = new List<KnowledgeDoc>();
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        var loaded = new List<string>();
        foreach (var (file, type) in Tables)
        {
            var path = Path.Combine(rawDirectory, "knowledge", file);
            if (!File.Exists(path))
            {
                continue;
            }

            loaded.Add(path);
            foreach (var row in ReadCsv(path))
            {
                var name = row.GetValueOrDefault("name") ?? "";
                var text = string.Join("。", row.Where(kv => kv.Key is not ("id" or "name")).Select(kv => kv.Value.Replace(';', '、')));
                docs.Add(new KnowledgeDoc(file, name, text));
                foreach (var n in NameVariants(name))
                {
                    terms.TryAdd(n, type);
                }
            }
        }

        var lexicons = Path.Combine(rawDirectory, "lexicons");
        if (Directory.Exists(lexicons))
        {
            foreach (var path in Directory.GetFiles(lexicons, "*.txt").Order(StringComparer.Ordinal))
            {
                loaded.Add(path);
                var type = Path.GetFileNameWithoutExtension(path);
                foreach (var line in File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length >= 2 && !l.StartsWith('#')))
                {
                    terms.TryAdd(line, type);
                }
            }
        }

        var vocabulary = Path.Combine(rawDirectory, "departments", "terms.tsv");
        if (File.Exists(vocabulary))
        {
            loaded.Add(vocabulary);
            foreach (var line in File.ReadLines(vocabulary).Skip(1))
            {
                var f = line.Split('\t');
                if (f.Length >= 2 && f[0].Trim().Length >= 2 && f[1].Trim() != "keyword")
                {
                    terms.TryAdd(f[0].Trim(), f[1].Trim());
                }
            }
        }

        foreach (var (term, type) in ClinicalVocabulary.Terms)
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

        for (var i = 0; i < text.Length;)
        {
            var matched = 0;
            for (var len = Math.Min(MaxTermLength, text.Length - i); len >= 2; len--)
            {
                var candidate = text.Substring(i, len);
                if (Terms.TryGetValue(candidate, out var type) && (keep is null || keep(candidate, type)))
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

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        var header = Csv.ReadRecordAsync(reader).GetAwaiter().GetResult();
        var rows = new List<Dictionary<string, string>>();
        if (header is null)
        {
            return rows;
        }

        while (Csv.ReadRecordAsync(reader).GetAwaiter().GetResult() is { } fields)
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count && i < fields.Count; i++)
            {
                row[header[i]] = fields[i];
            }

            rows.Add(row);
        }

        return rows;
    }
}
