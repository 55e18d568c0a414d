using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>Candidates of one text with their priorities; overlaps are resolved in favour of the higher.</summary>
internal sealed class CandidateSet(string text)
{
    private readonly List<(PhiSpan Span, int Priority)> _items = new(64);

    public string Text { get; } = text;

    /// <summary>The priority of the recogniser now running (set by <see cref="PhiRecognizers.Run"/>).</summary>
    public int Priority { get; set; }

    /// <summary>Adds a candidate at the running recogniser's priority.</summary>
    public void Add(PhiCategory category, int start, int length) => Add(category, start, length, Priority);

    /// <summary>Adds a candidate at a named <see cref="PhiPriority"/>.</summary>
    public void Add(PhiCategory category, int start, int length, int priority)
    {
        if (length > 0)
        {
            _items.Add((new PhiSpan(category, start, length), priority));
        }
    }

    /// <summary>Adds every match (its group "v" when the pattern has one).</summary>
    public void AddAll(Regex regex, PhiCategory category, int priority, Func<Group, bool>? accept = null)
    {
        var valueGroup = regex.GroupNumberFromName("v");
        for (var m = regex.Match(Text); m.Success; m = m.NextMatch())
        {
            var g = valueGroup >= 0 && m.Groups[valueGroup] is { Success: true } v ? v : (Group)m;
            if (accept is null || accept(g))
            {
                Add(category, g.Index, g.Length, priority);
            }
        }
    }

    /// <summary>Adds every whole-word occurrence of <paramref name="value"/> (a name known from elsewhere).</summary>
    public void AddOccurrences(string value, PhiCategory category, int priority)
    {
        if (value.Length < 2)
        {
            return;
        }

        var latin = !ChineseLexicon.IsHan(value[0]);
        for (var i = Text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = Text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            var end = i + value.Length;
            if (!latin || ((i == 0 || !char.IsLetter(Text[i - 1])) && (end == Text.Length || !char.IsLetter(Text[end]))))
            {
                Add(category, i, value.Length, priority);
            }
        }
    }

    /// <summary>True when a candidate of <paramref name="category"/> overlaps [start, end).</summary>
    public bool Covers(PhiCategory category, int start, int end)
    {
        // Candidates are marked on a map of the text's characters (a bit per category) when first asked about, and
        // those added since when asked again: a question costs the length of its range, not the number of candidates.
        var covered = _covered ??= new ushort[Text.Length];
        for (; _marked < _items.Count; _marked++)
        {
            var span = _items[_marked].Span;
            for (var i = span.Start; i < Math.Min(span.End, covered.Length); i++)
            {
                covered[i] |= Bit(span.Category);
            }
        }

        var bit = Bit(category);
        for (var i = Math.Max(0, start); i < Math.Min(end, covered.Length); i++)
        {
            if ((covered[i] & bit) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private ushort[]? _covered;
    private int _marked;

    private static ushort Bit(PhiCategory category) => (ushort)(1 << (int)category);

    public List<PhiSpan> Resolve()
    {
        var accepted = new List<PhiSpan>();
        if (_items.Count == 0)
        {
            return accepted;
        }

        // Higher priority first, then longer, then earlier; insertion order last (the order a stable sort keeps).
        var order = new (int Priority, int Length, int Start, int Index)[_items.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = (_items[i].Priority, _items[i].Span.Length, _items[i].Span.Start, i);
        }

        Array.Sort(order, static (x, y) =>
            x.Priority != y.Priority ? y.Priority.CompareTo(x.Priority)
            : x.Length != y.Length ? y.Length.CompareTo(x.Length)
            : x.Start != y.Start ? x.Start.CompareTo(y.Start)
            : x.Index.CompareTo(y.Index));
        // owner[i]: 1 + the index in accepted of the span holding character i (accepted spans never overlap), so a
        // candidate is checked against the spans it overlaps, not against every span accepted so far.
        var owner = new int[Text.Length];
        var overlapping = new List<int>();
        foreach (var entry in order)
        {
            var span = _items[entry.Index].Span;
            var s = span;
            foreach (var a in Overlapping(owner, span, accepted, overlapping))
            {
                if (!s.Overlaps(a.Start, a.Length))
                {
                    continue;
                }

                // Free-text categories keep the part before the overlap (an address running into a phone).
                var trimmable = s.Category is PhiCategory.Address or PhiCategory.Organization;
                s = trimmable && a.Start - s.Start >= 2 ? s with { Length = TrimEnd(a.Start) - s.Start } : null!;
                if (s is null || s.Length < 2)
                {
                    s = null!;
                    break;
                }
            }

            if (s is not null)
            {
                accepted.Add(s);
                owner.AsSpan(s.Start, Math.Min(s.End, owner.Length) - s.Start).Fill(accepted.Count);
            }
        }

        accepted.Sort((a, b) => a.Start.CompareTo(b.Start));
        return accepted;
    }

    /// <summary>The accepted spans overlapping <paramref name="span"/>, in the order they were accepted.</summary>
    private static IEnumerable<PhiSpan> Overlapping(int[] owner, PhiSpan span, List<PhiSpan> accepted, List<int> indexes)
    {
        indexes.Clear();
        for (var i = Math.Max(0, span.Start); i < Math.Min(span.End, owner.Length); i++)
        {
            if (owner[i] != 0 && (indexes.Count == 0 || indexes[^1] != owner[i]))
            {
                indexes.Add(owner[i]);
            }
        }

        indexes.Sort();
        return indexes.Select(i => accepted[i - 1]);
    }

    private int TrimEnd(int end)
    {
        while (end > 0 && (char.IsWhiteSpace(Text[end - 1]) || Text[end - 1] is ',' or '，' or '、' or ':' or '：'))
        {
            end--;
        }

        return end;
    }
}
