using CurationPipeline.Deidentification;
using Xunit.Abstractions;

namespace CurationPipeline.Tests.Deidentification;

public sealed class EvalScratch(ITestOutputHelper output)
{
    [Theory]
    [InlineData("zh", PhiTemplateSet.Development)]
    [InlineData("en", PhiTemplateSet.Development)]
    [InlineData("zh", PhiTemplateSet.HeldOut)]
    [InlineData("en", PhiTemplateSet.HeldOut)]
    public void Print(string lang, PhiTemplateSet set)
    {
        var d = new Deidentifier(new DeidOptions());
        var notes = new PhiNoteSynthesizer(set == PhiTemplateSet.HeldOut ? 99 : 7, set).Generate(300, lang).ToList();
        output.WriteLine(DeidEvaluation.Evaluate(d, notes).ToMarkdown());
        int fn = 0, fp = 0;
        foreach (var n in notes)
        {
            var p = d.Detect(n.Text);
            foreach (var g in n.Spans.Where(g => !p.Any(x => x.Overlaps(g.Start, g.Length))))
            {
                if (fn++ < 25) output.WriteLine($"FN {g.Category}: «{n.Text.Substring(g.Start, g.Length)}» in …{n.Text.Substring(Math.Max(0, g.Start - 15), Math.Min(n.Text.Length - Math.Max(0, g.Start - 15), g.Length + 30))}");
            }

            foreach (var x in p.Where(x => !n.Spans.Any(g => x.Overlaps(g.Start, g.Length))))
            {
                if (fp++ < 25) output.WriteLine($"FP {x.Category}: «{n.Text.Substring(x.Start, x.Length)}» in …{n.Text.Substring(Math.Max(0, x.Start - 15), Math.Min(n.Text.Length - Math.Max(0, x.Start - 15), x.Length + 30))}");
            }
        }

        output.WriteLine(notes[0].Text);
    }
}
