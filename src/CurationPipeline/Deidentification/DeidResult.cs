using CurationPipeline.Items;

namespace CurationPipeline.Deidentification;

/// <summary>The de-identified text and the spans found, in the ORIGINAL text's offsets.</summary>
public sealed record DeidResult(string Text, IReadOnlyList<PhiSpan> Found)
{
    /// <summary>The replacements made, ordered by position (original offsets and new text).</summary>
    public IReadOnlyList<PhiReplacement> Replacements { get; init; } = [];

    /// <summary>
    /// Maps an offset of the original text to the output text. An offset inside a replaced range maps to
    /// the start of its replacement, or to its end when <paramref name="isEnd"/> (span ends are exclusive).
    /// </summary>
    public int MapOffset(int offset, bool isEnd = false)
    {
        // Replacements are sorted and disjoint: only the last one starting before the offset can hold it.
        var replacements = Replacements;
        var before = CountStartingBefore(replacements, offset);
        if (before == 0)
        {
            return offset;
        }

        var shifts = _shifts ??= Shifts(replacements);
        var r = replacements[before - 1];
        if (offset >= r.End)
        {
            return offset + shifts[before];
        }

        // Inside a replaced range: snap to its edge in the output.
        var newStart = r.Start + shifts[before - 1];
        return isEnd ? newStart + r.Replacement.Length : newStart;
    }

    /// <summary>True when a span found overlaps [<paramref name="start"/>, <paramref name="end"/>) of the original text.</summary>
    public bool Touches(int start, int end)
    {
        // The spans are sorted and disjoint: the last one starting before the end is the only candidate.
        var found = Found;
        int lo = 0, hi = found.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (found[mid].Start < end)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo > 0 && found[lo - 1].Overlaps(start, end - start);
    }

    /// <summary>shifts[k]: how far the replacements before the k-th move later text (summed length changes).</summary>
    private int[]? _shifts;

    private static int[] Shifts(IReadOnlyList<PhiReplacement> replacements)
    {
        var shifts = new int[replacements.Count + 1];
        for (var k = 0; k < replacements.Count; k++)
        {
            shifts[k + 1] = shifts[k] + replacements[k].Replacement.Length - replacements[k].Length;
        }

        return shifts;
    }

    private static int CountStartingBefore(IReadOnlyList<PhiReplacement> replacements, int offset)
    {
        int lo = 0, hi = replacements.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (replacements[mid].Start < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}

/// <summary>One replacement: <see cref="Length"/> characters at <see cref="Start"/> became <see cref="Replacement"/>.</summary>
public sealed record PhiReplacement(PhiCategory Category, int Start, int Length, string Replacement)
{
    public int End => Start + Length;
}

/// <summary>What the gate did to one item: the (possibly) re-redacted item and how many spans it found.</summary>
public sealed record GateResult(BenchmarkItem Item, int Found);
