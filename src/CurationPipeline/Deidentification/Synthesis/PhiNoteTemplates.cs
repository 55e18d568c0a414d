namespace CurationPipeline.Deidentification;

/// <summary>
/// Sentence templates of the synthetic notes. Slots: {P} patient name, {PS} patient surname, {DR} clinician,
/// {REL} relative, {ID}, {SSN}, {MOB}, {TEL}, {DATE}, {ADDR}, {ZIP}, {OLD} age over 89, {REC} record number,
/// {ORG}, {EMAIL}, {URL}, {IP}; {AGE}, {LAB} and plain text are not personal data.
/// </summary>
internal static class PhiNoteTemplates
{
    public static readonly string[] ZhDevelopment =
    [
        "姓名：{P}\n性别：男\n年龄：{AGE}岁\n身份证号：{ID}\n联系电话：{MOB}\n住院号：{REC}\n入院日期：{DATE}\n",
        "患者{P}，女，{OLD}，因反复咳嗽咳痰{AGE}年，加重3天于{DATE}入院。既往高血压病史10年，血压最高180/100mmHg。",
        "家住{ADDR}，邮编{ZIP}。工作单位：{ORG}。",
        "主治医师：{DR}。家属{REL}（之子）签字同意手术，联系电话{TEL}。",
        "{DATE}查血常规：白细胞12.5×10^9/L，中性粒细胞比例85%，血小板3/5视野。由{DR}主任查房后调整抗生素。",
        "门诊号：{REC}，就诊卡号：{REC}。患者于{DATE}出院，嘱{DATE}门诊复查。",
        "{P}，男，{AGE}岁，主诉胸闷气短2周。查体：神清，周身皮肤无黄染，双肺呼吸音粗。",
        "患者配偶{REL}，电话{MOB}，邮箱{EMAIL}。",
    ];

    public static readonly string[] EnDevelopment =
    [
        "Name: {P}\nDOB: {DATE}\nMRN: {REC}\nPhone: {PHONE}\nSSN: {SSN}\n",
        "Patient {P} is a {OLD} years old woman admitted on {DATE} with shortness of breath. BP 150/90, ratio 3/5.",
        "She lives at {ADDR} {ZIP} with her daughter {REL}.",
        "Attending: Dr. {DRL}. Seen by {DR} on {DATE}. Parkinson disease and Murphy sign noted.",
        "Works at {ORG} as an accountant. Email {EMAIL}.",
        "Discharged on {DATE}; follow-up in clinic on {DATE}. Medical Record Number: {REC}.",
        "{P}, a {AGE} year old man with a history of Crohn's disease, presented on {DATE}. Contact number {PHONE}.",
        "Portal login from {IP} via {URL} was recorded.",
    ];

    public static readonly string[] ZhHeldOut =
    [
        "【基本信息】患者姓名 {P}  身份证 {ID}  手机 {MOB}  病案号 {REC}\n",
        "{DATE}上午患者由其子{REL}陪同来院，述{OLD}高龄，长期卧床。",
        "现住址：{ADDR}。联系人：{REL}，座机{TEL}。",
        "{PS}先生于{DATE}在全麻下行腹腔镜胆囊切除术，术者{DR}，手术顺利。",
        "医保卡号：{REC}。患者就职于{ORG}，平素体健。尿蛋白2+，肌酐比值3/5。",
        "复诊记录（{DATE}）：{P}诉头晕好转，血压130/80mmHg，继续口服氨氯地平5mg。",
    ];

    public static readonly string[] EnHeldOut =
    [
        "PATIENT: {P}    Record No. {REC}    Tel: {PHONE}\n",
        "This {OLD}-year-old gentleman was brought in by his son {REL} on {DATE}.",
        "Home address: {ADDR} {ZIP}. Employer: {ORG}.",
        "Procedure performed on {DATE} by Dr. {DRL}; Glasgow Coma Scale 15, Apgar not applicable.",
        "Mr. {PL} was reviewed again on {DATE}. Insurance ID: {REC}. Email: {EMAIL}",
        "Labs drawn {DATE}: sodium 138, potassium 4.1, creatinine 1.2; E/A ratio 3/5.",
    ];
}
