namespace CurationPipeline.Deidentification;

/// <summary>
/// The one registration point of the recognisers: each line names a recogniser and its priority. They run in this
/// order on every text that has the features they need; a later one may read what earlier ones found. Adding a
/// recogniser: one class implementing <see cref="IPhiRecognizer"/> in the folder of its language
/// (Detection/Common, Chinese or English) and one line here (docs/deidentification.md, "Adding a recognizer").
/// </summary>
internal sealed class PhiRecognizers
{
    private readonly (IPhiRecognizer Recognizer, int Priority)[] _entries;

    private PhiRecognizers((IPhiRecognizer, int)[] entries) => _entries = entries;

    /// <summary>The recognisers every <see cref="Deidentifier"/> uses unless given others.</summary>
    public static PhiRecognizers Default { get; } = new PhiRecognizers([])
        .Add(new EmailRecognizer(), PhiPriority.Email)
        .Add(new PatternRecognizer(PhiPatterns.Url(), PhiCategory.Url, TextFeatures.None, mayMatch: UrlRecognizer.MayMatch), PhiPriority.Url)
        .Add(new PatternRecognizer(PhiPatterns.ChineseId(), PhiCategory.IdNumber, TextFeatures.Digit, g => NationalId.IsValid(g.ValueSpan)), PhiPriority.IdNumber)
        .Add(new PatternRecognizer(PhiPatterns.ChineseIdGrouped(), PhiCategory.IdNumber, TextFeatures.Digit, g => NationalId.IsValidGrouped(g.ValueSpan)), PhiPriority.IdNumber)
        .Add(new PatternRecognizer(PhiPatterns.ChineseIdCued(), PhiCategory.IdNumber, TextFeatures.Han | TextFeatures.Digit, g => NationalId.HasBirthDate(g.ValueSpan)), PhiPriority.IdNumber)
        .Add(new BankCardRecognizer(), PhiPriority.Account)
        .Add(new OnlineAccountRecognizer(), PhiPriority.Account)
        .Add(new PatternRecognizer(PhiPatterns.Ssn(), PhiCategory.IdNumber, TextFeatures.Digit, mayMatch: DigitPrechecks.MayHoldSsn), PhiPriority.IdNumber)
        .Add(new PatternRecognizer(PhiPatterns.EnRecord(), PhiCategory.RecordNumber, TextFeatures.Digit), PhiPriority.RecordNumber)
        .Add(new PatternRecognizer(PhiPatterns.ChineseMobile(), PhiCategory.Phone, TextFeatures.Digit), PhiPriority.Phone)
        .Add(new PhoneRecognizer(), PhiPriority.Phone)
        .Add(new PatternRecognizer(PhiPatterns.Ipv4(), PhiCategory.IpAddress, TextFeatures.Digit, mayMatch: DigitPrechecks.MayHoldIpv4), PhiPriority.IpAddress)
        .Add(new PatternRecognizer(PhiPatterns.Ipv6(), PhiCategory.IpAddress, TextFeatures.Digit, mayMatch: DigitPrechecks.MayHoldIpv6), PhiPriority.IpAddress)
        .Add(new DatePatternRecognizer(PhiPatterns.YearFirstDate(), TextFeatures.Digit), PhiPriority.Date)
        .Add(new DatePatternRecognizer(PhiPatterns.YearLastDate(), TextFeatures.Digit), PhiPriority.Date)
        .Add(new DatePatternRecognizer(PhiPatterns.MonthNameFirst(), TextFeatures.Digit), PhiPriority.Date)
        .Add(new DatePatternRecognizer(PhiPatterns.DayFirstName(), TextFeatures.Digit), PhiPriority.Date)
        .Add(new DatePatternRecognizer(PhiPatterns.MonthYear(), TextFeatures.Digit), PhiPriority.MonthYear)
        .Add(new PatternRecognizer(PhiPatterns.EnPostal(), PhiCategory.PostalCode, TextFeatures.Digit), PhiPriority.PostalCode)
        .Add(new PatternRecognizer(PhiPatterns.EnAge(), PhiCategory.Age, TextFeatures.Digit, DigitPrechecks.IsOldAge), PhiPriority.Age)
        .Add(new PatternRecognizer(PhiPatterns.ZhRecord(), PhiCategory.RecordNumber, TextFeatures.Han | TextFeatures.Digit), PhiPriority.RecordNumber)
        .Add(new UnitNumberRecognizer('床', PhiCategory.RecordNumber, 1, 3), PhiPriority.BedNumber)
        .Add(new PatternRecognizer(PhiPatterns.ChineseLandline(), PhiCategory.Phone, TextFeatures.Han | TextFeatures.Digit), PhiPriority.Phone)
        .Add(new DatePatternRecognizer(PhiPatterns.ZhDate(), TextFeatures.Han | TextFeatures.Digit), PhiPriority.DateWithYear)
        .Add(new DatePatternRecognizer(PhiPatterns.ZhMonthDay(), TextFeatures.Han | TextFeatures.Digit), PhiPriority.Date)
        .Add(new PatternRecognizer(PhiPatterns.ZhPostal(), PhiCategory.PostalCode, TextFeatures.Han | TextFeatures.Digit), PhiPriority.PostalCode)
        .Add(new PatternRecognizer(PhiPatterns.ZhAge(), PhiCategory.Age, TextFeatures.Han | TextFeatures.Digit, DigitPrechecks.IsOldAge), PhiPriority.Age)
        .Add(new UnitNumberRecognizer('岁', PhiCategory.Age, 2, 3), PhiPriority.Age)
        .Add(new ChineseNameRecognizer(), PhiPriority.Name)
        .Add(new LicensePlateRecognizer(), PhiPriority.LicensePlate)
        .Add(new ChineseInstitutionRecognizer(), PhiPriority.Institution)
        .Add(new ChineseAddressRecognizer(), PhiPriority.Address)
        .Add(new ChineseOrganizationRecognizer(), PhiPriority.Organization)
        .Add(new EnglishAddressRecognizer(), PhiPriority.Address)
        .Add(new EnglishOrganizationRecognizer(), PhiPriority.Organization)
        .Add(new EnglishNameRecognizer(), PhiPriority.Name)
        .Add(new SignatureBlockRecognizer(), PhiPriority.SignatureOrganization);

    /// <summary>The registered recognisers, in run order, with their priorities.</summary>
    public IReadOnlyList<(IPhiRecognizer Recognizer, int Priority)> Entries => _entries;

    /// <summary>These recognisers and <paramref name="recognizer"/> after them, at <paramref name="priority"/>.</summary>
    public PhiRecognizers Add(IPhiRecognizer recognizer, int priority)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        return new PhiRecognizers([.. _entries, (recognizer, priority)]);
    }

    /// <summary>Runs every recogniser whose needs the text meets.</summary>
    public void Run(PhiText text, CandidateSet found)
    {
        foreach (var (recognizer, priority) in _entries)
        {
            if ((recognizer.Needs & ~text.Features) == 0)
            {
                found.Priority = priority;
                recognizer.Find(text, found);
            }
        }
    }
}
