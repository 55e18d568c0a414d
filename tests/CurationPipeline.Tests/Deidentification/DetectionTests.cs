using CurationPipeline.Deidentification;

namespace CurationPipeline.Tests.Deidentification;

public sealed class DetectionTests
{
    private static readonly Deidentifier Deid = new(new DeidOptions());

    private static List<(PhiCategory Category, string Value)> Found(string text) =>
        [.. Deid.Detect(text).Select(s => (s.Category, text.Substring(s.Start, s.Length)))];

    [Theory]
    [InlineData("姓名：张三\n性别：男", PhiCategory.Name, "张三")]
    [InlineData("患者李建国因发热入院", PhiCategory.Name, "李建国")]
    [InlineData("家属王芳签字同意", PhiCategory.Name, "王芳")]
    [InlineData("由欧阳明华主任查房", PhiCategory.Name, "欧阳明华")]
    [InlineData("请王医生会诊", PhiCategory.Name, "王")]
    [InlineData("联系电话：13812345678。", PhiCategory.Phone, "13812345678")]
    [InlineData("手机 +86 138 1234 5678 ", PhiCategory.Phone, "+86 138 1234 5678")]
    [InlineData("座机0571-88234567，", PhiCategory.Phone, "0571-88234567")]
    [InlineData("邮箱zhang123@163.com。", PhiCategory.Email, "zhang123@163.com")]
    [InlineData("入院日期：2023年3月5日", PhiCategory.Date, "2023年3月5日")]
    [InlineData("于2023-03-05出院", PhiCategory.Date, "2023-03-05")]
    [InlineData("复查2023/3/5。", PhiCategory.Date, "2023/3/5")]
    [InlineData("术后2023.03.05拆线", PhiCategory.Date, "2023.03.05")]
    [InlineData("3月5日复诊", PhiCategory.Date, "3月5日")]
    [InlineData("患者女，92岁，", PhiCategory.Age, "92岁")]
    [InlineData("住院号：ZY2023001，", PhiCategory.RecordNumber, "ZY2023001")]
    [InlineData("医保卡号 88012345 ", PhiCategory.RecordNumber, "88012345")]
    [InlineData("12床患者", PhiCategory.RecordNumber, "12")]
    [InlineData("邮编310012。", PhiCategory.PostalCode, "310012")]
    [InlineData("家住浙江省杭州市西湖区文三路100号3栋2单元501室，", PhiCategory.Address, "浙江省杭州市西湖区文三路100号3栋2单元501室")]
    [InlineData("工作单位：杭州华信科技有限公司。", PhiCategory.Organization, "杭州华信科技有限公司")]
    [InlineData("身份证号：110101 19800101 1234，", PhiCategory.IdNumber, "110101 19800101 1234")]
    [InlineData("微信号：ouyang_nana88。", PhiCategory.Account, "ouyang_nana88")]
    [InlineData("加我ouyang_nana88吧", PhiCategory.Account, "ouyang_nana88")]
    [InlineData("QQ：38777971，", PhiCategory.Account, "38777971")]
    [InlineData("付款卡 4111 1111 1111 1111 已退", PhiCategory.Account, "4111 1111 1111 1111")]
    [InlineData("银行卡号6222021234567890128，", PhiCategory.Account, "6222021234567890128")]
    [InlineData("驾车来院，车牌号：浙A·12345。", PhiCategory.LicensePlate, "浙A·12345")]
    [InlineData("医生：吴良俊（工号S7731）", PhiCategory.RecordNumber, "S7731")]
    [InlineData("已联系合肥市妇幼保健院。", PhiCategory.Organization, "合肥市妇幼保健院")]
    [InlineData("检查报告\n成都市第五人民医院 超声科", PhiCategory.Organization, "成都市第五人民医院")]
    [InlineData("患者来自和平县东方乡光明村。", PhiCategory.Address, "和平县东方乡光明村")]
    [InlineData("曾在北京协和医院就诊。", PhiCategory.Organization, "北京协和医院")]
    [InlineData("外院（华西医院）CT提示", PhiCategory.Organization, "华西医院")]
    [InlineData("2019年于湘雅医院行手术", PhiCategory.Organization, "湘雅医院")]
    [InlineData("后转至昆明儿童医院治疗", PhiCategory.Organization, "昆明儿童医院")]
    [InlineData("孩子在像昆明市儿童医院这样的医院看过", PhiCategory.Organization, "昆明市儿童医院")]
    [InlineData("患者自诉在于都县人民医院输液", PhiCategory.Organization, "于都县人民医院")]
    [InlineData("其子在宁海县第一中学读书", PhiCategory.Organization, "宁海县第一中学")]
    [InlineData("医嘱：2.2024-04-26门诊复查", PhiCategory.Date, "2024-04-26")]
    [InlineData("与其儿子王豆通电话后好转", PhiCategory.Name, "王豆")]
    [InlineData("由其女儿马丽陪同", PhiCategory.Name, "马丽")]
    [InlineData("护士签名：罗红修", PhiCategory.Name, "罗红修")]
    [InlineData("杨恒男，男，20岁", PhiCategory.Name, "杨恒男")]
    [InlineData("患者：医生你好，我是王明，上周来过。\n医生：你好。", PhiCategory.Name, "王明")]
    [InlineData("现有患者林自丽，73岁，拟转诊", PhiCategory.Name, "林自丽")]
    [InlineData("病史提供者：患者之子张细日。", PhiCategory.Name, "张细日")]
    [InlineData("出院后由社区医生姜龙负责随访", PhiCategory.Name, "姜龙")]
    [InlineData("冯主任查房\n原主任查看患者", PhiCategory.Name, "原")]
    [InlineData("Name: John Smith\nDOB:", PhiCategory.Name, "John Smith")]
    [InlineData("Seen by Dr. Emily Chen today.", PhiCategory.Name, "Emily Chen")]
    [InlineData("Call (555) 123-4567 for results.", PhiCategory.Phone, "(555) 123-4567")]
    [InlineData("Contact: jane.doe@example.org.", PhiCategory.Email, "jane.doe@example.org")]
    [InlineData("Portal https://portal.example.com/p/123 login", PhiCategory.Url, "https://portal.example.com/p/123")]
    [InlineData("from 192.168.10.25 at night", PhiCategory.IpAddress, "192.168.10.25")]
    [InlineData("admitted on March 5, 2023 with", PhiCategory.Date, "March 5, 2023")]
    [InlineData("admitted 5 Mar 2023 with", PhiCategory.Date, "5 Mar 2023")]
    [InlineData("seen 05/03/2023.", PhiCategory.Date, "05/03/2023")]
    [InlineData("a 92 years old man", PhiCategory.Age, "92")]
    [InlineData("MRN: 12345678.", PhiCategory.RecordNumber, "12345678")]
    [InlineData("SSN 123-45-6789.", PhiCategory.IdNumber, "123-45-6789")]
    [InlineData("lives at 123 Main Street, Apt 4B, Springfield, IL 62704.", PhiCategory.Address, "123 Main Street, Apt 4B, Springfield, IL")]
    [InlineData("lives at 123 Main Street, Apt 4B, Springfield, IL 62704.", PhiCategory.PostalCode, "62704")]
    [InlineData("She works at Acme Widget Corporation as a clerk.", PhiCategory.Organization, "Acme Widget Corporation")]
    public void Finds_personal_data(string text, PhiCategory category, string value) =>
        Assert.Contains((category, value), Found(text));

    [Theory]
    [InlineData("患者高血压10年，血压最高180/100mmHg。")]
    [InlineData("患者周身乏力，白细胞3/5视野。")]
    [InlineData("患者曾于外院就诊，于今日入院。")]
    [InlineData("由医生查房后调整用药，副主任医师查看患者。")]
    [InlineData("患者男，65岁，89岁时发病。")]
    [InlineData("Parkinson disease and a positive Murphy sign were noted.")]
    [InlineData("E/A ratio 3/5, BP 120/80, potassium 4.1.")]
    [InlineData("Glasgow Coma Scale 15; Apgar score 9.")]
    [InlineData("A 65 year old man, aged 89, stable.")]
    [InlineData("The patient was seen in clinic today.")]
    [InlineData("患者白天常感乏力，时伴头晕，左侧肢体麻木，平素体健。")]
    [InlineData("父亲体健，母亲高血压病史，配偶体健，家属要求出院。")]
    [InlineData("建议转上级医院或当地医院、社区医院复查，入县医院治疗。")]
    [InlineData("我打算明天去市儿童医院。")]
    [InlineData("现在去市里医院，打算明天去市儿童医院，带他去县里医院或者我们乡镇卫生院，当地镇医院也行。")]
    [InlineData("建议去正规医院、三甲医院或大医院的儿童医院、肿瘤医院就诊。")]
    [InlineData("患者：医生益生菌可以吃吗？\n医生：益生菌可以吃。\n患者：好的益生菌买哪种")]
    [InlineData("患者：出院时医生说要复查吗\n医生：是的")]
    [InlineData("我是第一次，我是高血压，我是女儿，患者精神差，")]
    [InlineData("问一下有限公司的体检和银行卡的事，小学生能吃吗")]
    [InlineData("患者：谢谢你了医生。\n医生：不客气。")]
    [InlineData("王不留行、白头翁、马钱子、何首乌、刘寄奴、徐长卿、常山煎服；桥本甲状腺炎、川崎病、帕金森病。")]
    [InlineData("妇女儿童医院的检验结果4111 1111 1111 1112未通过校验。")]
    public void Leaves_clinical_text_alone(string text) =>
        Assert.Empty(Found(text));

    [Fact]
    public void Rejects_eighteen_digit_numbers_with_a_bad_checksum_or_birth_date()
    {
        var valid = NationalId.Build("110101", new DateOnly(1990, 3, 7), 451);
        var badChecksum = valid[..17] + (valid[17] == '1' ? '2' : '1');
        var badDate = "110101" + "19901340" + "451";
        badDate += NationalId.CheckDigit(badDate);

        Assert.Contains((PhiCategory.IdNumber, valid), Found($"身份证号{valid}，"));
        Assert.DoesNotContain(Found($"样本编号{badChecksum}，"), f => f.Category == PhiCategory.IdNumber);
        Assert.DoesNotContain(Found($"样本编号{badDate}，"), f => f.Category == PhiCategory.IdNumber);
    }

    [Fact]
    public void National_id_checksum_follows_iso_7064_mod_11_2()
    {
        // 11010519491231002X is the published example of the GB 11643 check digit X.
        Assert.True(NationalId.IsValid("11010519491231002X"));
        Assert.Equal('X', NationalId.CheckDigit("11010519491231002"));
        Assert.False(NationalId.IsValid("110105194912310021"));
    }

    [Fact]
    public void A_name_found_once_is_found_everywhere_in_the_text()
    {
        const string text = "Patient John Smith was admitted. Smith reports pain; Mr. Smith was discharged.";
        var names = Found(text).Where(f => f.Category == PhiCategory.Name).Select(f => f.Value).ToList();
        Assert.Equal(["John Smith", "Smith", "Smith"], names);
    }

    [Fact]
    public void Spans_do_not_overlap_and_are_ordered()
    {
        var note = new PhiNoteSynthesizer(5).Generate(20, "mixed").Select(n => n.Text);
        foreach (var text in note)
        {
            var spans = Deid.Detect(text);
            for (var i = 1; i < spans.Count; i++)
            {
                Assert.True(spans[i - 1].End <= spans[i].Start, $"overlap in {spans[i - 1]} and {spans[i]}");
            }
        }
    }
}
