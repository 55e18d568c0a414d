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
        ["cnmle"] = MaturitySynthesizer.Cnmle,
        ["cff"] = MaturitySynthesizer.Cff,
        ["rrg"] = MaturitySynthesizer.Rrg,
        ["tlv"] = MaturitySynthesizer.Tlv,
        ["udc"] = MaturitySynthesizer.Udc,
        ["rbq"] = MaturitySynthesizer.Rbq,
        ["dec"] = MaturitySynthesizer.Dec,
        ["tnm"] = MaturitySynthesizer.Tnm,
        ["mdt"] = MaturitySynthesizer.Mdt,
    };

    // CSV kinds start with their header line (CMExam's columns).
    private static readonly Dictionary<string, string> Headers = new(StringComparer.Ordinal) { ["cnmle"] = MaturitySynthesizer.CnmleHeader };

    /// <summary>The kinds that can be synthesised: reports, ehr, dialogues, inpatient, and the maturity scenarios' records (cnmle, cff, rrg, tlv, udc, rbq, dec, tnm, mdt).</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["reports", "ehr", "dialogues", "inpatient", "cnmle", "cff", "rrg", "tlv", "udc", "rbq", "dec", "tnm", "mdt"];

    /// <summary>Where each kind lies under raw/ and how many records the bundled file holds.</summary>
    public static IReadOnlyDictionary<string, (string RelativePath, int Count)> Bundled { get; } =
        new Dictionary<string, (string, int)>(StringComparer.Ordinal)
        {
            ["reports"] = ("reports/reports.jsonl", 120),
            ["ehr"] = ("ehr/notes.jsonl", 120),
            ["dialogues"] = ("dialogues/dialogues.jsonl", 120),
            ["inpatient"] = ("inpatient/records.jsonl", 80),
            ["cnmle"] = ("maturity/cnmle.csv", 640),
            ["cff"] = ("maturity/cff.jsonl", 400),
            ["rrg"] = ("maturity/rrg.jsonl", 380),
            ["tlv"] = ("maturity/tlv.jsonl", 130),
            ["udc"] = ("maturity/udc.jsonl", 130),
            ["rbq"] = ("maturity/rbq.jsonl", 130),
            ["dec"] = ("maturity/dec.jsonl", 140),
            ["tnm"] = ("maturity/tnm.jsonl", 160),
            ["mdt"] = ("maturity/mdt.jsonl", 70),
        };

    /// <summary>The file name a kind is written to: <c>KIND.jsonl</c>, or <c>KIND.csv</c> for the CSV kinds.</summary>
    public static string FileName(string kind) => kind + (Headers.ContainsKey(kind) ? ".csv" : ".jsonl");

    /// <summary>The lines of <paramref name="count"/> records of a kind (after the header line of a CSV kind).</summary>
    public static IEnumerable<string> Lines(string kind, int count, int seed, ReferenceData reference)
    {
        var writer = WriterFor(kind);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var kb = reference.Knowledge;
        if (Headers.TryGetValue(kind, out var header))
        {
            yield return header;
        }

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
