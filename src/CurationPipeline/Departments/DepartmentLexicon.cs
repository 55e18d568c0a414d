using CurationPipeline.Reference;

namespace CurationPipeline.Departments;

/// <summary>
/// Department keywords and disease / symptom terms that point at departments (raw/departments/terms.tsv:
/// <c>term, type, department</c>). A term may point at several departments.
/// </summary>
public sealed class DepartmentLexicon
{
    private readonly Dictionary<string, List<(string Department, string Type)>> _terms;
    private readonly TermTrie<List<(string Department, string Type)>> _trie;

    public DepartmentLexicon(IEnumerable<(string Term, string Type, string Department)> entries)
    {
        _terms = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        foreach (var (term, type, department) in entries)
        {
            if (!DepartmentCatalog.IsValidLabel(department) || department == DepartmentCatalog.NoDepartment)
            {
                throw new ArgumentException($"lexicon term '{term}': '{department}' is not a department of Table 2");
            }

            if (!_terms.TryGetValue(term, out var list))
            {
                _terms[term] = list = [];
            }

            list.Add((department, type));
        }

        _trie = new TermTrie<List<(string, string)>>(_terms);
        _fragments = new HashSet<(string, string)>(_terms.SelectMany(t => t.Value.SelectMany(d =>
            Enumerable.Range(0, Math.Max(0, t.Key.Length - 1)).Select(i => (t.Key.Substring(i, 2), d.Department)))));
    }

    private readonly HashSet<(string Bigram, string Department)> _fragments;

    /// <summary>True when <paramref name="bigram"/> (two characters) occurs inside a term pointing at <paramref name="department"/>.</summary>
    public bool HasFragment(string bigram, string department) => _fragments.Contains((bigram, department));

    public int Count => _terms.Count;

    /// <summary>This lexicon with the terms of <paramref name="other"/> added (a pair present in both counts once).</summary>
    public DepartmentLexicon With(DepartmentLexicon other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new DepartmentLexicon(Entries().Concat(other.Entries()).Distinct());
    }

    private IEnumerable<(string Term, string Type, string Department)> Entries() =>
        _terms.SelectMany(t => t.Value.Select(d => (t.Key, d.Type, d.Department)));

    /// <summary>The lexicon of the rows of a terms file (<paramref name="path"/> names it in errors); a bad line is an error naming the file and line.</summary>
    public static DepartmentLexicon From(IEnumerable<(int Line, string[] Fields)> rows, string path)
    {
        var entries = new List<(string, string, string)>();
        foreach (var (lineNo, f) in rows)
        {
            if (f.Length < 3 || f[0].Trim().Length == 0)
            {
                throw new InvalidDataException($"{path}, line {lineNo}: expected 'term<TAB>type<TAB>department'");
            }

            if (!DepartmentCatalog.IsValidLabel(f[2].Trim()))
            {
                throw new InvalidDataException($"{path}, line {lineNo}, field department: '{f[2].Trim()}' is not a department of Table 2");
            }

            entries.Add((f[0].Trim(), f[1].Trim(), f[2].Trim()));
        }

        return new DepartmentLexicon(entries);
    }

    /// <summary>Department evidence in <paramref name="text"/>: longest-match terms, weighted by type (disease 3, keyword 2, symptom 1).</summary>
    public Dictionary<string, double> Score(string text)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (_, department, weight) in Matches(text))
        {
            scores[department] = scores.GetValueOrDefault(department) + weight;
        }

        return scores;
    }

    /// <summary>Every longest-match term of <paramref name="text"/> with each department it points at and its type weight.</summary>
    public IEnumerable<(string Term, string Department, double Weight)> Matches(string text)
    {
        var at = new List<(int Length, List<(string Department, string Type)> Hits)>();
        for (var i = 0; i < text.Length;)
        {
            _trie.At(text, i, at);
            if (at.Count == 0)
            {
                i++;
                continue;
            }

            var (len, hits) = at[0];
            var term = text.Substring(i, len);
            foreach (var (department, type) in hits)
            {
                yield return (term, department, type switch { "disease" => 3, "keyword" => 2, _ => 1 });
            }

            i += len;
        }
    }
}
