using CurationPipeline.Items;
using CurationPipeline.Reference;

namespace CurationPipeline.Departments;

/// <summary>
/// The embedded department tagger: lexicon evidence (<see cref="DepartmentLexicon"/>, scaled to 0..1 by the
/// strongest department) plus the tempered naive Bayes posterior (<see cref="NaiveBayesClassifier"/> over the
/// lexicon terms and the labelled text of raw/departments/train.tsv). The best department comes first;
/// others follow while their combined score is at least half the best, up to three. A text with no
/// lexicon term and no clinical cue gets "No Department".
/// </summary>
public sealed class OfflineDepartmentTagger(DepartmentLexicon? lexicon, NaiveBayesClassifier? model) : IDepartmentTagger
{
    private const string ClinicalCues = "病痛症医药疗诊疼痒肿炎血癌瘤热烧咳喘吐泻孕胎经痘疹伤骨牙眼耳鼻喉肺肝胃肾心脑腰疮晕麻胀酸脓菌毒疫苗术检查化验";

    public string Name { get; } = "offline:" + string.Join("+", new[] { lexicon is null ? null : "lexicon", model is null ? null : "naive-bayes" }.OfType<string>());

    /// <summary>The tagger over the reference data's departments/terms.tsv and, when present and wanted, train.tsv.</summary>
    public static OfflineDepartmentTagger Load(ReferenceData reference, bool useLexicon = true, bool useModel = true, bool useTrainingText = true)
    {
        var termsPath = reference.PathOf("departments", "terms.tsv");
        var terms = reference.DepartmentTable("terms") ?? throw new FileNotFoundException($"department terms not found: {termsPath}", termsPath);
        var lexicon = DepartmentLexicon.From(terms, termsPath);
        NaiveBayesClassifier? model = null;
        if (useModel)
        {
            model = new NaiveBayesClassifier();
            foreach (var (_, f) in terms.Where(t => t.Fields.Length >= 3))
            {
                model.Add(f[2].Trim(), f[0].Trim(), weight: 3);
            }

            if (useTrainingText)
            {
                foreach (var (label, text) in TrainingFile.Read(reference))
                {
                    model.Add(label, text);
                }
            }
        }

        return new OfflineDepartmentTagger(useLexicon ? lexicon : null, model);
    }

    public Task<IReadOnlyList<string>> TagAsync(BenchmarkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Task.FromResult(Tag(item.Context is null ? item.Question : item.Question + "\n" + item.Context));
    }

    /// <summary>Departments for a text, best first.</summary>
    public IReadOnlyList<string> Tag(string text)
    {
        var lex = lexicon?.Score(text) ?? [];
        if (lex.Count == 0 && !text.Any(c => ClinicalCues.Contains(c, StringComparison.Ordinal)))
        {
            return [DepartmentCatalog.NoDepartment];
        }

        var combined = new Dictionary<string, double>(StringComparer.Ordinal);
        var maxLex = lex.Count == 0 ? 1 : lex.Values.Max();
        foreach (var (d, s) in lex)
        {
            combined[d] = s / maxLex;
        }

        if (model is not null)
        {
            var ranked = model.Rank(text);
            var grams = Math.Max(1, NaiveBayesClassifier.Bigrams(text).Count());
            var temperature = Math.Max(1, grams / 10.0);
            var top = ranked[0].LogLikelihood;
            var weights = ranked.Select(r => (r.Label, W: Math.Exp((r.LogLikelihood - top) / temperature))).ToList();
            var sum = weights.Sum(w => w.W);
            foreach (var (label, w) in weights)
            {
                combined[label] = combined.GetValueOrDefault(label) + w / sum;
            }
        }

        if (combined.Count == 0)
        {
            return [DepartmentCatalog.NoDepartment];
        }

        var order = combined.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var best = order[0].Value;
        return [.. order.Take(DepartmentRules.MaxDepartments).Where((kv, i) => i == 0 || kv.Value >= best / 2).Select(kv => kv.Key)];
    }
}
