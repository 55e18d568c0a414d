using Microsoft.ML.Tokenizers;

namespace CurationPipeline.Llm.Tests;

/// <summary>Clinical text for token counts, and the o200k tokenizer they are checked against.</summary>
internal static class ClinicalText
{
    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    /// <summary>The o200k_base tokenizer (GPT-4o's), from Microsoft.ML.Tokenizers.</summary>
    public static Tokenizer O200k => Tokenizer.Value;

    /// <summary>Chinese clinical text as the pipeline sends it: notes, reports, orders, exam items, dialogue.</summary>
    public static readonly string[] Chinese =
    [
        "患者，女，67岁，因“反复胸闷、气促3年，加重伴双下肢水肿2天”入院。既往有高血压病史10余年，最高血压180/100mmHg，规律服用硝苯地平控释片30mg qd。",
        "查体：T 36.8℃，P 102次/分，R 22次/分，BP 150/92mmHg。神清，半卧位，双肺底可闻及湿性啰音，心界向左下扩大，心律不齐，二尖瓣听诊区可闻及3/6级收缩期吹风样杂音，双下肢凹陷性水肿。",
        "胸部CT示：右肺上叶尖段见一大小约2.3cm×1.8cm的不规则软组织密度影，边缘可见分叶及短毛刺，邻近胸膜牵拉凹陷，纵隔内未见明显肿大淋巴结，考虑周围型肺癌可能性大，建议穿刺活检。",
        "血常规：白细胞计数12.6×10^9/L，中性粒细胞百分比86.2%，血红蛋白98g/L，血小板计数312×10^9/L；C反应蛋白56.4mg/L，降钙素原0.82ng/mL，提示细菌感染。",
        "治疗上予头孢曲松钠2.0g静脉滴注每日一次抗感染，呋塞米20mg静脉推注利尿，同时控制液体入量，监测电解质及肾功能，必要时复查心脏超声评估左心室射血分数。",
        "2型糖尿病患者出现意识障碍，血糖33.6mmol/L，血浆渗透压升高，尿酮体阴性，最可能的诊断是：A.糖尿病酮症酸中毒 B.高渗高血糖综合征 C.乳酸性酸中毒 D.低血糖昏迷 E.脑血管意外",
        "医生：您好，请问哪里不舒服？患者：我这几天一直咳嗽，晚上咳得睡不着，还有点发烧，吃了感冒药也没什么用。医生：咳痰吗？痰是什么颜色的？患者：有黄痰，不太容易咳出来。",
        "出院诊断：1.社区获得性肺炎（重症）；2.慢性阻塞性肺疾病急性加重期；3.Ⅱ型呼吸衰竭。出院医嘱：低盐低脂饮食，戒烟，家庭氧疗每日15小时以上，两周后呼吸科门诊复诊，不适随诊。",
    ];

    /// <summary>English clinical text and instructions.</summary>
    public static readonly string[] English =
    [
        "A 67-year-old woman presented with a three-year history of recurrent chest tightness and dyspnea, worsening over the last two days with bilateral lower-extremity edema.",
        "Chest CT showed an irregular 2.3 cm x 1.8 cm soft-tissue density in the apical segment of the right upper lobe with lobulation and short spiculation; peripheral lung cancer is likely.",
        "Laboratory results: WBC 12.6 x 10^9/L, neutrophils 86.2%, hemoglobin 98 g/L, C-reactive protein 56.4 mg/L and procalcitonin 0.82 ng/mL, consistent with a bacterial infection.",
        "Which of the following is the most appropriate next step in management? Answer with the letter of the single best option and explain your reasoning in one or two sentences.",
    ];
}
