using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>The regular expressions of the recognisers (source-generated; see docs/deidentification.md).</summary>
internal static partial class PhiPatterns
{
    private const RegexOptions Opt = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const RegexOptions OptI = Opt | RegexOptions.IgnoreCase;
    private const string Months = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", Opt)]
    public static partial Regex Email();

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""'，。、；：）)\]]+[^\s<>""'，。、；：）)\].,;:!?]", OptI)]
    public static partial Regex Url();

    [GeneratedRegex(@"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d]|\.\d)", Opt)]
    public static partial Regex Ipv4();

    [GeneratedRegex(@"(?<![\w:])(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}(?![\w:])", Opt)]
    public static partial Regex Ipv6();

    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9]\d{16}[0-9Xx](?![0-9A-Za-z])", Opt)]
    public static partial Regex ChineseId();

    [GeneratedRegex(@"(?<![\d-])(?<v>(?!000|666|9)\d{3}-(?!00)\d{2}-(?!0000)\d{4})(?![\d-])|(?:SSN|Social Security(?: No\.?| Number)?)[:#\s]*(?<v>\d{9}|\d{3}[ -]\d{2}[ -]\d{4})\b", Opt)]
    public static partial Regex Ssn();

    [GeneratedRegex(@"(?<![\d+])(?:(?:\+|00)86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)", Opt)]
    public static partial Regex ChineseMobile();

    [GeneratedRegex(@"(?<![\d\w])(?:\(0\d{2,3}\)|0\d{2,3}-)\s?[2-9]\d{6,7}(?:-\d{1,4})?(?!\d)", Opt)]
    public static partial Regex ChineseLandline();

    [GeneratedRegex(@"(?<![\d年])(?<y>(?:19|20)\d{2})\s*年\s*(?<M>\d{1,2})\s*月(?:\s*(?<d>\d{1,2})\s*[日号])?", Opt)]
    public static partial Regex ZhDate();

    [GeneratedRegex(@"(?<![\d年./-])(?<M>\d{1,2})月(?<d>\d{1,2})[日号]", Opt)]
    public static partial Regex ZhMonthDay();

    [GeneratedRegex(@"(?<![\d./-])(?<y>(?:19|20)\d{2})(?<sep>[-/.])(?<M>\d{1,2})\k<sep>(?<d>\d{1,2})(?!\d|[./-]\d)", RegexOptions.CultureInvariant)]
    public static partial Regex YearFirstDate();

    [GeneratedRegex(@"(?<![\d./-])(?<a>\d{1,2})(?<sep>[-/.])(?<b>\d{1,2})\k<sep>(?<y>(?:19|20)\d{2})(?!\d|[./-]\d)|(?<![\d./-])(?<a>\d{1,2})(?<sep>/)(?<b>\d{1,2})/(?<y>\d{2})(?![\d/])", RegexOptions.CultureInvariant)]
    public static partial Regex YearLastDate();

    [GeneratedRegex(@"\b(?<N>" + Months + @")\.?\s+(?<d>\d{1,2}(?:st|nd|rd|th)?)(?:,?\s+(?<y>(?:19|20)\d{2}))?\b(?!:\d)", Opt)]
    public static partial Regex MonthNameFirst();

    [GeneratedRegex(@"(?<=\b(?<d>\d{1,2}(?:st|nd|rd|th)?)\s+(?:of\s+)?)(?<N>" + Months + @")\.?(?:,?\s+(?<y>(?:19|20)\d{2}))?\b", Opt)]
    public static partial Regex DayFirstName();

    [GeneratedRegex(@"\b(?<N>" + Months + @")\.?,?\s+(?<y>(?:19|20)\d{2})\b", Opt)]
    public static partial Regex MonthYear();

    [GeneratedRegex(@"(?:年龄|年纪)\s*[:：]?\s*(?<v>\d{2,3})(?![\d.])", Opt)]
    public static partial Regex ZhAge();

    [GeneratedRegex(@"(?<![\d.])(?<v>9\d|1[0-2]\d)(?:\s*-?\s*(?i:years?|yrs?|y/?o|y\.o\.)\b)|\b(?i:aged?)\s*[:=]?\s*(?<v>9\d|1[0-2]\d)(?![\d.])", Opt)]
    public static partial Regex EnAge();

    [GeneratedRegex(@"(?:住院病案号|住院号|门诊号|急诊号|病案号|病历号|病历编号|床号|医保卡号|医保号|社保卡号|社保号|就诊卡号|健康卡号|卡号|登记号|检查号|影像号|标本号|条码号|ID号|病人ID|患者ID)\s*(?:[:：#]|是|为)?\s*(?<v>[A-Za-z]{0,4}-?\d[\dA-Za-z-]{0,24})", Opt)]
    public static partial Regex ZhRecord();

    [GeneratedRegex(@"\b(?:MRN|Medical Record(?: No\.?| Number| #)?|Medical record(?: no\.?| number)?|Record (?:No\.?|Number|#)|Admission (?:No\.?|Number|#)|Bed(?: No\.?| Number| #)?|Insurance (?:ID|No\.?|Number|#)|Member ID|Policy (?:No\.?|Number|#)|Account (?:No\.?|Number|#)|Patient ID|Outpatient (?:No\.?|Number|#)|Hospital (?:No\.?|Number|#)|Card (?:No\.?|Number|#)|Health Card|Encounter (?:No\.?|Number|#|ID)|Visit (?:No\.?|Number|#|ID))\s*(?:[:#]|is)?\s*(?<v>[A-Za-z]{0,4}-?\d[\dA-Za-z-]{0,24})\b", Opt)]
    public static partial Regex EnRecord();

        [GeneratedRegex(@"(?:邮编|邮政编码)\s*[:：]?\s*(?<v>\d{6})(?!\d)", Opt)]
    public static partial Regex ZhPostal();

    [GeneratedRegex(@"\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY),?\s+(?<v>\d{5}(?:-\d{4})?)(?!\d)|\b(?:ZIP|Zip|zip|Postal|postal|Postcode|postcode|Post code|post code)(?:\s*[Cc]ode)?(?:\s+is)?\s*[:#]?\s*(?<v>\d{3,6}(?:-\d{3,4}|\s\d{2}(?!\d))?(?:\s[A-Z]{2}\b)?|[A-Z]\d[A-Z] ?\d[A-Z]\d)(?!\d)", Opt)]
    public static partial Regex EnPostal();

    [GeneratedRegex(@"(?:住址|地址|家住|现住|住在|居住于|居住在|户籍地|户籍|籍贯|现居|家庭住址|联系地址|通讯地址|住于)\s*(?:[:：]|为|是|于|在)?\s*(?<v>[\u4e00-\u9fa5A-Za-z0-9\-－#（）()]{2,60})", Opt)]
    public static partial Regex ZhCuedAddress();

    [GeneratedRegex(@"(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆)(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)?[\u4e00-\u9fa5]{1,6}?(?:市|区|县|州|盟)[\u4e00-\u9fa5A-Za-z0-9\-－#]{0,50}", Opt)]
    public static partial Regex ZhAddressStart();

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

    [GeneratedRegex(@"(?:(?:工作单位|就职于|任职于|供职于|就读于|工作于|毕业于|受雇于)\s*(?:[:：]|为|是)?|(?:单位|学校|雇主|所在学校|所在单位|公司名称|公司)\s*[:：])\s*(?<v>[\u4e00-\u9fa5][\u4e00-\u9fa5A-Za-z0-9（）()]{1,39})|在(?<v>[\u4e00-\u9fa5A-Za-z0-9]{2,20}?(?:公司|集团|工厂|厂|学校|大学|学院|中学|小学|银行))(?:工作|上班|任职|就读|读书|上学)", Opt)]
    public static partial Regex ZhOrganization();

    [GeneratedRegex(@"[，,、 ]+(?:男|女)性?[，,、 ]", Opt)]
    public static partial Regex ZhNameGender();

    /// <summary>An organisation after a role: "CEO of Acme", "director at Walk Score", "employee of Allianz".</summary>
    [GeneratedRegex(@"\b(?:CEO|[Ff]ounder|[Cc]o-founder|[Dd]irector|[Pp]resident|[Cc]hairman|[Ee]mployee) (?:of|at)\s+(?:the\s+)?(?<v>\p{Lu}[\p{L}&'.-]*(?:(?:\s+|\s*,\s*|\s+-\s+)(?:of|and|for|the|&|\p{Lu}[\p{L}&'.-]*)){0,7})", Opt)]
    public static partial Regex EnOrganizationRole();

    [GeneratedRegex(@"\b(?i:works? (?:at|for)|worked (?:at|for)|working (?:at|for)|employed (?:at|by)|employer\s*[:=]|company\s*[:=]|school\s*[:=]|student at|studies at|studied at|attends|graduated from|job at|position at|teaches at|retired from)\s+(?:the\s+)?(?<v>\p{Lu}[\p{L}&'.-]*(?:(?:\s+|\s*,\s*|\s+-\s+)(?:of|and|for|the|&|\p{Lu}[\p{L}&'.-]*)){0,7})", Opt)]
    public static partial Regex EnOrganization();

    [GeneratedRegex(@"\b(?:Inc|LLC|Ltd|Corp|Corporation|Company|Group|University|College|Academy|Bank|Industries|Technologies|Partners|Associates|Foundation|Institute|Laboratories|Enterprises|Holdings|Systems|Solutions|Incorporated|Agency|Consulting|Consultants|Software|Analytics|Insurance|Services|Research|Resources|Capital|Media|Labs|Networks|Ventures|Pharmaceuticals|Bioscience|Biosciences|Logistics|Motors|Airlines|GmbH|S\.A\.|Oy|SpA|S\.p\.A\.|PLC|plc|Pty)\b\.?", Opt)]
    public static partial Regex EnOrganizationSuffix();

    [GeneratedRegex(@"(?:患者|病人|患儿|姓名|名字|叫做|名叫|医师|医生|主任|主治|住院医|护士|护师|术者|助手|主刀|麻醉师|记录者|记录人|签名|签字人|家属|联系人|配偶|丈夫|妻子|爱人|之子|之女|儿子|女儿|父亲|母亲|其子|其女|其夫|其妻|哥哥|姐姐|弟弟|妹妹|监护人|代诉人|陈述者|审核人|审核|指导老师|报告人|送检医生|申请医生|会诊医生|经治医生|主管医生|责任护士|操作者|检查者|报告医生|审核医生|主诊|同事|朋友|邻居)\s*[:：]?\s*", Opt)]
    public static partial Regex ZhNameCue();

    [GeneratedRegex(@"(?<=[\u4e00-\u9fa5])(?:自诉|诉说|诉|自述|述|称|反映|表示)", Opt)]
    public static partial Regex ZhReportingVerb();

    [GeneratedRegex(@"医生|医师|主任|护士|护师|教授|大夫|先生|女士|老师|同志|院长|老人|阿姨|叔叔", Opt)]
    public static partial Regex ZhNameBeforeTitle();
}
