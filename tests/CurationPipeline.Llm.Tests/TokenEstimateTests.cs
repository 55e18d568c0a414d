using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm.Tests;

public class TokenEstimateTests
{
    public static TheoryData<string> Chinese => new(ClinicalText.Chinese);

    public static TheoryData<string> English => new(ClinicalText.English);

    [Theory]
    [MemberData(nameof(Chinese))]
    public void Chinese_clinical_text_is_estimated_within_20_percent_of_o200k(string text) =>
        AssertClose(text, tolerance: 0.20);

    [Theory]
    [MemberData(nameof(English))]
    public void English_text_is_estimated_within_20_percent_of_o200k(string text) =>
        AssertClose(text, tolerance: 0.20);

    [Fact]
    public void On_all_the_Chinese_text_together_the_estimate_is_within_10_percent_and_length_over_4_is_far_below()
    {
        double o200k = ClinicalText.Chinese.Sum(t => ClinicalText.O200k.CountTokens(t));
        double estimate = ClinicalText.Chinese.Sum(TokenEstimate.Count);
        double quarterLength = ClinicalText.Chinese.Sum(t => t.Length / 4);

        Assert.InRange(estimate / o200k, 0.9, 1.1);
        // The old estimate counted a quarter of the characters: a third or less of the real count here.
        Assert.InRange(quarterLength / o200k, 0, 0.34);
    }

    [Fact]
    public void A_request_counts_each_message_and_its_overhead()
    {
        List<ChatMessage> messages = [new(ChatRole.System, "你是一名临床医生。"), new(ChatRole.User, "患者血压180/100mmHg，下一步如何处理？")];

        var count = TokenEstimate.Count(messages);

        Assert.Equal(TokenEstimate.Count(messages[0].Text) + TokenEstimate.Count(messages[1].Text) + 8, count);
        Assert.Equal(0, TokenEstimate.Count(""));
    }

    private static void AssertClose(string text, double tolerance)
    {
        var o200k = ClinicalText.O200k.CountTokens(text);
        var estimate = TokenEstimate.Count(text);
        Assert.True(Math.Abs(estimate - o200k) <= tolerance * o200k, $"estimate {estimate}, o200k {o200k} ({(double)estimate / o200k:0.00}x) for: {text}");
    }
}
