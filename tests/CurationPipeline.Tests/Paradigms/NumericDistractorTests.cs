using System.Text.RegularExpressions;
using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Paradigms.KnowledgeProbing;
using CurationPipeline.Reference;

namespace CurationPipeline.Tests.Paradigms;

/// <summary>The main job's P1 numeric distractors: inside the clinically used range the knowledge tables give, in the answer's unit.</summary>
public sealed partial class NumericDistractorTests
{
    private static readonly PipelineDefinition Mlb = PipelineLoader.Load(RawFiles.Pipeline);
    private static readonly KnowledgeBase Kb = RawFiles.Reference.Knowledge;

    [Fact]
    public async Task Every_numeric_distractor_of_the_main_jobs_p1_items_lies_in_its_range()
    {
        var checkedItems = 0;
        var options = new List<string>();
        foreach (var dataset in Mlb.Datasets.Where(d => d.Paradigm == Paradigm.P1))
        {
            var (items, _, _) = await AllDatasetsTests.Generate(dataset, RawFiles.Context(Mlb.Seed));
            foreach (var item in items)
            {
                options.AddRange(item.Options);
                if (RangeOf(item) is not ({ } range, var firstOnly))
                {
                    continue;
                }

                checkedItems++;
                var answer = item.Options[AnswerLetters.Index(item.Answer![0])];
                foreach (var distractor in item.Options.Where(o => o != answer))
                {
                    var numbers = NumericVariants.NumbersOf(distractor, firstOnly);
                    Assert.True(numbers.Count > 0 && numbers.All(range.Contains),
                        $"{item.Dataset} {item.Provenance.SourceRecord} ({item.Attributes["template"]}): '{distractor}' outside {range.Low}-{range.High} (answer '{answer}')");
                    Assert.Equal(Unit(answer), Unit(distractor));
                }

                Assert.Equal(item.Options.Count, item.Options.Distinct(StringComparer.Ordinal).Count());
            }
        }

        Assert.True(checkedItems >= 40, $"only {checkedItems} numeric items checked");
        Assert.DoesNotContain(options, o => o.Contains("一次10 g 每日3次口服", StringComparison.Ordinal));
        Assert.DoesNotContain(options, o => o.Contains("200分钟", StringComparison.Ordinal));
    }

    /// <summary>The range a numeric item's distractors must lie in, and whether only the first number of an option varies.</summary>
    private static (NumericRange? Range, bool FirstOnly)? RangeOf(BenchmarkItem item)
    {
        var record = item.Provenance.SourceRecord;
        switch (item.Attributes.GetValueOrDefault("template"))
        {
            case "drug-max-dose":
                return (Kb.Drugs.Single(d => d.Id == record).DailyRange, false);
            case "drug-adult-dose":
                return (Kb.Drugs.Single(d => d.Id == record).DoseRange, true);
            case "lab-range":
                return (Kb.LabTests.Single(t => t.Id == record).ClinicalRange, true);
            case "guideline-safety-cloze" or "guideline-education-cloze" when item.Attributes.GetValueOrDefault("fact_type") is "number" or "range":
                var answer = item.Options[AnswerLetters.Index(item.Answer![0])];
                var fact = Kb.Guidelines.Single(g => g.Id == record).KeyFacts.First(f => f.Answer == answer);
                return NumericVariants.HasNumber(answer) ? (fact.Range, false) : null;
            default:
                return null;
        }
    }

    private static string Unit(string text) => Digits().Replace(text, "#");

    [GeneratedRegex(@"\d+(\.\d+)?(-\d+(\.\d+)?)?")]
    private static partial Regex Digits();
}
