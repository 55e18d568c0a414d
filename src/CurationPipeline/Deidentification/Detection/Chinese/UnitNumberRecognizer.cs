using System.Globalization;

namespace CurationPipeline.Deidentification;

/// <summary>
/// Numbers written just before a unit character: "12床" (a bed number, digits only) and "92岁" (an age over 89;
/// the span keeps the unit so that it becomes "90岁以上").
/// </summary>
internal sealed class UnitNumberRecognizer(char unit, PhiCategory category, int minDigits, int maxDigits) : IPhiRecognizer
{
    public TextFeatures Needs => TextFeatures.Han | TextFeatures.Digit;

    public void Find(PhiText phiText, CandidateSet found)
    {
        var text = phiText.Value;
        for (var i = text.IndexOf(unit); i >= 0; i = i + 1 < text.Length ? text.IndexOf(unit, i + 1) : -1)
        {
            var end = i;
            while (end > 0 && text[end - 1] == ' ')
            {
                end--;
            }

            if (category == PhiCategory.Age && end > 0 && text[end - 1] == '周')
            {
                end--;
            }

            var start = end;
            while (start > 0 && char.IsAsciiDigit(text[start - 1]) && end - start <= maxDigits)
            {
                start--;
            }

            var digits = end - start;
            if (digits < minDigits || digits > maxDigits || (start > 0 && text[start - 1] is '.' or '+' or '-' or '/'))
            {
                continue;
            }

            if (category == PhiCategory.RecordNumber)
            {
                if (i + 1 < text.Length && "旁边头上尾".Contains(text[i + 1]))
                {
                    continue;
                }

                found.Add(category, start, digits);
            }
            else if (int.Parse(text.AsSpan(start, digits), CultureInfo.InvariantCulture) is > DigitPrechecks.MaxKeptAge and < 130)
            {
                found.Add(category, start, i + 1 - start);
            }
        }
    }
}
