using CurationPipeline.Calibration;

namespace CurationPipeline.Tests.Calibration;

public sealed class ChoiceParserTests
{
    private static readonly string[] Options = ["青霉素", "胰岛素", "阿司匹林", "地塞米松", "奥美拉唑"];

    [Theory]
    [InlineData("答案是C", "C")]
    [InlineData("答案：C", "C")]
    [InlineData("正确答案为（C）", "C")]
    [InlineData("选C", "C")]
    [InlineData("故选C。", "C")]
    [InlineData("C", "C")]
    [InlineData("C.", "C")]
    [InlineData("C. 阿司匹林", "C")]
    [InlineData("(C)", "C")]
    [InlineData("【C】", "C")]
    [InlineData("The answer is C", "C")]
    [InlineData("Answer: C.", "C")]
    [InlineData("**C**", "C")]
    [InlineData("经分析，最终选择 **C. 阿司匹林**", "C")]
    [InlineData("阿司匹林属于抗血小板药。", "C")]
    [InlineData("选项A青霉素是抗生素，选项B是降糖药，因此答案是C", "C")]
    [InlineData("<think>可能是A？不对。</think>答案：C", "C")]
    [InlineData("答案：Ｃ", "C")]
    [InlineData("ABD", "ABD")]
    [InlineData("答案：A、B、D", "ABD")]
    [InlineData("The answer is B and D", "BD")]
    [InlineData("答案是DB", "BD")]
    public void Reads_the_choice(string response, string expected) =>
        Assert.Equal(expected, ChoiceParser.ToLetters(ChoiceParser.Parse(response, Options)));

    [Theory]
    [InlineData("")]
    [InlineData("我不知道")]
    [InlineData("答案是F")]
    [InlineData("A patient should see a doctor")]
    public void Returns_nothing_when_no_choice_can_be_read(string response) =>
        Assert.Empty(ChoiceParser.Parse(response, Options));

    [Fact]
    public void An_option_contained_in_a_longer_option_does_not_count_alone()
    {
        string[] options = ["肺炎", "支气管肺炎", "哮喘"];
        Assert.Equal([1], ChoiceParser.Parse("应诊断为支气管肺炎", options));
    }
}
