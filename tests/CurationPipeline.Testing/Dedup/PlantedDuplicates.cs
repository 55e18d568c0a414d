using System.Text;
using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Sources;

namespace CurationPipeline.Testing.Dedup;

/// <summary>A multiple-choice item of a planted corpus: its group (the original it was made from) and how it was made.</summary>
public sealed record PlantedItem(string Question, IReadOnlyList<string> Options, int Group, string Kind);

/// <summary>
/// Plants near-duplicates into real items: character edits (one to three substitutions, deletions or insertions in the
/// question, at most one per ten characters), option reorderings, punctuation and spacing changes (full and half width, spaces, end marks), and all three
/// at once. Used by the tests and by <c>curate-bench dedup</c>.
/// </summary>
public static class PlantedDuplicates
{
    public static readonly string[] Kinds = ["edit", "reorder", "punctuation", "all"];

    /// <summary>The multiple-choice records of a CMExam CSV file, read with the cmexam source format.</summary>
    public static async Task<List<(string Question, IReadOnlyList<string> Options)>> ReadCmExamAsync(string path)
    {
        var formats = Extensions.Bundled.Formats;
        var source = new SourceDefinition { Name = "cmexam", Path = path, Format = new SourceFormat("cmexam"), Kind = "public" };
        var format = formats.PublicFormat(source.Format)!;
        var items = new List<(string, IReadOnlyList<string>)>();
        await foreach (var read in SourceReader.ReadAsync(formats, source, path, Path.GetFileName(path)))
        {
            if (read.Record is { } record)
            {
                try
                {
                    var draft = format.Import(record);
                    items.Add((draft.Question, draft.Options));
                }
                catch (RecordRejectedException)
                {
                    // a record the format cannot import is no item of the sample
                }
            }
        }

        return items;
    }

    /// <summary>
    /// The originals (group = their index, kind "original") and one planted copy of each of a <paramref name="fraction"/>
    /// of them, the kinds in turn, all in a seeded random order.
    /// </summary>
    public static List<PlantedItem> Plant(IReadOnlyList<(string Question, IReadOnlyList<string> Options)> originals, int seed, double fraction = 0.5)
    {
        ArgumentNullException.ThrowIfNull(originals);
        var rng = new Random(seed);
        var pool = CharacterPool(originals);
        var items = originals.Select((o, i) => new PlantedItem(o.Question, o.Options, i, "original")).ToList();
        var chosen = Enumerable.Range(0, originals.Count).OrderBy(_ => rng.Next()).Take((int)Math.Round(originals.Count * fraction)).ToList();
        for (var k = 0; k < chosen.Count; k++)
        {
            var i = chosen[k];
            var kind = Kinds[k % Kinds.Length];
            items.Add(Mutate(originals[i].Question, originals[i].Options, i, kind, rng, pool));
        }

        return [.. items.OrderBy(_ => rng.Next())];
    }

    /// <summary>A copy of an item made by <paramref name="kind"/>.</summary>
    public static PlantedItem Mutate(string question, IReadOnlyList<string> options, int group, string kind, Random rng, string pool)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rng);
        var q = question;
        var o = options.ToList();
        if (kind is "edit" or "all")
        {
            q = Edit(q, rng, pool);
        }

        if (kind is "reorder" or "all")
        {
            o = Reorder(o, rng);
        }

        if (kind is "punctuation" or "all")
        {
            q = Punctuate(q, rng);
            o = [.. o.Select(x => rng.Next(3) == 0 ? Punctuate(x, rng) : x)];
        }

        return new PlantedItem(q, o, group, kind);
    }

    /// <summary>The letters of the originals' questions, to draw substituted and inserted characters from.</summary>
    public static string CharacterPool(IReadOnlyList<(string Question, IReadOnlyList<string> Options)> items) =>
        new([.. items.SelectMany(i => i.Question).Where(char.IsLetter)]);

    private static string Edit(string text, Random rng, string pool)
    {
        var sb = new StringBuilder(text);
        // One to three edits, at most one per ten characters: a short question edited three times is another question.
        var edits = rng.Next(1, Math.Clamp(text.Length / 10, 1, 3) + 1);
        for (var e = 0; e < edits && sb.Length > 1; e++)
        {
            var at = rng.Next(sb.Length);
            switch (rng.Next(3))
            {
                case 0:
                    sb[at] = pool[rng.Next(pool.Length)];
                    break;
                case 1:
                    sb.Remove(at, 1);
                    break;
                default:
                    sb.Insert(at, pool[rng.Next(pool.Length)]);
                    break;
            }
        }

        return sb.ToString();
    }

    private static List<string> Reorder(List<string> options, Random rng)
    {
        if (options.Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return options;
        }

        while (true)
        {
            var shuffled = options.OrderBy(_ => rng.Next()).ToList();
            if (!shuffled.SequenceEqual(options, StringComparer.Ordinal))
            {
                return shuffled;
            }
        }
    }

    private static readonly (char Full, char Half)[] Widths = [('，', ','), ('？', '?'), ('：', ':'), ('（', '('), ('）', ')'), ('；', ';'), ('！', '!'), ('。', '.')];

    private static string Punctuate(string text, Random rng)
    {
        var sb = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            var pair = Array.FindIndex(Widths, w => w.Full == c || w.Half == c);
            sb.Append(pair < 0 ? c : Widths[pair].Full == c ? Widths[pair].Half : Widths[pair].Full);
        }

        for (var s = rng.Next(1, 3); s > 0 && sb.Length > 1; s--)
        {
            sb.Insert(rng.Next(1, sb.Length), ' ');
        }

        var last = sb.Length > 0 ? sb[^1] : ' ';
        if (char.IsPunctuation(last))
        {
            sb.Length--;
        }
        else
        {
            sb.Append(rng.Next(2) == 0 ? '？' : '。');
        }

        return sb.ToString();
    }
}

/// <summary>How a deduplication of a planted corpus did: recall of planted pairs per kind, and clusters that join different originals.</summary>
public sealed record PlantedScore(IReadOnlyDictionary<string, (int Found, int Planted)> ByKind, int Clusters, int FalseClusters, int FalselyJoined, int Groups)
{
    public int Found => ByKind.Values.Sum(v => v.Found);

    public int Planted => ByKind.Values.Sum(v => v.Planted);

    public double Recall => Planted == 0 ? 1 : (double)Found / Planted;

    /// <summary>Clusters holding items of more than one original, over all clusters of two or more items.</summary>
    public double FalseClusterRate => Clusters == 0 ? 0 : (double)FalseClusters / Clusters;

    /// <summary>
    /// Scores <paramref name="kept"/> (for each item, the index of the kept item it duplicates, or its own) against the
    /// groups: a planted pair is found when copy and original end in one cluster.
    /// </summary>
    public static PlantedScore Of(IReadOnlyList<PlantedItem> items, IReadOnlyList<int> kept)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(kept);
        var originalAt = new Dictionary<int, int>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Kind == "original")
            {
                originalAt[items[i].Group] = i;
            }
        }

        var byKind = new Dictionary<string, (int Found, int Planted)>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Kind != "original")
            {
                var (found, planted) = byKind.GetValueOrDefault(items[i].Kind);
                var hit = kept[i] == kept[originalAt[items[i].Group]];
                byKind[items[i].Kind] = (found + (hit ? 1 : 0), planted + 1);
            }
        }

        var clusters = Enumerable.Range(0, items.Count).GroupBy(i => kept[i]).Where(g => g.Count() > 1).ToList();
        var falseClusters = clusters.Where(g => g.Select(i => items[i].Group).Distinct().Count() > 1).ToList();
        var falselyJoined = falseClusters.Sum(g => g.Count(i => items[i].Group != items[g.Key].Group));
        return new PlantedScore(byKind, clusters.Count, falseClusters.Count, falselyJoined, originalAt.Count);
    }
}
