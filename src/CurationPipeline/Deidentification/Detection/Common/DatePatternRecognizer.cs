using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>The matches of one date pattern that are real calendar dates (a day written before a month name included).</summary>
internal sealed class DatePatternRecognizer(Regex pattern, TextFeatures needs) : IPhiRecognizer
{
    public TextFeatures Needs => needs;

    public void Find(PhiText text, CandidateSet found)
    {
        for (var m = pattern.Match(text.Value); m.Success; m = m.NextMatch())
        {
            if (DateRecognizer.IsDate(m, text.Value))
            {
                var start = DateRecognizer.StartOf(m);
                found.Add(PhiCategory.Date, start, m.Index + m.Length - start);
            }
        }
    }
}
