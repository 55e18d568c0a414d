namespace CurationPipeline.Deidentification;

/// <summary>The kinds of personal data the de-identifier finds (see docs/deidentification.md).</summary>
public enum PhiCategory
{
    Name,
    IdNumber,
    Phone,
    Email,
    Url,
    IpAddress,
    Address,
    PostalCode,
    Date,
    Age,
    RecordNumber,
    Organization,

    /// <summary>Account numbers and online accounts: bank cards, WeChat ids, QQ numbers.</summary>
    Account,

    /// <summary>Vehicle licence plates.</summary>
    LicensePlate,
}

/// <summary>One detected piece of personal data: a character range of the scanned text.</summary>
public sealed record PhiSpan(PhiCategory Category, int Start, int Length)
{
    public int End => Start + Length;

    public bool Overlaps(int start, int length) => Start < start + length && start < End;
}

/// <summary>Names and mask tags of the categories.</summary>
public static class PhiCategories
{
    /// <summary>All categories in declaration order.</summary>
    public static IReadOnlyList<PhiCategory> All { get; } = Enum.GetValues<PhiCategory>();

    /// <summary>The tag written in <see cref="DeidMode.Mask"/> mode, e.g. <c>[NAME]</c>.</summary>
    public static string MaskTag(this PhiCategory category) => category switch
    {
        PhiCategory.Name => "[NAME]",
        PhiCategory.IdNumber => "[ID]",
        PhiCategory.Phone => "[PHONE]",
        PhiCategory.Email => "[EMAIL]",
        PhiCategory.Url => "[URL]",
        PhiCategory.IpAddress => "[IP]",
        PhiCategory.Address => "[ADDRESS]",
        PhiCategory.PostalCode => "[POSTCODE]",
        PhiCategory.Date => "[DATE]",
        PhiCategory.Age => "[AGE]",
        PhiCategory.RecordNumber => "[RECORD]",
        PhiCategory.Organization => "[ORG]",
        PhiCategory.Account => "[ACCOUNT]",
        PhiCategory.LicensePlate => "[PLATE]",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>Parses a category name as written in gold files (case-insensitive), or null.</summary>
    public static PhiCategory? Parse(string? name) =>
        Enum.TryParse<PhiCategory>(name, ignoreCase: true, out var c) && Enum.IsDefined(c) ? c : null;
}
