using CurationPipeline.Hosting;

namespace CurationPipeline.Tests.Pipeline;

/// <summary>The partition of source records among shards.</summary>
public class ShardSpecTests
{
    private static readonly (string Source, string File, string Record)[] Records =
        [.. Enumerable.Range(0, 20_000).Select(i => (i % 3 == 0 ? "ehr" : "reports", $"raw/part-{i % 5}.jsonl", $"R{i:00000}"))];

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void Every_record_belongs_to_exactly_one_shard_and_the_shards_are_even(int count)
    {
        var shards = Enumerable.Range(0, count).Select(i => new ShardSpec(i, count)).ToList();
        var sizes = new int[count];
        foreach (var (source, file, record) in Records)
        {
            var owners = shards.Where(s => s.Takes(source, file, record)).ToList();
            sizes[Assert.Single(owners).Index]++;
        }

        var mean = Records.Length / (double)count;
        Assert.All(sizes, n => Assert.InRange(n, mean * 0.95, mean * 1.05));
    }

    [Fact]
    public void The_shard_of_a_record_depends_on_its_identity_only()
    {
        var shard = new ShardSpec(1, 4);
        var taken = Records.Where(r => shard.Takes(r.Source, r.File, r.Record)).ToHashSet();
        var reversed = Enumerable.Reverse(Records).Where(r => shard.Takes(r.Source, "/elsewhere/" + r.File, r.Record)).ToHashSet();
        Assert.Equal(taken, reversed); // any order, any folder: the file name is the identity
        Assert.NotEqual(taken, Records.Where(r => shard.Takes(r.Source, r.File, r.Record + "x")).ToHashSet());
    }

    [Theory]
    [InlineData("0/4", 0, 4)]
    [InlineData("3/4", 3, 4)]
    public void Parses_index_of_count(string text, int index, int count) =>
        Assert.Equal((index, count, $"{index}-of-{count}"), ShardSpec.TryParse(text) is { } s ? (s.Index, s.Count, s.Name) : default);

    [Theory]
    [InlineData("4/4")]
    [InlineData("-1/4")]
    [InlineData("1/0")]
    [InlineData("1")]
    [InlineData("a/b")]
    public void Rejects_what_is_not_a_shard(string text) => Assert.Null(ShardSpec.TryParse(text));
}
