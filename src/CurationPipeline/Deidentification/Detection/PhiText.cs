namespace CurationPipeline.Deidentification;

/// <summary>What a text holds, looked up once per text so that recognisers that cannot apply are skipped.</summary>
[Flags]
internal enum TextFeatures
{
    None = 0,

    /// <summary>A CJK unified ideograph (U+4E00..U+9FFF).</summary>
    Han = 1,

    /// <summary>An ASCII digit.</summary>
    Digit = 2,
}

/// <summary>The text being scanned and its features.</summary>
internal sealed class PhiText
{
    public PhiText(string value)
    {
        Value = value;
        var span = value.AsSpan();
        Features = (span.IndexOfAnyInRange('\u4e00', '\u9fff') >= 0 ? TextFeatures.Han : 0)
            | (span.IndexOfAnyInRange('0', '9') >= 0 ? TextFeatures.Digit : 0);
    }

    public string Value { get; }

    public TextFeatures Features { get; }

    public bool HasHan => (Features & TextFeatures.Han) != 0;

    public bool HasDigit => (Features & TextFeatures.Digit) != 0;

    /// <summary>Latin letters of one case only and no Han characters (see <see cref="CaselessText"/>).</summary>
    public bool IsCaseless => _caseless ??= CaselessText.Applies(Value);

    /// <summary>Holds an ASCII capital letter.</summary>
    public bool HasCapital => _capital ??= Value.AsSpan().IndexOfAnyInRange('A', 'Z') >= 0;

    private bool? _caseless;
    private bool? _capital;
}
