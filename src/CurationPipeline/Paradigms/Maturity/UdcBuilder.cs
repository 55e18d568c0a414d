using System.Text.RegularExpressions;
using CurationPipeline.Core;
using CurationPipeline.Reference;

namespace CurationPipeline.Paradigms.Maturity;

/// <summary>
/// UDC (L2, Type B, boolean): an ultrasound and a radiology conclusion of one patient (fields <c>us_conclusion</c>,
/// <c>rad_conclusion</c>; the hospital's pair agrees). Half the pairs are kept (gold true); in the others the radiology
/// conclusion gets one known edit, by laterality, organ, finding or negation (gold false, the edit in <c>planted_edit</c>).
/// </summary>
public sealed partial class UdcBuilder() : ScenarioBuilder("UDC", "Ultrasound-Radiology Consistency", ScenarioType.B, "boolean")
{
    public static readonly IReadOnlyList<string> Edits = ["laterality", "organ", "finding", "negation"];

    public override ScenarioDraft Build(SourceRecord record, Random random, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(random);
        var us = RecordFields.Required(record, "us_conclusion");
        var rad = RecordFields.Required(record, "rad_conclusion");
        string? edit = null;
        var shown = rad;
        if (random.Next(2) == 1)
        {
            foreach (var kind in random.Shuffled(Edits))
            {
                if (Apply(kind, rad) is { } changed)
                {
                    (edit, shown) = (kind, changed);
                    break;
                }
            }
        }

        var context = $"【超声检查结论】\n{us}\n\n【放射检查结论】\n{shown}";
        return new ScenarioDraft("请判断上述超声检查结论与放射检查结论在语义上是否一致（部位、左右、病变性质及有无均需相符）。一致回答true，不一致回答false。",
            context, edit is null ? "true" : "false")
        {
            Facts = EngineItems.Attributes(("planted_edit", edit ?? "none")),
            Keep = [us, shown],
        };
    }

    /// <summary>The conclusion with one edit of a kind, or null when the text has nothing that edit can change.</summary>
    public static string? Apply(string kind, string conclusion)
    {
        ArgumentNullException.ThrowIfNull(conclusion);
        switch (kind)
        {
            case "laterality":
                var side = Side().Match(conclusion);
                return side.Success ? Replace(conclusion, side.Index, 1, side.Value == "左" ? "右" : "左") : null;
            case "organ":
                return Swap(conclusion, ImagingCatalog.OrganSwaps);
            case "finding":
                return Swap(conclusion, ImagingCatalog.FindingSwaps);
            case "negation":
                var item = ImagingCatalog.Items(conclusion).FirstOrDefault();
                if (item is null)
                {
                    return null;
                }

                var organ = ImagingCatalog.OrganSwaps.Select(o => o.From).FirstOrDefault(item.Contains);
                if (organ is null)
                {
                    return null;
                }

                var at = conclusion.IndexOf(item, StringComparison.Ordinal);
                var prefix = item[..(item.IndexOf(organ, StringComparison.Ordinal) + organ.Length)];
                return Replace(conclusion, at, item.Length, prefix.Replace("脂肪", "", StringComparison.Ordinal) + "未见明显异常");
            default:
                throw new ArgumentException($"unknown edit '{kind}'", nameof(kind));
        }
    }

    private static string? Swap(string text, IReadOnlyList<(string From, string To)> swaps)
    {
        foreach (var (from, to) in swaps)
        {
            var at = text.IndexOf(from, StringComparison.Ordinal);
            if (at >= 0)
            {
                return Replace(text, at, from.Length, to);
            }
        }

        return null;
    }

    private static string Replace(string text, int start, int length, string with) => text[..start] + with + text[(start + length)..];

    [GeneratedRegex("[左右](?=[肾肺侧])")]
    private static partial Regex Side();
}
