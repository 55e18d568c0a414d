namespace CurationPipeline.Deidentification;

/// <summary>The development Chinese documents: what the recognisers are tuned on. Slots as in <see cref="ChineseTemplates"/>.</summary>
internal static partial class ChineseTemplates
{
    public static readonly IReadOnlyDictionary<ClinicalDocumentType, string[]> Development = new Dictionary<ClinicalDocumentType, string[]>
    {
        [ClinicalDocumentType.AdmissionNote] =
        [
            "入院记录\n姓名：{P}\n性别：男\n年龄：{AGE}岁\n身份证号：{ID}\n联系电话：{MOB}\n住院号：{REC}\n床号：{BED}\n入院日期：{DATE}\n",
            "主诉：反复咳嗽咳痰{AGE}年，加重3天。\n现病史：患者{P}于{DATE}受凉后出现咳嗽，咳黄痰，伴发热，体温最高39.2℃，在{HOSP}予头孢呋辛治疗效果不佳，由其女儿{REL}陪同来我院就诊。\n",
            "既往史：高血压病史10年，口服硝苯地平控释片；帕金森病5年。否认糖尿病史。\n个人史：出生于{GEO}，曾在{ORG}工作，吸烟30年。\n",
            "家族史：父亲{REL}已故，死于肺癌；母亲健在。\n婚育史：已婚，其妻{REL}体健，育有一子。\n",
            "体格检查：T 38.5℃，P 102次/分，BP 135/80mmHg。神清，周身皮肤无黄染，双肺呼吸音粗，右下肺可闻及湿啰音。\n",
            "家住{ADDR}，邮编{ZIP}。医保卡号：{INS}。紧急联系人：{REL}，电话{TEL}。\n",
            "病史提供者：患者之子{REL}。患者{OLD}，听力差，部分病史由家属代述。\n医师签名：{DR}　　上级医师：{DRS}主任\n",
        ],
        [ClinicalDocumentType.ProgressNote] =
        [
            "首次病程记录\n{DATE} 10:15\n{P}，男，{AGE}岁，因“胸痛2小时”急诊入院。\n",
            "{DATE}　主治医师查房\n{DRS}主治医师查房后指示：患者胸痛缓解，心肌酶谱下降，继续双抗血小板治疗。{P}诉睡眠欠佳，予艾司唑仑1mg睡前口服。\n",
            "{DATE}　{DRS}主任查房\n{DRS}主任查看患者，指出需警惕消化道出血，加用泮托拉唑护胃。家属{REL}要求转上级医院，已联系{HOSP}。\n",
            "{DATE}　病例讨论\n参加人员：{DR}、{DR}、{DR}、{NU}\n讨论结论：考虑急性下壁心肌梗死，择期行冠脉造影。\n",
            "{DATE}　有创操作记录\n在局麻下行右侧胸腔穿刺术，抽出淡黄色胸水600ml，过程顺利。术者：{DR}　助手：{DR}\n",
            "{DATE}　病程记录\n今日{PS}先生精神好转，自诉胸闷减轻。请{DRS}医生会诊后，调整利尿剂剂量。记录者：{DR}\n",
        ],
        [ClinicalDocumentType.DischargeSummary] =
        [
            "出院小结\n姓名：{P}　性别：女　年龄：{OLD}　住院号：{REC}\n入院时间：{DATE}　出院时间：{DATE}\n",
            "入院诊断：1.社区获得性肺炎 2.高血压病2级\n诊疗经过：予莫西沙星抗感染治疗，{DATE}复查血常规正常。患者之女{REL}全程陪护。\n",
            "出院医嘱：1.继续口服药物；2.{DATE}门诊复查胸部CT；3.不适随诊。联系电话：{MOB}\n",
            "出院带药：阿托伐他汀钙片20mg qn，中药：白头翁15g、马钱子（制）0.3g、徐长卿10g，7剂。\n",
            "随访：患者家住{GEO}，由社区医生{DR}负责随访，社保卡号{INS}。\n",
            "主治医师签名：{DR}　　日期：{DATE}\n",
        ],
        [ClinicalDocumentType.OutpatientRecord] =
        [
            "门诊病历\n{HOSP} 皮肤科\n姓名：{P}　年龄：{AGE}岁　就诊时间：{DATE}　门诊号：{REC}\n",
            "主诉：双手湿疹反复发作2年。\n处方：王不留行12g、刘寄奴10g、常山6g、何首乌15g，水煎服。\n",
            "既往史：川崎病（幼年）。过敏史：否认。\n",
            "医生：{DR}（工号{STAFF}）\n患者联系方式：手机{MOB}，微信{WX}，QQ：{QQ}\n",
            "陪同：{REL}女士（患者母亲），驾车来院，车牌号：{PLATE}。\n",
            "备注：{PS}女士要求开具病假证明，单位：{ORG}。邮箱{EMAIL}。\n",
        ],
        [ClinicalDocumentType.NursingRecord] =
        [
            "一般护理记录\n姓名：{P}　床号：{BED}床　住院号：{REC}\n",
            "{DATE} 08:00　患者{P}神志清楚，T 36.5℃，P 78次/分，R 18次/分，BP 128/76mmHg，饮食睡眠可。护士签名：{NU}\n",
            "{DATE} 16:00　{BED}床患者诉切口疼痛，评分4分，遵医嘱予氨酚羟考酮片口服。{NU}护士已告知{DRS}医生。\n",
            "{DATE} 20:00　家属{REL}来院探视，已嘱其保持病房安静。{NU}护士长查房，指出需加强管道护理。\n",
            "护理人员：{NU}、{NU}　工号：{STAFF}\n",
            "{PS}阿姨今日情绪低落，与其儿子{REL}通电话后好转。\n",
        ],
        [ClinicalDocumentType.ExaminationReport] =
        [
            "检查报告\n{HOSP} 超声科\n姓名：{P}　性别：女　年龄：{AGE}岁　ID号：{REC}　床号：{BED}\n",
            "检查所见：甲状腺双侧叶体积增大，实质回声不均匀，呈网格样改变。\n超声提示：甲状腺弥漫性病变，请结合临床排除桥本甲状腺炎。\n",
            "检验项目：血常规\n白细胞 8.2×10^9/L　血红蛋白 112g/L↓　血小板 256×10^9/L\n标本采集：{DATE}　报告：{DATE}\n",
            "申请医生：{DR}　检查医生：{DR}　审核：{DR}\n",
            "临床资料：钟乳石样钙化？请结合MRI。患者来自{GEO}。\n",
        ],
        [ClinicalDocumentType.ReferralLetter] =
        [
            "转诊介绍信\n{HOSP}　{DRS}主任：\n您好！现有患者{P}，{AGE}岁，身份证号码：{ID}，因“反复腹痛3月”转至贵院进一步诊治。\n",
            "患者家庭住址：{ADDR}，联系电话：{MOB}，由其妻{REL}陪同。\n",
            "会诊记录\n会诊科室：神经内科　会诊医生：{DR}\n会诊意见：考虑帕金森病，建议多巴丝肼片口服。\n",
            "转出单位：{HOSP}　转出医生：{DR}　日期：{DATE}\n",
            "患者医保卡号{INS}，开户银行卡号{BANK}，费用结算由家属{REL}办理。\n",
        ],
        [ClinicalDocumentType.Dialogue] =
        [
            "问诊记录 {DATE}\n医生：你好，哪里不舒服？\n患者：医生你好，我是{P}，上周在你们这里做的胃镜。\n",
            "{DRS}医生：报告出来了，慢性浅表性胃炎，问题不大。\n{P}：那需要吃药吗？\n{DRS}医生：先吃两周奥美拉唑。\n",
            "患者：我父亲{REL}也有胃病，今年{OLD}了，能一起看看吗？\n医生：老人家最好本人来一趟。\n",
            "医生：你的手机号是多少？\n患者：{MOB}。\n医生：好的，加一下微信吧。\n患者：我微信号是{WX}。\n",
            "家属：我是{P}的爱人{REL}，我们住在{GEO}，离医院有点远。\n医生：可以在线上复诊。\n",
            "患者：谢谢你了医生，麻烦你了。\n医生：不客气，有问题及时找医生。\n",
        ],
    };
}
