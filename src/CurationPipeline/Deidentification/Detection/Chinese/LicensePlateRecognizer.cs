using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>
/// Chinese licence plates: a province's one-character name, the letter of the issuing city, an optional separator
/// and five or six letters and digits (the six of new-energy plates), three of them digits at least: 浙A·12345,
/// 京AD12345, 粤B 6Q21X.
/// </summary>
internal sealed partial class LicensePlateRecognizer : IPhiRecognizer
{
    public TextFeatures Needs => TextFeatures.Han | TextFeatures.Digit;

    public void Find(PhiText phiText, CandidateSet found) =>
        found.AddAll(Plate(), PhiCategory.LicensePlate, found.Priority, g => g.Value.Count(char.IsAsciiDigit) >= 3);

    [GeneratedRegex(@"(?<![A-Za-z0-9])[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·•・ ]?[A-HJ-NP-Z0-9]{5,6}(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Plate();
}
