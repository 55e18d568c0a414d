using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>The regular expressions of the recognisers: language-independent forms (e-mail, URL, IP, numeric dates) (source-generated; see docs/deidentification.md).</summary>
internal static partial class PhiPatterns
{
    private const RegexOptions Opt = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const RegexOptions OptI = Opt | RegexOptions.IgnoreCase;

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", Opt)]
    public static partial Regex Email();

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""'，。、；：）)\]]+[^\s<>""'，。、；：）)\].,;:!?]", OptI)]
    public static partial Regex Url();

    [GeneratedRegex(@"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d]|\.\d)", Opt)]
    public static partial Regex Ipv4();

    [GeneratedRegex(@"(?<![\w:])(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}(?![\w:])", Opt)]
    public static partial Regex Ipv6();

    /// <summary>2023-03-05, 2023/3/5, 2023.03.05; also after a list number ("2.2024-04-26门诊复查").</summary>
    [GeneratedRegex(@"(?<![\d/-])(?<!(?<!(?:^|[^\d.])\d{1,2})\.)(?<y>(?:19|20)\d{2})(?<sep>[-/.])(?<M>\d{1,2})\k<sep>(?<d>\d{1,2})(?!\d|[./-]\d)", RegexOptions.CultureInvariant)]
    public static partial Regex YearFirstDate();

    [GeneratedRegex(@"(?<![\d./-])(?<a>\d{1,2})(?<sep>[-/.])(?<b>\d{1,2})\k<sep>(?<y>(?:19|20)\d{2})(?!\d|[./-]\d)|(?<![\d./-])(?<a>\d{1,2})(?<sep>/)(?<b>\d{1,2})/(?<y>\d{2})(?![\d/])", RegexOptions.CultureInvariant)]
    public static partial Regex YearLastDate();
}
