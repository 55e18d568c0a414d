using CurationPipeline.Sampling;

namespace CurationPipeline.Tests.Sampling;

public class RadixSortTests
{
    [Theory]
    [InlineData(0, "random")]
    [InlineData(10, "random")]
    [InlineData(5_000, "random")]
    [InlineData(200_001, "random")]
    [InlineData(100_000, "few")]
    [InlineData(100_000, "low-bits")]
    [InlineData(100_000, "high-bits")]
    [InlineData(70_000, "equal")]
    public void Sorts_keys_with_their_items_like_a_comparison_sort(int count, string kind)
    {
        var random = new Random(count);
        var keys = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            var r = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40);
            keys[i] = kind switch
            {
                "few" => (ulong)random.Next(5) * 0x0101_0101_0101_0101UL,
                "low-bits" => r & 0xFFFF,
                "high-bits" => r & 0xFFFF_0000_0000_0000UL,
                "equal" => 42UL,
                _ => r,
            };
        }

        // Items carry the original index, so every item must still sit next to its own key.
        var items = Enumerable.Range(0, count).ToArray();
        var original = (ulong[])keys.Clone();
        RadixSort.Sort(keys, items);

        var expected = (ulong[])original.Clone();
        Array.Sort(expected);
        Assert.Equal(expected, keys);
        Assert.Equal(Enumerable.Range(0, count), items.Order());
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(original[items[i]], keys[i]);
        }
    }

    [Fact]
    public void Equal_keys_keep_their_input_order()
    {
        var keys = Enumerable.Range(0, 10_000).Select(i => (ulong)(i % 3) << 50).ToArray();
        var items = Enumerable.Range(0, 10_000).ToArray();
        RadixSort.Sort(keys, items);
        Assert.Equal(Enumerable.Range(0, 10_000).Where(i => i % 3 == 0), items.Take(3334));
    }
}
