using CurationPipeline.Items;
using CurationPipeline.Reference;

namespace CurationPipeline.Departments;

/// <summary>
/// The embedded department tagger. It reads the item clinically (<see cref="ClinicalReading"/>): negated,
/// past-history, family-history and rule-out clauses are dropped, chief complaint, diagnosis and the item's
/// answer weigh most. On what is left it combines lexicon terms (<see cref="DepartmentLexicon"/>) with a
/// complement naive Bayes classifier (<see cref="ComplementNaiveBayes"/>) trained on the lexicon and the
/// labelled text of raw/departments/train.tsv. Every department it gives carries its supporting words (the
/// lexicon terms found, else the classifier's strongest words); a text with neither gets "No Department".
/// </summary>
public sealed record OfflineDepartmentTagger(DepartmentLexicon? Lexicon, ComplementNaiveBayes? Model, ExternalDepartmentMap? SourceLabels = null) : IDepartmentTagger
{
    // Characters that mark text as clinical when no lexicon term is found; without any, the classifier is not asked.
    private const string ClinicalCues = "病痛症医药疗诊疼痒肿炎血癌瘤热烧咳喘吐泻孕胎经痘疹伤骨牙眼耳鼻喉肺肝胃肾心脑腰疮晕麻胀酸脓菌毒疫苗术检查化验";

    // Characters that make a classifier gram a clinical word fit to be evidence ("发烧", "肝区"); everyday words
    // that share a character with clinical ones (医生, 担心, 经常, 技术, 检查) are left out.
    private const string EvidenceCues = "病痛症疗诊疼痒肿炎血癌瘤热烧咳喘吐泻孕胎痘疹骨牙眼耳鼻喉肺肝胃肾脑腰疮晕麻胀酸脓菌毒疫苗舌齿龈肤颈胸腹膝肩臀乳宫阴尿便汗痰咽斑疤痣癣疣";

    /// <summary>How much a lexicon department's share of the evidence adds to the classifier's standardised score.</summary>
    public double LexiconWeight { get; init; } = 1.0;

    /// <summary>A further department is kept while its score is within this of the best one's.</summary>
    public double KeepWithin { get; init; } = 2.0;

    /// <summary>Without lexicon terms, the classifier's best standardised score must reach this to count as evidence.</summary>
    public double MinimumClassifierScore { get; init; } = 2.5;

    public string Name { get; } = "offline:" + string.Join("+", new[] { Lexicon is null ? null : "lexicon", Model is null ? null : "cnb" }.OfType<string>());

    /// <summary>The tagger over the reference data's departments/terms.tsv, terms-general.tsv when present, and, when present and wanted, train.tsv.</summary>
    public static OfflineDepartmentTagger Load(ReferenceData reference, bool useLexicon = true, bool useModel = true, bool useTrainingText = true) =>
        Load(reference, useLexicon, useModel, useTrainingText ? TrainingFile.Read(reference) : []);

    /// <summary>The tagger over the lexicon and the given labelled text (for evaluation on a part of the training file).</summary>
    public static OfflineDepartmentTagger Load(ReferenceData reference, bool useLexicon, bool useModel, IEnumerable<(string Department, string Text)> training)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var termsPath = reference.PathOf("departments", "terms.tsv");
        var specific = reference.DepartmentTable("terms") ?? throw new FileNotFoundException($"department terms not found: {termsPath}", termsPath);
        var lexicon = DepartmentLexicon.From(specific, termsPath);

        // General vocabulary (body parts, everyday complaints, common diseases, drug classes), when present.
        var generalPath = reference.PathOf("departments", "terms-general.tsv");
        var general = reference.DepartmentTable("terms-general") ?? [];
        lexicon = lexicon.With(DepartmentLexicon.From(general, generalPath));
        var terms = specific.Concat(general).ToList();
        ComplementNaiveBayes? model = null;
        if (useModel)
        {
            model = new ComplementNaiveBayes();
            foreach (var (_, f) in terms.Where(t => t.Fields.Length >= 3))
            {
                model.Add(f[2].Trim(), f[0].Trim());
            }

            foreach (var (label, text) in training)
            {
                model.Add(label, text);
            }

            model.Fit();
        }

        return new OfflineDepartmentTagger(useLexicon ? lexicon : null, model,
            reference.DepartmentTable("external-map") is null ? null : ExternalDepartmentMap.Load(reference));
    }

    public Task<DepartmentTagging> TagAsync(BenchmarkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Task.FromResult(Tag(Clauses(item), SourceDepartment(item)));
    }

    /// <summary>
    /// The department the source itself names (CMExam's <c>Clinical Department</c>), mapped to the list through
    /// external-map.tsv under the dataset's name: the label and what it allows; null when there is none or it has
    /// no counterpart in Table 2.
    /// </summary>
    public (string Label, IReadOnlySet<string> Allowed)? SourceDepartment(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return SourceLabels is not null
            && item.Attributes.TryGetValue(DepartmentSpread.SourceDepartmentAttribute, out var label)
            && SourceLabels.TryGold(item.Dataset.ToLowerInvariant(), label.Trim(), out var allowed) && allowed is not null
            ? (label.Trim(), allowed)
            : null;
    }

    /// <summary>Departments for a plain text (a question or a note), best first.</summary>
    public DepartmentTagging Tag(string text) => Tag(ClinicalReading.Read(text));

    /// <summary>
    /// The clauses of an item a physician would read for its department: the question (unless it is the task
    /// instruction of an item whose context holds the clinical text), the context, and the answer (the right
    /// options' text for multiple choice), the answer weighing as much as a diagnosis.
    /// </summary>
    public static IReadOnlyList<Clause> Clauses(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var clauses = new List<Clause>();
        var questionIsInstruction = item.Context is not null && item.QuestionType == QuestionType.OpenEnded;
        if (!questionIsInstruction)
        {
            clauses.AddRange(ClinicalReading.Read(item.Question));
        }

        if (item.Context is not null)
        {
            clauses.AddRange(ClinicalReading.Read(item.Context));
        }

        var answer = item.QuestionType == QuestionType.MultipleChoice
            ? string.Join("。", (item.Answer ?? "").Select(AnswerLetters.Index).Where(i => i >= 0 && i < item.Options.Count).Select(i => item.Options[i]))
            : item.Scoring == ScoringMethod.Judge ? item.Answer : null; // extraction answers repeat the context's words
        if (!string.IsNullOrWhiteSpace(answer))
        {
            clauses.AddRange(ClinicalReading.Read(answer, ClinicalReading.KeyWeight));
        }

        return clauses;
    }

    /// <summary>
    /// Departments for read clauses, best first, each with its evidence. A department the source names limits the
    /// choice to what it allows; when the text supports none of those, the source's label is the evidence.
    /// </summary>
    public DepartmentTagging Tag(IReadOnlyList<Clause> clauses, (string Label, IReadOnlySet<string> Allowed)? source = null)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        if (source is { } given)
        {
            return given.Allowed.Contains(DepartmentCatalog.NoDepartment)
                ? DepartmentTagging.None(Name + "+source")
                : FromSource(TagText(clauses, given.Allowed), given);
        }

        return TagText(clauses, null);
    }

    private DepartmentTagging FromSource(DepartmentTagging fromText, (string Label, IReadOnlySet<string> Allowed) source)
    {
        if (fromText.Departments[0] != DepartmentCatalog.NoDepartment)
        {
            return fromText with
            {
                Engine = Name + "+source",
                Evidence = [.. fromText.Evidence.Select(e => e with { Words = [.. e.Words.Prepend(source.Label).Distinct(StringComparer.Ordinal)] })],
            };
        }

        // The text supports none of the allowed departments: the source's label alone decides, first of the allowed in Table 2 order.
        var department = DepartmentCatalog.All.First(d => source.Allowed.Contains(d.Name)).Name;
        return new DepartmentTagging([department], [new DepartmentEvidence(department, [source.Label])], Name + "+source", source.Allowed.Count == 1 ? 1 : 1.0 / source.Allowed.Count);
    }

    private DepartmentTagging TagText(IReadOnlyList<Clause> clauses, IReadOnlySet<string>? allowed)
    {
        var evidence = clauses.Select(c => (Text: ClinicalReading.EvidenceText(c), c.Weight)).Where(c => c.Text.Length > 0).ToList();
        var lexical = new Dictionary<string, double>(StringComparer.Ordinal);
        var terms = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (text, weight) in evidence)
        {
            foreach (var (term, department, w) in Lexicon?.Matches(text) ?? [])
            {
                lexical[department] = lexical.GetValueOrDefault(department) + w * weight;
                var list = terms.TryGetValue(department, out var l) ? l : terms[department] = [];
                if (!list.Contains(term, StringComparer.Ordinal))
                {
                    list.Add(term);
                }
            }
        }

        // The classifier reads the evidence text with key clauses repeated by their weight.
        var weighted = string.Join("。", evidence.SelectMany(e => Enumerable.Repeat(e.Text, (int)Math.Round(e.Weight))));
        var clinical = lexical.Count > 0 || weighted.Any(c => ClinicalCues.Contains(c, StringComparison.Ordinal));
        if (!clinical)
        {
            return DepartmentTagging.None(Name);
        }

        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var lexTotal = lexical.Values.Sum();
        foreach (var (d, s) in lexical)
        {
            scores[d] = LexiconWeight * s / lexTotal;
        }

        var ranked = Model?.Rank(weighted) ?? [];
        if (lexical.Count == 0 && (ranked.Count == 0 || ranked[0].Score < MinimumClassifierScore))
        {
            return DepartmentTagging.None(Name);
        }

        foreach (var (label, z) in ranked)
        {
            scores[label] = scores.GetValueOrDefault(label) + z;
        }

        // A laboratory, imaging or pathology term names how a finding was made, not the specialty: those
        // departments come after any clinical department the lexicon found.
        var clinicalTerms = lexical.Keys.Any(d => !IsMedicalTechnology(d));
        var order = scores.OrderBy(kv => clinicalTerms && IsMedicalTechnology(kv.Key) ? 1 : 0)
            .ThenByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var best = order.FirstOrDefault(o => allowed is null || allowed.Contains(o.Key)).Value;
        var chosen = new List<DepartmentEvidence>();
        foreach (var (department, score) in order.Where(o => allowed is null || allowed.Contains(o.Key)))
        {
            if (chosen.Count == DepartmentRules.MaxDepartments || score < best - KeepWithin)
            {
                break;
            }

            // A department is given only with words of the text that support it; when the source limits the choice,
            // the classifier's words alone must be strong ones (else the source's label decides).
            var words = terms.TryGetValue(department, out var t) ? t : ClinicalWords(Model?.Evidence(weighted, department, 8) ?? [], department);
            if (words.Count > 0 && ((chosen.Count == 0 && allowed is null) || lexical.ContainsKey(department) || score >= MinimumClassifierScore))
            {
                chosen.Add(new DepartmentEvidence(department, words));
            }
        }

        if (chosen.Count == 0)
        {
            return DepartmentTagging.None(Name);
        }

        // Confidence: the best department's share of a softmax over the scores.
        var partition = order.Sum(kv => Math.Exp(kv.Value - best));
        return new DepartmentTagging([.. chosen.Select(c => c.Department)], chosen, Name, Math.Round(1 / partition, 3));
    }

    private static bool IsMedicalTechnology(string department) => DepartmentCatalog.Find(department)?.Primary == "Medical Technology Dept.";

    // The classifier's grams that are clinical words for the department: two characters, part of a lexicon term of
    // that department or holding a clinical character.
    private IReadOnlyList<string> ClinicalWords(IEnumerable<string> grams, string department) =>
        [.. grams.Where(g => g.Length >= 2 && (Lexicon?.HasFragment(g, department) == true || g.Any(c => EvidenceCues.Contains(c, StringComparison.Ordinal)))).Take(3)];
}
