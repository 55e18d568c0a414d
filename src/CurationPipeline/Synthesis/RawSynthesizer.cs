using System.Text;
using Bogus;
using CurationPipeline.Paradigms;
using CurationPipeline.Reference;

namespace CurationPipeline.Synthesis;

/// <summary>
/// Synthesises the clinical raw inputs (reports, EHR notes, dialogues, inpatient bundles) from the knowledge
/// tables with a fixed seed, so <c>curate synth</c> reproduces the bundled files and can make them at any scale.
/// Record <c>i</c> depends only on the seed, the kind and <c>i</c>: a larger count extends a smaller one.
/// </summary>
public static class RawSynthesizer
{
    /// <summary>The seed the bundled files were made with.</summary>
    public const int BundledSeed = 20250601;

    private static readonly Dictionary<string, Func<Faker, KnowledgeBase, int, string>> Writers = new(StringComparer.Ordinal)
    {
        ["reports"] = ReportSynthesizer.Line,
        ["ehr"] = EhrNoteSynthesizer.Line,
        ["dialogues"] = DialogueSynthesizer.Line,
        ["inpatient"] = InpatientSynthesizer.Line,
    };

    /// <summary>The kinds that can be synthesised: reports, ehr, dialogues, inpatient.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["reports", "ehr", "dialogues", "inpatient"];

    /// <summary>Where each kind lies under raw/ and how many records the bundled file holds.</summary>
    public static IReadOnlyDictionary<string, (string RelativePath, int Count)> Bundled { get; } =
        new Dictionary<string, (string, int)>(StringComparer.Ordinal)
        {
            ["reports"] = ("reports/reports.jsonl", 120),
            ["ehr"] = ("ehr/notes.jsonl", 120),
            ["dialogues"] = ("dialogues/dialogues.jsonl", 120),
            ["inpatient"] = ("inpatient/records.jsonl", 80),
        };

    /// <summary>The JSONL lines of <paramref name="count"/> records of a kind.</summary>
    public static IEnumerable<string> Lines(string kind, int count, int seed, ReferenceData reference)
    {
        var writer = WriterFor(kind);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var kb = reference.Knowledge;
        for (var i = 0; i < count; i++)
        {
            var faker = new Faker("zh_CN") { Random = new Randomizer(RecordRandom.SeedOf(seed, "synth", kind, i.ToString(System.Globalization.CultureInfo.InvariantCulture))) };
            yield return writer(faker, kb, i);
        }
    }

    /// <summary>Writes <paramref name="count"/> records of a kind to <paramref name="outPath"/> (a temp file, then renamed); returns the count.</summary>
    public static async Task<int> WriteAsync(string kind, int count, string outPath, int seed, ReferenceData reference, CancellationToken ct = default)
    {
        WriterFor(kind);
        var full = Path.GetFullPath(outPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp-" + Environment.ProcessId;
        try
        {
            await using (var stream = new StreamWriter(temp, append: false, new UTF8Encoding(false)))
            {
                stream.NewLine = "\n";
                foreach (var line in Lines(kind, count, seed, reference))
                {
                    ct.ThrowIfCancellationRequested();
                    await stream.WriteLineAsync(line.AsMemory(), ct);
                }
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return count;
    }

    private static Func<Faker, KnowledgeBase, int, string> WriterFor(string kind) =>
        Writers.TryGetValue(kind, out var writer)
            ? writer
            : throw new ArgumentException($"unknown raw kind '{kind}'; use one of {string.Join(", ", Kinds)}", nameof(kind));
}
