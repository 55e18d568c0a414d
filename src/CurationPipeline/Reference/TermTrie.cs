namespace CurationPipeline.Reference;

/// <summary>
/// Terms of a lexicon in a character trie, for matching at every position of a text. Finding the terms that start at a
/// position walks the text only as far as some term continues it, so a scan costs time linear in the text's length and
/// allocates nothing, whatever the longest term (trying every length from the longest down hashed and copied up to
/// that many characters at every position). Terms shorter than two characters are never matched.
/// </summary>
public sealed class TermTrie<TValue>
{
    private readonly Dictionary<long, int> _children = [];
    private readonly List<(bool IsTerm, TValue Value)> _nodes = [(false, default!)];

    /// <summary>The terms with their values; of a term given twice, the first value is kept.</summary>
    public TermTrie(IEnumerable<KeyValuePair<string, TValue>> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        foreach (var (term, value) in terms)
        {
            if (term.Length < 2)
            {
                continue;
            }

            var node = 0;
            foreach (var c in term)
            {
                if (!_children.TryGetValue(Key(node, c), out var child))
                {
                    child = _nodes.Count;
                    _nodes.Add((false, default!));
                    _children[Key(node, c)] = child;
                }

                node = child;
            }

            if (!_nodes[node].IsTerm)
            {
                _nodes[node] = (true, value);
            }
        }
    }

    /// <summary>
    /// The terms starting at <paramref name="start"/> of <paramref name="text"/>, longest first, as lengths and values
    /// (put into <paramref name="found"/>, which is cleared first).
    /// </summary>
    public void At(string text, int start, List<(int Length, TValue Value)> found)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(found);
        found.Clear();
        var node = 0;
        for (var i = start; i < text.Length && _children.TryGetValue(Key(node, text[i]), out node); i++)
        {
            if (_nodes[node].IsTerm && i + 1 - start >= 2)
            {
                found.Add((i + 1 - start, _nodes[node].Value));
            }
        }

        found.Reverse();
    }

    private static long Key(int node, char next) => ((long)node << 16) | next;
}
