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
        var delta = 0;
        foreach (var r in Replacements)
        {
            if (offset <= r.Start)
            {
                break;
            }

            if (offset >= r.End)
            {
                delta += r.Replacement.Length - r.Length;
                continue;
            }

            // Inside a replaced range: snap to its edge in the output.
            var newStart = r.Start + delta;
            return isEnd ? newStart + r.Replacement.Length : newStart;
        }

        return offset + delta;
    }
}

/// <summary>One replacement: <see cref="Length"/> characters at <see cref="Start"/> became <see cref="Replacement"/>.</summary>
public sealed record PhiReplacement(PhiCategory Category, int Start, int Length, string Replacement)
{
    public int End => Start + Length;
}

/// <summary>What the gate did to one item: the (possibly) re-redacted item and how many spans it found.</summary>
public sealed record GateResult(BenchmarkItem Item, int Found);
