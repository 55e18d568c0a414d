using System.Security.Cryptography;
using System.Text;

namespace CurationPipeline.Paradigms;

/// <summary>
/// Per-record randomness: a <see cref="Random"/> seeded from a hash of the run seed, the dataset and the
/// record id, so the same record always gets the same choices whatever order records arrive in.
/// </summary>
public static class RecordRandom
{
    public static Random For(int seed, string dataset, string recordId, string salt = "") =>
        new(SeedOf(seed, dataset, recordId, salt));

    /// <summary>A 31-bit seed from a SHA-256 of the parts (never <see cref="string.GetHashCode()"/>, which changes per process).</summary>
    public static int SeedOf(int seed, params string[] parts)
    {
        var text = seed.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u001f" + string.Join('\u001f', parts);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return BitConverter.ToInt32(hash, 0) & int.MaxValue;
    }

    /// <summary>Fisher-Yates shuffle into a new list.</summary>
    public static List<T> Shuffled<T>(this Random random, IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
