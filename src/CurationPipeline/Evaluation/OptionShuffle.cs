using System.Security.Cryptography;
using System.Text;
using CurationPipeline.Items;

namespace CurationPipeline.Evaluation;

/// <summary>
/// The deterministic option orders of a multiple-choice item: presentation <c>p</c> of trial <c>t</c> is a
/// Fisher-Yates shuffle seeded from SHA-256 of (item id, t, p), so every run and every machine shows the same
/// orders. Presentation 0 of trial 0 keeps the original order; the other presentations are drawn until their
/// order differs from the ones before (when the item has enough options for that).
/// </summary>
public static class OptionShuffle
{
    /// <summary>How many times each multiple-choice item is asked per trial.</summary>
    public const int Presentations = PaperConstants.Presentations;

    /// <summary>The orders of one trial: <c>order[k]</c> is the original index of the option shown at position k.</summary>
    public static IReadOnlyList<int[]> Orders(string itemId, int optionCount, int trial)
    {
        var orders = new List<int[]>();
        var distinctPossible = Factorial(optionCount);
        for (var p = 0; p < Presentations; p++)
        {
            if (trial == 0 && p == 0)
            {
                orders.Add([.. Enumerable.Range(0, optionCount)]);
                continue;
            }

            int[] order;
            var attempt = 0;
            do
            {
                order = Permutation(itemId, optionCount, trial, p, attempt++);
            }
            while (orders.Count < distinctPossible && attempt < 16 && orders.Any(o => o.SequenceEqual(order)));
            orders.Add(order);
        }

        return orders;
    }

    /// <summary>The item as shown in <paramref name="order"/>: options reordered and the answer letters remapped.</summary>
    public static BenchmarkItem Present(BenchmarkItem item, int[] order)
    {
        var options = order.Select(i => item.Options[i]).ToList();
        var answer = item.Answer;
        if (AnswerLetters.TryParse(item.Answer, item.Options.Count, out var gold))
        {
            answer = new string([.. gold.Select(g => Array.IndexOf(order, g)).Order().Select(AnswerLetters.Letter)]);
        }

        return item with { Options = options, Answer = answer };
    }

    /// <summary>Option indexes chosen in a presentation, mapped back to the original positions.</summary>
    public static IReadOnlyList<int> ToOriginal(IEnumerable<int> shown, int[] order) => [.. shown.Select(i => order[i]).Order()];

    private static int[] Permutation(string itemId, int n, int trial, int presentation, int attempt)
    {
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes($"{itemId}\u001f{trial}\u001f{presentation}\u001f{attempt}"));
        var random = new Random(BitConverter.ToInt32(seed, 0));
        var order = Enumerable.Range(0, n).ToArray();
        for (var i = n - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    private static long Factorial(int n) => n <= 1 ? 1 : n >= 20 ? long.MaxValue : n * Factorial(n - 1);
}
