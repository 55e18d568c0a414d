using System.Text.RegularExpressions;
using CurationPipeline.Deidentification;

namespace CurationPipeline.Tests.Deidentification.Extension;

/// <summary>
/// A recogniser written outside the library's folders, as a new one would be: staff badge numbers of the form
/// "STAFF-12345" (five to eleven digits) (not personal data the library knows). Registered by the tests only.
/// </summary>
internal sealed partial class ToyRecognizer : IPhiRecognizer
{
    public TextFeatures Needs => TextFeatures.Digit;

    public void Find(PhiText text, CandidateSet found)
    {
        foreach (Match m in Badge().Matches(text.Value))
        {
            found.Add(PhiCategory.RecordNumber, m.Index, m.Length);
        }
    }

    [GeneratedRegex(@"\bSTAFF-\d{5,11}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Badge();
}
