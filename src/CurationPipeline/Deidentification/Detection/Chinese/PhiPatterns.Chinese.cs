using System.Text.RegularExpressions;

namespace CurationPipeline.Deidentification;

/// <summary>The regular expressions of the recognisers: Chinese text and Chinese identifiers (source-generated; see docs/deidentification.md).</summary>
internal static partial class PhiPatterns
{
    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9]\d{16}[0-9Xx](?![0-9A-Za-z])", Opt)]
    public static partial Regex ChineseId();

    /// <summary>A resident ID written in groups (6-8-4 or 6-4-4-4) joined by one kind of separator: "110101 19800101 1234".</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9]\d{5}(?<s>[ -])(?:\d{8}|\d{4}\k<s>\d{4})\k<s>\d{3}[0-9Xx](?![0-9A-Za-z])", Opt)]
    public static partial Regex ChineseIdGrouped();

    /// <summary>An 18-character value after an ID label, grouped or not: an ID even when its check character is wrong.</summary>
    [GeneratedRegex(@"(?:身份证|证件|公民身份)(?:号码|号)?\s*(?:[:：]|是|为)?\s*(?<v>[1-9]\d{5}(?<s>[ -]?)(?:\d{8}|\d{4}\k<s>\d{4})\k<s>\d{3}[0-9Xx])(?![0-9A-Za-z])", Opt)]
    public static partial Regex ChineseIdCued();

    [GeneratedRegex(@"(?<![\d+])(?:(?:\+|00)86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)", Opt)]
    public static partial Regex ChineseMobile();

    [GeneratedRegex(@"(?<![\d\w])(?:\(0\d{2,3}\)|0\d{2,3}-)\s?[2-9]\d{6,7}(?:-\d{1,4})?(?!\d)", Opt)]
    public static partial Regex ChineseLandline();

    [GeneratedRegex(@"(?<![\d年])(?<y>(?:19|20)\d{2})\s*年\s*(?<M>\d{1,2})\s*月(?:\s*(?<d>\d{1,2})\s*[日号])?", Opt)]
    public static partial Regex ZhDate();

    [GeneratedRegex(@"(?<![\d年/-])(?<!(?<!(?:^|[^\d.])\d{1,2})\.)(?<M>\d{1,2})月(?<d>\d{1,2})[日号]", Opt)]
    public static partial Regex ZhMonthDay();

    [GeneratedRegex(@"(?:年龄|年纪)\s*[:：]?\s*(?<v>\d{2,3})(?![\d.])", Opt)]
    public static partial Regex ZhAge();

    [GeneratedRegex(@"(?:住院病案号|住院号|门诊号|急诊号|病案号|病历号|病历编号|床号|医保卡号|医保号|社保卡号|社保号|就诊卡号|健康卡号|卡号|工号|员工号|职工号|工作证号|登记号|检查号|影像号|标本号|条码号|ID号|病人ID|患者ID)\s*(?:[:：#]|是|为)?\s*(?<v>[A-Za-z]{0,4}-?\d[\dA-Za-z-]{0,24})", Opt)]
    public static partial Regex ZhRecord();

    [GeneratedRegex(@"(?:邮编|邮政编码)\s*[:：]?\s*(?<v>\d{6})(?!\d)", Opt)]
    public static partial Regex ZhPostal();

    [GeneratedRegex(@"(?:住址|地址|家住|现住|住在|居住于|居住在|户籍地|户籍|籍贯|出生地|现居|家庭住址|联系地址|通讯地址|住于|生于|出生于|久居|来自)\s*(?:[:：]|为|是|于|在)?\s*(?<v>[\u4e00-\u9fa5A-Za-z0-9\-－#（）()]{2,60})", Opt)]
    public static partial Regex ZhCuedAddress();

    [GeneratedRegex(@"(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆)(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)?[\u4e00-\u9fa5]{1,6}?(?:市|区|县|州|盟)[\u4e00-\u9fa5A-Za-z0-9\-－#]{0,50}", Opt)]
    public static partial Regex ZhAddressStart();

    [GeneratedRegex(@"(?:(?:工作单位|就职于|任职于|供职于|就读于|工作于|毕业于|受雇于)\s*(?:[:：]|为|是)?|(?:单位|学校|雇主|所在学校|所在单位|公司名称|公司)\s*[:：])\s*(?<v>[\u4e00-\u9fa5][\u4e00-\u9fa5A-Za-z0-9（）()]{1,39})|在(?<v>[\u4e00-\u9fa5A-Za-z0-9]{2,20}?(?:公司|集团|工厂|厂|学校|大学|学院|中学|小学|银行))(?:工作|上班|任职|就读|读书|上学)", Opt)]
    public static partial Regex ZhOrganization();

    [GeneratedRegex(@"[，,、 ]+(?:男|女)性?[，,、 ]", Opt)]
    public static partial Regex ZhNameGender();

    /// <summary>A word right before a name: a role, a relation or a field label (the colon optional).</summary>
    [GeneratedRegex(@"(?:指导老师|送检医生|申请医生|会诊医生|经治医生|主管医生|责任护士|报告医生|审核医生|住院医|麻醉师|记录者|记录人|签字人|陪同人|陪护人|其女儿|其儿子|外孙女|监护人|代诉人|陈述者|审核人|报告人|操作者|检查者|患者|病人|患儿|姓名|名字|叫做|名叫|医师|医生|主任|主治|护士|护师|术者|助手|主刀|签名|家属|配偶|丈夫|妻子|爱人|之子|之女|儿子|女儿|父亲|母亲|其子|其女|其夫|其妻|其母|其父|其兄|其弟|其姐|其妹|长子|次子|三子|长女|次女|三女|孙子|孙女|外孙|儿媳|女婿|哥哥|姐姐|弟弟|妹妹|审核|主诊|同事|朋友|邻居|保姆|护工)\s*[:：]?\s*", Opt)]
    public static partial Regex ZhNameCue();

    /// <summary>
    /// A field label whose value is a name whatever its surname ("姓名：", "医师签名：", "联系人：", "陪同人："); the value
    /// is read up to the next separator.
    /// </summary>
    [GeneratedRegex(@"(?:姓名|名字|签名|签字人?|记录者|记录人|联系人|陪同人?|陪护人?|陪诊人?|监护人|代理人|委托人|病史陈述者|病史提供者|代诉人|陈述者|报告人|审核人|审核者?|复核人?|审批人|申请人|(?:申请|送检|报告|审核|检查|会诊|转出|转诊|接诊|经治|主管|主治|住院|上级|值班|门诊|主诊|管床|床位)(?:医生|医师)|(?:值班|责任|主管|巡回|器械|护理)护士|护士长|术者|主刀|助手|一助|二助|麻醉师|麻醉医师|操作者|检验者|复核者|送检者|护理人员|参加人员|讨论人员|主持人)\s*[:：]\s*", Opt)]
    public static partial Regex ZhStrongNameLabel();

    [GeneratedRegex(@"(?<=[\u4e00-\u9fa5])(?:自诉|诉说|诉|自述|述|称|反映|表示)", Opt)]
    public static partial Regex ZhReportingVerb();

    /// <summary>A title or form of address after a name: "王医生", "李主任", "张护士长", "赵先生", "刘大爷".</summary>
    [GeneratedRegex(@"主任医师|副主任医师|主治医师|住院医师|主治|医生|医师|主任|护士长|护士|护师|教授|大夫|先生|女士|小姐|老师|同志|院长|科长|老人|阿姨|叔叔|大爷|大妈|大娘|奶奶|爷爷|伯伯|师傅|老先生|老太太", Opt)]
    public static partial Regex ZhNameBeforeTitle();

    /// <summary>A speaker naming themself: "我是张三", "我叫李华", "我姓王".</summary>
    [GeneratedRegex(@"我(?:是|叫|姓)|本人(?:是|叫)", Opt)]
    public static partial Regex ZhSelfIntroduction();

    /// <summary>A dialogue: a line that starts with a speaker's role and a colon.</summary>
    [GeneratedRegex(@"(?:^|\n)\s*(?:医生|医师|大夫|护士|患者|病人|患儿|家属|患者家属|患儿家属|患方)\s*[:：]", Opt)]
    public static partial Regex ZhDialogueRole();

    /// <summary>A name written with a middle dot between Chinese parts: 阿依古丽·买买提, 艾力·吐尔逊·买买提.</summary>
    [GeneratedRegex(@"(?<first>[\u4e00-\u9fff]{2,6})[·•・](?<rest>[\u4e00-\u9fff]{2,4}(?:[·•・][\u4e00-\u9fff]{2,4})?)(?![·•・])", Opt)]
    public static partial Regex ZhDottedName();
}
