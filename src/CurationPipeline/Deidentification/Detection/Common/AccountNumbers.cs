using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>
/// Bank card numbers: 16 to 19 digits with a valid Luhn check digit, either in groups of four joined by one kind of
/// separator ("4111 1111 1111 1111", "6222-0212-3456-7890-123"; such a shape is a card anywhere) or as one run of
/// digits after a card or account word (卡号, 银行卡, 账号, card, account).
/// </summary>
internal sealed partial class BankCardRecognizer : IPhiRecognizer
{
    public TextFeatures Needs => TextFeatures.Digit;

    public void Find(PhiText phiText, CandidateSet found)
    {
        var text = phiText.Value;
        for (var m = Card().Match(text); m.Success; m = m.NextMatch())
        {
            var digits = m.Value.Where(char.IsAsciiDigit).ToArray();
            if (digits.Length is < 16 or > 19 || !Luhn(digits))
            {
                continue;
            }

            var grouped = m.Value.Length > digits.Length;
            var before = text.AsSpan(Math.Max(0, m.Index - 16), m.Index - Math.Max(0, m.Index - 16));
            if (grouped || Cue().IsMatch(before))
            {
                found.Add(PhiCategory.Account, m.Index, m.Length);
            }
        }
    }

    /// <summary>The Luhn (mod 10) check over the digits, the last one being the check digit.</summary>
    internal static bool Luhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z_-])(?:\d{4}(?<s>[ -])\d{4}\k<s>\d{4}\k<s>\d{4}(?:\k<s>\d{1,3})?|\d{16,19})(?![0-9A-Za-z_-])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Card();

    [GeneratedRegex(@"(?:卡号|银行卡|信用卡|储蓄卡|借记卡|账号|帐号|账户|帐户|card|account|acct)[^\d]{0,6}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Cue();
}

/// <summary>
/// Online accounts: a WeChat id (6-20 letters, digits, "_" or "-", starting with a letter) or a QQ number (5-12
/// digits) after its name (微信号：, WeChat, QQ：); and, without a cue, a Latin word in Chinese text that joins letters
/// and digits with an underscore ("ouyang_nana88", "wxid_…"), which clinical text does not hold otherwise.
/// </summary>
internal sealed partial class OnlineAccountRecognizer : IPhiRecognizer
{
    public TextFeatures Needs => TextFeatures.None;

    public void Find(PhiText phiText, CandidateSet found)
    {
        found.AddAll(WeChat(), PhiCategory.Account, found.Priority);
        found.AddAll(Qq(), PhiCategory.Account, found.Priority);
        if (phiText.HasHan && phiText.Value.Contains('_', StringComparison.Ordinal))
        {
            found.AddAll(Handle(), PhiCategory.Account, found.Priority);
        }
    }

    [GeneratedRegex(@"(?<![A-Za-z])(?:微信|WeChat|Weixin)\s*(?:号码?|账号|ID|id)?\s*(?:[:：]|是|为)?\s*(?<v>[A-Za-z][-_A-Za-z0-9]{5,19})(?![-_A-Za-z0-9@.])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase)]
    private static partial Regex WeChat();

    [GeneratedRegex(@"(?<![A-Za-z])(?:QQ|扣扣)\s*(?:号码?|账号)?\s*(?:[:：]|是|为)?\s*(?<v>[1-9]\d{4,11})(?![\d@.])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase)]
    private static partial Regex Qq();

    [GeneratedRegex(@"(?<![-0-9A-Za-z_@./])(?=[A-Za-z0-9_]*\d)[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]{2,}(?![-0-9A-Za-z_@]|\.[0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();
}
