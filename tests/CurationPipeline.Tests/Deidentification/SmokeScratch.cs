using CurationPipeline.Deidentification;
using Xunit.Abstractions;

namespace CurationPipeline.Tests.Deidentification;

public sealed class SmokeScratch(ITestOutputHelper output)
{
    [Fact]
    public void Print()
    {
        var d = new Deidentifier(new DeidOptions());
        string[] texts =
        [
            "患者张三，男，92岁，身份证号110101199003074514，手机13812345678，住院号：ZY2023001，于2023年3月5日入院，2023-03-10出院。家住浙江省杭州市西湖区文三路100号3栋2单元501室，邮编310012。工作单位：杭州华信科技有限公司。主治医师李建国，家属王芳签字。",
            "患者高血压10年，曾于2020年行手术，周身乏力，血压120/80mmHg，白细胞3/5，65岁。由王医生查房，副主任医师查看。",
            "Patient John Smith, 92 years old, MRN: 12345678, seen on March 5, 2023 and 03/10/2023. Phone (555) 123-4567, email john.smith@gmail.com, lives at 123 Main Street, Apt 4B, Springfield, IL 62704. Works at Acme Corporation. Dr. Emily Chen reviewed. Parkinson disease noted. Mr. Smith agreed.",
        ];
        foreach (var t in texts)
        {
            var r = d.Deidentify(t, "p1");
            foreach (var s in r.Found)
            {
                output.WriteLine($"{s.Category}: {t.Substring(s.Start, s.Length)}");
            }

            output.WriteLine(r.Text);
            output.WriteLine(new Deidentifier(new DeidOptions { Mode = DeidMode.Mask }).Deidentify(t, "p1").Text);
        }
    }
}
