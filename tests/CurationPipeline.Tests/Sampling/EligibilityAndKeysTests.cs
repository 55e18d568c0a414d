using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Sampling;
using CurationPipeline.Testing.Items;

namespace CurationPipeline.Tests.Sampling;

/// <summary>Who may be sampled, how strata are read, and what bad input says.</summary>
public sealed class EligibilityAndKeysTests
{
    private static List<SampleCandidate> MixedPool() =>
    [
        TestPools.Candidate("approved", Difficulty.Hard, "x"),
        TestPools.Candidate("unreviewed", Difficulty.Hard, "x", review: ReviewStatus.Unreviewed),
        TestPools.Candidate("in-review", Difficulty.Hard, "x", review: ReviewStatus.InReview),
        TestPools.Candidate("rejected", Difficulty.Hard, "x", review: ReviewStatus.Rejected),
        TestPools.Candidate("unlabelled", Difficulty.Hard, "x", state: DifficultyState.Unlabelled),
        TestPools.Candidate("pending", Difficulty.Hard, "x", state: DifficultyState.PendingHuman),
        TestPools.Candidate("excluded", Difficulty.Hard, "x", flags: "exclude"),
        TestPools.Candidate("other-dataset", Difficulty.Hard, "x", dataset: "ELSEWHERE"),
    ];

    [Theory]
    [InlineData(ReviewPolicy.Required, new[] { "approved" })]
    [InlineData(ReviewPolicy.Recorded, new[] { "approved", "unreviewed" })]
    public void Only_eligible_items_are_sampled_even_when_n_asks_for_more(ReviewPolicy policy, string[] expected)
    {
        var spec = new SamplingSpec("DS", 50, new DifficultyRatio(1, 0, 0), ["risk_type"], policy);
        var result = new StratifiedSampler().Sample(MixedPool(), spec, 1);

        Assert.Equal(expected.Order(StringComparer.Ordinal), result.SelectedIds.Order(StringComparer.Ordinal));
        Assert.Equal(7, result.Report.PoolSize);
        Assert.Equal(1, result.Report.Ineligible[IneligibleReason.Rejected]);
        Assert.Equal(2, result.Report.Ineligible[IneligibleReason.NotLabelled]);
        Assert.Equal(1, result.Report.Ineligible[IneligibleReason.Excluded]);
        Assert.Equal(policy == ReviewPolicy.Required ? 2 : 1, result.Report.Ineligible[IneligibleReason.AwaitingReview]);
    }

    [Fact]
    public void Department_key_uses_the_first_department_and_keys_combine()
    {
        var attributes = new Dictionary<string, string> { ["source"] = "web" };
        SampleCandidate Make(string id, string[] departments) =>
            new(id, "DS", Difficulty.Medium, DifficultyState.Labelled, ReviewStatus.Approved, departments, attributes, []);
        var pool = new List<SampleCandidate>
        {
            Make("a", ["Cardiology", "Neurology"]),
            Make("b", ["Neurology"]),
            Make("c", []),
        };

        var single = new StratifiedSampler().Sample(pool, new SamplingSpec("DS", 3, DifficultyRatio.Default, ["department", "difficulty level"]), 1).Report;
        Assert.Equal(["(none)", "Cardiology", "Neurology"], single.Strata.Select(s => s.Stratum));

        var combined = new StratifiedSampler().Sample(pool, new SamplingSpec("DS", 3, DifficultyRatio.Default, ["department", "source"]), 1).Report;
        Assert.Equal(["(none) | web", "Cardiology | web", "Neurology | web"], combined.Strata.Select(s => s.Stratum));
    }

    [Fact]
    public void From_item_copies_the_sampling_fields()
    {
        var item = TestItems.Choice("abc", "MAHalt") with
        {
            Attributes = new Dictionary<string, string> { ["hallucination_type"] = "factual" },
            Departments = ["Cardiology"],
            Difficulty = new DifficultyLabel(DifficultyState.Labelled, Difficulty.Hard, 3, null, 5, "consensus"),
            Review = ReviewStatus.Approved,
            Flags = ["phi-redacted"],
        };

        var c = SampleCandidate.From(item);

        Assert.Equal(("abc", "MAHalt", Difficulty.Hard, DifficultyState.Labelled, ReviewStatus.Approved), (c.Id, c.Dataset, c.Difficulty, c.DifficultyState, c.Review));
        Assert.Equal("factual", c.Attributes["hallucination_type"]);
        Assert.Equal(["Cardiology"], c.Departments);
        Assert.Equal(["phi-redacted"], c.Flags);
    }

    [Fact]
    public void Duplicate_ids_are_an_error_naming_dataset_and_id()
    {
        var pool = new List<SampleCandidate> { TestPools.Candidate("dup-1", Difficulty.Hard, "x"), TestPools.Candidate("dup-1", Difficulty.Easy, "y") };
        var e = Assert.Throws<SamplingException>(() => new StratifiedSampler().Sample(pool, new SamplingSpec("DS", 1, DifficultyRatio.Default, []), 1));
        Assert.Equal("dataset 'DS': item id 'dup-1' appears more than once among the eligible candidates", e.Message);
    }

    [Fact]
    public void Bad_specs_name_the_dataset_and_field()
    {
        var sampler = new StratifiedSampler();
        var negative = Assert.Throws<SamplingException>(() => sampler.Sample([], new SamplingSpec("MAHalt", -1, DifficultyRatio.Default, []), 1));
        Assert.Equal("sampling spec for dataset 'MAHalt': field 'target_n' is -1; it must be 0 or more", negative.Message);

        var zero = Assert.Throws<SamplingException>(() => sampler.Sample([], new SamplingSpec("MAHalt", 5, new DifficultyRatio(0, 0, 0), []), 1));
        Assert.Contains("field 'ratio' is 0:0:0", zero.Message, StringComparison.Ordinal);

        var emptyKey = Assert.Throws<SamplingException>(() => sampler.Sample([], new SamplingSpec("MAHalt", 5, DifficultyRatio.Default, ["risk_type", " "]), 1));
        Assert.Equal("sampling spec for dataset 'MAHalt': field 'keys' entry 2 is empty", emptyKey.Message);

        var missingId = Assert.Throws<SamplingException>(() => sampler.Sample([TestPools.Candidate("", Difficulty.Hard, dataset: "MAHalt")], new SamplingSpec("MAHalt", 5, DifficultyRatio.Default, []), 1));
        Assert.Equal("dataset 'MAHalt': pool entry 1 has an empty field 'id'", missingId.Message);

        var badLevel = Assert.Throws<SamplingException>(() => sampler.Sample([TestPools.Candidate("x1", (Difficulty)7, dataset: "MAHalt")], new SamplingSpec("MAHalt", 5, DifficultyRatio.Default, []), 1));
        Assert.Equal("dataset 'MAHalt': item 'x1' has an unknown value 7 in field 'difficulty'", badLevel.Message);
    }

    [Fact]
    public void Empty_pool_and_zero_n_give_empty_samples()
    {
        var sampler = new StratifiedSampler();
        var empty = sampler.Sample([], new SamplingSpec("DS", 10, DifficultyRatio.Default, ["risk_type"]), 1);
        Assert.Empty(empty.SelectedIds);
        Assert.Equal("0/0", empty.Report.Coverage);
        Assert.StartsWith("dataset 'DS': the pool has 0 eligible item(s) for a target of 10", empty.Report.Shortfalls[0].Text, StringComparison.Ordinal);

        var zero = sampler.Sample([.. TestPools.Block("A", Difficulty.Hard, 5)], new SamplingSpec("DS", 0, DifficultyRatio.Default, ["risk_type"]), 1);
        Assert.Empty(zero.SelectedIds);
        Assert.Empty(zero.Report.Shortfalls);
    }
}
