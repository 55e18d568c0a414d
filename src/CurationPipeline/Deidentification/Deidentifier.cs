using System.Text;
using CurationPipeline.Items;

namespace CurationPipeline.Deidentification;

/// <summary>
/// Finds personal data in Chinese and English text and replaces it with per-patient consistent
/// surrogates or category tags. Thread-safe: one instance serves all workers of a run.
/// </summary>
public sealed class Deidentifier
{
    private readonly SurrogateFactory _surrogates;
    private readonly PhiRecognizers _recognizers;

    public Deidentifier(DeidOptions options, DeidAudit? audit = null)
        : this(options, audit, PhiRecognizers.Default)
    {
    }

    /// <summary>A de-identifier with other recognisers than <see cref="PhiRecognizers.Default"/>.</summary>
    internal Deidentifier(DeidOptions options, DeidAudit? audit, PhiRecognizers recognizers)
    {
        ArgumentNullException.ThrowIfNull(recognizers);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MinDateShiftDays < 1 || options.MaxDateShiftDays < options.MinDateShiftDays)
        {
            throw new ArgumentException("date shift range must satisfy 1 <= MinDateShiftDays <= MaxDateShiftDays", nameof(options));
        }

        Options = options;
        Audit = audit ?? new DeidAudit();
        _surrogates = new SurrogateFactory(options);
        _recognizers = recognizers;
    }

    public DeidOptions Options { get; }

    /// <summary>Detection counts of everything this instance de-identified.</summary>
    public DeidAudit Audit { get; }

    /// <summary>The personal data in <paramref name="text"/>, ordered by position, non-overlapping.</summary>
    public IReadOnlyList<PhiSpan> Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PhiDetector.Detect(text, _recognizers);
    }

    /// <summary>
    /// The personal data of each of one patient's texts (the notes of one record, or of one patient): a name found
    /// in any of them is also taken wherever it stands in the others.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<PhiSpan>> DetectRecords(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var found = texts.Select(t => (IReadOnlyList<PhiSpan>)PhiDetector.Detect(t ?? "", _recognizers)).ToArray();
        if (texts.Count < 2)
        {
            return found;
        }

        var names = KnownNames(texts, found);
        for (var i = 0; i < texts.Count; i++)
        {
            if (names.Any(n => MissedOccurrence(texts[i], found[i], n)))
            {
                found[i] = PhiDetector.Detect(texts[i], _recognizers, names);
            }
        }

        return found;
    }

    /// <summary>The names (two characters or more) found in a patient's texts.</summary>
    internal static IReadOnlyCollection<string> KnownNames(IReadOnlyList<string> texts, IReadOnlyList<IReadOnlyList<PhiSpan>> found)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            foreach (var s in found[i])
            {
                if (s.Category == PhiCategory.Name && s.Length >= 2)
                {
                    names.Add(texts[i].Substring(s.Start, s.Length));
                }
            }
        }

        return names;
    }

    /// <summary>True when <paramref name="name"/> occurs in the text outside every span found there.</summary>
    internal static bool MissedOccurrence(string text, IReadOnlyList<PhiSpan> found, string name)
    {
        for (var i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + 1, StringComparison.Ordinal))
        {
            if (!found.Any(s => s.Start <= i && i + name.Length <= s.End))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The date shift (days) applied to every date of <paramref name="patientKey"/>.</summary>
    public int DateShiftDays(string patientKey) => _surrogates.DateShift(patientKey ?? "");

    /// <summary>
    /// Replaces the personal data of <paramref name="text"/>. The same value of the same patient always gets
    /// the same surrogate; counts go to <see cref="Audit"/> under <paramref name="source"/>.
    /// </summary>
    public DeidResult Deidentify(string text, string patientKey, string source = "") => Deidentify(text, patientKey, source, []);

    /// <summary>
    /// As <see cref="Deidentify(string, string, string)"/>, also treating every occurrence of
    /// <paramref name="knownNames"/> (names found elsewhere in the same record) as a name.
    /// </summary>
    public DeidResult Deidentify(string text, string patientKey, string source, IReadOnlyCollection<string> knownNames)
    {
        ArgumentNullException.ThrowIfNull(text);
        patientKey ??= "";
        if (Options.Mode == DeidMode.Surrogate)
        {
            DateRecognizer.BeginText();
        }

        try
        {
            return Replace(text, patientKey, source, PhiDetector.Detect(text, _recognizers, knownNames));
        }
        finally
        {
            DateRecognizer.EndText();
        }
    }

    private DeidResult Replace(string text, string patientKey, string source, List<PhiSpan> spans)
    {
        Audit.RecordText();
        if (spans.Count == 0)
        {
            return new DeidResult(text, spans);
        }

        var sb = new StringBuilder(text.Length + 16);
        var replacements = new List<PhiReplacement>(spans.Count);
        var counts = new int[PhiCategories.All.Count];
        var pos = 0;
        foreach (var span in spans)
        {
            var value = text.Substring(span.Start, span.Length);
            var replacement = Options.Mode == DeidMode.Mask ? span.Category.MaskTag() : _surrogates.Create(span.Category, value, patientKey);
            sb.Append(text, pos, span.Start - pos).Append(replacement);
            pos = span.End;
            replacements.Add(new PhiReplacement(span.Category, span.Start, span.Length, replacement));
            counts[(int)span.Category]++;
        }

        sb.Append(text, pos, text.Length - pos);
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                Audit.Record(source ?? "", (PhiCategory)i, counts[i]);
            }
        }

        return new DeidResult(sb.ToString(), spans) { Replacements = replacements };
    }

    /// <summary>
    /// Scans an item's question, context, options, answer, explanation and entity texts, re-redacts what
    /// it finds (patient key: the item's source record) and flags the item; entity spans are moved so
    /// that they still point at their text in the new context.
    /// </summary>
    public GateResult Gate(BenchmarkItem item) => ItemGate.Apply(this, item);
}
