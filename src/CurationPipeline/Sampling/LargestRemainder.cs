namespace CurationPipeline.Sampling;

/// <summary>
/// Largest-remainder (Hamilton) apportionment in exact integer arithmetic: every part gets the floor of
/// its quota n * w / W, and the places left go to the largest remainders. Ties go to the larger weight,
/// then to the earlier position, so the result never depends on floating-point noise.
/// </summary>
internal static class LargestRemainder
{
    public static int[] Allocate(int n, IReadOnlyList<long> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var result = new int[weights.Count];
        long total = 0;
        foreach (var w in weights)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(w);
            total += w;
        }

        if (n == 0 || total == 0)
        {
            return result;
        }

        var remainders = new long[weights.Count];
        long given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var product = checked(n * weights[i]);
            result[i] = (int)(product / total);
            remainders[i] = product % total;
            given += result[i];
        }

        var order = Enumerable.Range(0, weights.Count)
            .Where(i => weights[i] > 0)
            .OrderByDescending(i => remainders[i])
            .ThenByDescending(i => weights[i])
            .ThenBy(i => i)
            .ToArray();
        for (var k = 0; k < n - given; k++)
        {
            result[order[k]]++;
        }

        return result;
    }
}
