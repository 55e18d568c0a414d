using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>The regular expressions of the recognisers: English text and US identifiers (source-generated; see docs/deidentification.md).</summary>
internal static partial class PhiPatterns
{
    private const string Months = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";

    [GeneratedRegex(@"(?<![\d-])(?<v>(?!000|666|9)\d{3}-(?!00)\d{2}-(?!0000)\d{4})(?![\d-])|(?:SSN|Social Security(?: No\.?| Number)?)[:#\s]*(?<v>\d{9}|\d{3}[ -]\d{2}[ -]\d{4})\b", Opt)]
    public static partial Regex Ssn();

    [GeneratedRegex(@"\b(?<N>" + Months + @")\.?\s+(?<d>\d{1,2}(?:st|nd|rd|th)?)(?:,?\s+(?<y>(?:19|20)\d{2}))?\b(?!:\d)", Opt)]
    public static partial Regex MonthNameFirst();

    [GeneratedRegex(@"(?<=\b(?<d>\d{1,2}(?:st|nd|rd|th)?)\s+(?:of\s+)?)(?<N>" + Months + @")\.?(?:,?\s+(?<y>(?:19|20)\d{2}))?\b", Opt)]
    public static partial Regex DayFirstName();

    [GeneratedRegex(@"\b(?<N>" + Months + @")\.?,?\s+(?<y>(?:19|20)\d{2})\b", Opt)]
    public static partial Regex MonthYear();

    [GeneratedRegex(@"(?<![\d.])(?<v>9\d|1[0-2]\d)(?:\s*-?\s*(?i:years?|yrs?|y/?o|y\.o\.)\b)|\b(?i:aged?)\s*[:=]?\s*(?<v>9\d|1[0-2]\d)(?![\d.])", Opt)]
    public static partial Regex EnAge();

    [GeneratedRegex(@"\b(?:MRN|Medical Record(?: No\.?| Number| #)?|Medical record(?: no\.?| number)?|Record (?:No\.?|Number|#)|Admission (?:No\.?|Number|#)|Bed(?: No\.?| Number| #)?|Insurance (?:ID|No\.?|Number|#)|Member ID|Policy (?:No\.?|Number|#)|Account (?:No\.?|Number|#)|Patient ID|Outpatient (?:No\.?|Number|#)|Hospital (?:No\.?|Number|#)|Card (?:No\.?|Number|#)|Health Card|Encounter (?:No\.?|Number|#|ID)|Visit (?:No\.?|Number|#|ID))\s*(?:[:#]|is)?\s*(?<v>[A-Za-z]{0,4}-?\d[\dA-Za-z-]{0,24})\b", Opt)]
    public static partial Regex EnRecord();

    [GeneratedRegex(@"\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY),?\s+(?<v>\d{5}(?:-\d{4})?)(?!\d)|\b(?:ZIP|Zip|zip|Postal|postal|Postcode|postcode|Post code|post code)(?:\s*[Cc]ode)?(?:\s+is)?\s*[:#]?\s*(?<v>\d{3,6}(?:-\d{3,4}|\s\d{2}(?!\d))?(?:\s[A-Z]{2}\b)?|[A-Z]\d[A-Z] ?\d[A-Z]\d)(?!\d)", Opt)]
    public static partial Regex EnPostal();

    [GeneratedRegex(@"\b(?i:name is|call me|calls me)\s+(?<v>\p{Ll}[\p{Ll}'-]+(?:\s(?!(?:and|but|or|i|im|from|the|a|an|in|at|on|to|is|was)\b)\p{Ll}[\p{Ll}'-]+)?)(?![\p{L}])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex LowercaseNameAfterCue();

    /// <summary>A named street without a house number after a place preposition: "on Ane Flats Street", "corner of ... and Inna Loop St."</summary>
    [GeneratedRegex(@"\b(?:on|at|of|and|to|near|off|onto|along)\s+(?<v>(?:\p{Lu}[\p{L}'’-]*\s+){1,3}(?:Street|Road|Avenue|Boulevard|Lane|Trail|(?:St|Rd|Ave|Blvd)\b\.?))", Opt)]
    public static partial Regex NamedStreet();

    /// <summary>
    /// A place and a postal code after "in"/"at"/"from": "in Acquapendente 1021", "in Quinta de São Tiago 3610-114",
    /// "in ÖVERTURINGEN 840 24". Four-digit years (19xx, 20xx) are not taken for codes.
    /// </summary>
    [GeneratedRegex(@"\b(?:in|at|from)\s+(?<city>\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}[\p{L}'’-]+|d[aeiou]s?|de[li]?|du|la|le|van|von|am|an|upon|sur))*?)\s+(?<zip>(?!(?:19|20)\d\d\b)\d{4,5}(?:-\d{3,4})?|\d{3}\s\d{2})\b(?!\s*(?:%|mg|mcg|ml|mL|g|kg|mm|cm|m|km|units?|patients?|people|cases|times|years?|months?|days?|hours?)\b)", Opt)]
    public static partial Regex PlaceAndPostcode();

    /// <summary>Words after a name that only a person takes: speech, living, origin, kinship ("'s daughter", "'s address").</summary>
    [GeneratedRegex(@"^(?:(?:'s|’s)\s+(?:(?:late|former|eldest|oldest|youngest|younger|older|only|new|ex-)\s+)?(?:daughters?|sons?|wife|husband|mother|father|brothers?|sisters?|parents|children|child|kids?|boyfriend|girlfriend|fianc[eé]e?|partner|widow|widower|grand(?:mother|father|daughter|son|children)|aunt|uncle|niece|nephew|cousin|mum|mom|dad|family|caregiver|carer|friend|boss|colleague|lawyer|attorney|assistant|secretary|address|phone|e-?mail|birthday|passport|signature|house|apartment|flat|car)\b|\s+(?:(?:then|also|later|never|always|often|just|finally|suddenly|quietly|has|had)\s+)?(?:lives|lived|shouted|yelled|whispered|said|says|asked|asks|told|tells|replied|replies|explained|explains|answered|insisted|began|begins|was\s+born|is\s+from|comes\s+from|came\s+from|works|worked|died|married|studied|wrote|writes|reports|reported|denies|denied|states|stated|complains|complained|thanked|smiled|laughed|cried|wept|sighed|nodded)\b)", RegexOptions.CultureInvariant)]
    public static partial Regex PersonAfter();

    /// <summary>A name with a Dutch or German particle: "Willemine ten Pas", "Anna van der Berg", "Karl von Brandt".</summary>
    [GeneratedRegex(@"\b(?<a>\p{Lu}[\p{Ll}'-]+(?: \p{Lu}[\p{Ll}'-]+)?) (?:van der|van den|van de|von der|von dem|van|von|vom|ten|ter|vander) (?<b>\p{Lu}[\p{L}'-]+)", Opt)]
    public static partial Regex ParticleName();

    /// <summary>", can I ..." after a name at a sentence start: the name is addressed.</summary>
    [GeneratedRegex(@"^,\s+(?:can|could|would|will|please|do|did|are|is|have|you|I|we|thank|thanks|listen|look|come|wait|stop|don't|tell|let's|where|what|why|how|when)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex VocativeAfter();

    [GeneratedRegex(@"\b(?:P\.?\s?O\.?\s+Box|PO Box)\s+\d{1,6}\b", OptI)]
    public static partial Regex PoBox();

    /// <summary>An organisation after a role: "CEO of Acme", "director at Walk Score", "employee of Allianz".</summary>
    [GeneratedRegex(@"\b(?:CEO|[Ff]ounder|[Cc]o-founder|[Dd]irector|[Pp]resident|[Cc]hairman|[Ee]mployee) (?:of|at)\s+(?:the\s+)?(?<v>\p{Lu}[\p{L}&'.-]*(?:(?:\s+|\s*,\s*|\s+-\s+)(?:of|and|for|the|&|\p{Lu}[\p{L}&'.-]*)){0,7})", Opt)]
    public static partial Regex EnOrganizationRole();

    [GeneratedRegex(@"\b(?i:works? (?:at|for)|worked (?:at|for)|working (?:at|for)|employed (?:at|by)|employer\s*[:=]|company\s*[:=]|school\s*[:=]|student at|studies at|studied at|attends|graduated from|job at|position at|teaches at|retired from)\s+(?:the\s+)?(?<v>\p{Lu}[\p{L}&'.-]*(?:(?:\s+|\s*,\s*|\s+-\s+)(?:of|and|for|the|&|\p{Lu}[\p{L}&'.-]*)){0,7})", Opt)]
    public static partial Regex EnOrganization();

    [GeneratedRegex(@"\b(?:Inc|LLC|Ltd|Corp|Corporation|Company|Group|University|College|Academy|Bank|Industries|Technologies|Partners|Associates|Foundation|Institute|Laboratories|Enterprises|Holdings|Systems|Solutions|Incorporated|Agency|Consulting|Consultants|Software|Analytics|Insurance|Services|Research|Resources|Capital|Media|Labs|Networks|Ventures|Pharmaceuticals|Bioscience|Biosciences|Logistics|Motors|Airlines|GmbH|S\.A\.|Oy|SpA|S\.p\.A\.|PLC|plc|Pty)\b\.?", Opt)]
    public static partial Regex EnOrganizationSuffix();
}
