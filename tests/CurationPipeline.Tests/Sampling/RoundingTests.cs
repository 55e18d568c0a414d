using CurationPipeline.Sampling;

namespace CurationPipeline.Tests.Sampling;

/// <summary>Known answers for largest-remainder rounding and ratio parsing.</summary>
public sealed class RoundingTests
{
    [Theory]
    [InlineData(200, 60, 100, 40)]
    [InlineData(150, 45, 75, 30)]
    [InlineData(100, 30, 50, 20)]
    [InlineData(0, 0, 0, 0)]
    [InlineData(1, 0, 1, 0)] // 0.3 / 0.5 / 0.2
    [InlineData(3, 1, 1, 1)] // 0.9 / 1.5 / 0.6: floors 0,1,0; remainders .9 and .6 win
    [InlineData(4, 1, 2, 1)] // 1.2 / 2.0 / 0.8
    [InlineData(5, 1, 3, 1)] // 1.5 / 2.5 / 1.0: equal remainders, the larger part (Medium) wins
    [InlineData(7, 2, 4, 1)] // 2.1 / 3.5 / 1.4
    [InlineData(13, 4, 6, 3)] // 3.9 / 6.5 / 2.6: .9 and .6 beat .5
    public void Default_ratio_allocates_by_largest_remainder(int n, int hard, int medium, int easy)
    {
        Assert.Equal((hard, medium, easy), DifficultyRatio.Default.Allocate(n));
    }

    [Theory]
    [InlineData("1:1:1", 2, 1, 1, 0)] // full tie: Hard, then Medium
    [InlineData("1:1:1", 10, 4, 3, 3)]
    [InlineData("0:1:1", 5, 0, 3, 2)] // a zero part never receives a place
    [InlineData("2:0:0", 7, 7, 0, 0)]
    [InlineData("1:2:1", 6, 2, 3, 1)] // 1.5 / 3 / 1.5: Hard before Easy on a tie
    public void Other_ratios_allocate_with_documented_ties(string ratio, int n, int hard, int medium, int easy)
    {
        Assert.Equal((hard, medium, easy), DifficultyRatio.Parse(ratio).Allocate(n));
    }

    [Theory]
    [InlineData(10, new long[] { 1, 1, 1 }, new[] { 4, 3, 3 })]
    [InlineData(7, new long[] { 5, 3, 2 }, new[] { 4, 2, 1 })]
    [InlineData(3, new long[] { 0, 7, 0 }, new[] { 0, 3, 0 })]
    [InlineData(4, new long[] { 1, 2, 2, 1 }, new[] { 1, 1, 1, 1 })] // .67/1.33/1.33/.67: the .67s win over .33s
    [InlineData(2, new long[] { 3, 3, 4 }, new[] { 1, 0, 1 })] // .6/.6/.8: the .8 first, then the earlier .6
    public void Largest_remainder_known_answers(int n, long[] weights, int[] expected)
    {
        Assert.Equal(expected, LargestRemainder.Allocate(n, weights));
    }

    [Fact]
    public void A_stratum_rounding_to_zero_is_lifted_from_the_stratum_most_above_its_share()
    {
        // Shares 9 / 0.5 / 0.5: largest remainder gives 9/1/0, the lift makes it 8/1/1.
        var a = StratumAllocation.Compute(10, [90, 5, 5]);
        Assert.Equal([8, 1, 1], a.Initial);
        Assert.True(a.MinOne);

        // Fewer places than strata: no lift, the smallest strata stay out.
        var b = StratumAllocation.Compute(2, [90, 5, 5]);
        Assert.Equal([2, 0, 0], b.Initial);
        Assert.False(b.MinOne);
    }

    [Theory]
    [InlineData("3:5:2", 3, 5, 2)]
    [InlineData(" 3 : 5 : 2 ", 3, 5, 2)]
    [InlineData("0:1:0", 0, 1, 0)]
    [InlineData("10:25:7", 10, 25, 7)]
    public void Parse_reads_three_parts(string text, int hard, int medium, int easy)
    {
        Assert.Equal(new DifficultyRatio(hard, medium, easy), DifficultyRatio.Parse(text));
    }

    [Theory]
    [InlineData("3:5", "2 part(s)")]
    [InlineData("3:x:2", "part 2 ('x')")]
    [InlineData("3:-5:2", "part 2 ('-5')")]
    [InlineData("0:0:0", "all zero")]
    [InlineData("", "empty")]
    public void Parse_rejects_bad_text_with_a_clear_message(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => DifficultyRatio.Parse(text));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_is_three_five_two()
    {
        Assert.Equal("3:5:2", DifficultyRatio.Default.ToString());
    }
}
