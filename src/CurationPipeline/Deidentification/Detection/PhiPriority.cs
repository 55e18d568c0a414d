namespace CurationPipeline.Deidentification;

/// <summary>
/// The named priorities of the recognisers. Where candidates overlap, the higher priority wins, then the longer,
/// then the earlier (see <see cref="CandidateSet.Resolve"/>). A recogniser is registered with one of these in
/// <see cref="PhiRecognizers"/>; the few that also report a second category name its priority here too.
/// </summary>
internal static class PhiPriority
{
    public const int Email = 100;
    public const int Url = 95;
    public const int IdNumber = 90;
    /// <summary>Bank cards and online accounts: above a record number whose cue ("卡号") may stand before a card.</summary>
    public const int Account = 87;

    public const int RecordNumber = 85;

    /// <summary>"12床": below a labelled record number, which may end in the same digits.</summary>
    public const int BedNumber = 84;

    /// <summary>A number with a phone label after it ("781 1704 (mobile)").</summary>
    public const int PhoneLabelled = 81;

    public const int Phone = 80;
    public const int IpAddress = 75;

    /// <summary>A Chinese date with a year ("2023年3月5日"), above the numeric and month-day forms it contains.</summary>
    public const int DateWithYear = 71;

    public const int Date = 70;

    /// <summary>A month and a year without a day ("March 2023"), below a full date that overlaps it.</summary>
    public const int MonthYear = 69;

    public const int PostalCode = 65;
    public const int Age = 60;
    /// <summary>A licence plate ("浙A·12345").</summary>
    public const int LicensePlate = 58;

    /// <summary>A hospital or clinic named by its place ("温州市中医院"), above the address its place name starts.</summary>
    public const int Institution = 52;

    public const int Address = 50;

    /// <summary>A named street without a house number ("on Ane Flats Street").</summary>
    public const int NamedStreet = 49;

    /// <summary>A place before a postal code ("in Acquapendente 1021").</summary>
    public const int PlaceBeforePostcode = 48;

    /// <summary>An employer or school after a cue ("works at", "工作单位：").</summary>
    public const int Organization = 45;

    /// <summary>Capitalised words before a company suffix ("Acme Widget Corporation").</summary>
    public const int OrganizationBySuffix = 44;

    /// <summary>The title-case line between a name line and an address line of a signature block.</summary>
    public const int SignatureOrganization = 43;

    public const int Name = 40;

    /// <summary>Another occurrence of a name found in context, or known from elsewhere in the record.</summary>
    public const int NameRepeat = 39;
}
