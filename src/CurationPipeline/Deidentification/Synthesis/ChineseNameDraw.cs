using System.Globalization;

namespace CurationPipeline.Deidentification;

/// <summary>How often rare and compound surnames occur in synthetic Chinese notes.</summary>
public enum SurnameRate
{
    /// <summary>Surnames at their frequency in a large Chinese corpus (HanLP's counts); compound ones are rare.</summary>
    Realistic,

    /// <summary>A third compound surnames, a third rare single ones, a third at realistic rates; more minority names.</summary>
    Stress,
}

/// <summary>
/// Draws Chinese person names for synthetic notes from the surname inventory, split in two fixed halves: the
/// development surnames and the held-out ones (a quarter of the inventory, chosen by a hash of the surname), so
/// that names in held-out notes carry surnames no development note has.
/// </summary>
internal sealed class ChineseNameDraw
{
    private static readonly Dictionary<string, double> Counts = SurnameInventory.ReadLines("hanlp-frequency.tsv")
        .Select(l => l.Split('\t'))
        .GroupBy(f => f[0], StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Sum(f => double.Parse(f[1], CultureInfo.InvariantCulture)), StringComparer.Ordinal);

    /// <summary>Given-name characters (HanLP roles C, D, E) with their counts, seen at least 20 times in one role.</summary>
    private static readonly (char Char, double First, double Second, double Single)[] GivenChars = [.. SurnameInventory.ReadLines("hanlp-given.tsv")
        .Select(l => l.Split('\t'))
        .Select(f => (f[0][0], double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture)))
        .Where(g => Math.Max(g.Item2, Math.Max(g.Item3, g.Item4)) >= 20)];

    private static readonly double[] FirstCumulative = Cumulative(g => g.First);
    private static readonly double[] SecondCumulative = Cumulative(g => g.Second);
    private static readonly double[] SingleCumulative = Cumulative(g => g.Single);

    /// <summary>Parts of Uyghur names as written in Chinese, joined with "·" (阿依古丽·买买提).</summary>
    internal static readonly string[] MinorityParts =
        ["阿依古丽", "买买提", "艾力", "吐尔逊", "热依拉", "阿不都", "努尔", "古丽娜尔", "麦麦提", "帕提古丽", "艾尼瓦尔", "依明", "阿迪力", "热合曼", "如克亚", "艾合买提", "吾买尔", "阿依夏木", "玉苏甫", "迪丽娜尔"];

    private readonly string[] _surnames;
    private readonly double[] _cumulative;
    private readonly string[] _compound;
    private readonly string[] _rare;
    private readonly SurnameRate _rate;

    public ChineseNameDraw(bool heldOut, SurnameRate rate)
    {
        _rate = rate;
        _surnames = [.. SurnameInventory.All.Where(s => IsHeldOut(s) == heldOut)];
        _compound = [.. _surnames.Where(s => s.Length == 2)];
        _rare = [.. _surnames.Where(s => s.Length == 1 && Counts.GetValueOrDefault(s) < 100)];
        _cumulative = new double[_surnames.Length];
        var sum = 0.0;
        for (var i = 0; i < _surnames.Length; i++)
        {
            sum += Math.Max(1, Counts.GetValueOrDefault(_surnames[i]));
            _cumulative[i] = sum;
        }
    }

    /// <summary>The surnames this draw takes from.</summary>
    public IReadOnlyList<string> Surnames => _surnames;

    /// <summary>True for the quarter of the inventory kept for held-out notes (FNV-1a of the surname, mod 4 = 0).</summary>
    public static bool IsHeldOut(string surname)
    {
        var h = 2166136261u;
        foreach (var c in surname)
        {
            h = (h ^ c) * 16777619u;
        }

        return h % 4 == 0;
    }

    public string Surname(Random rng)
    {
        if (_rate == SurnameRate.Stress)
        {
            switch (rng.Next(3))
            {
                case 0 when _compound.Length > 0: return _compound[rng.Next(_compound.Length)];
                case 1 when _rare.Length > 0: return _rare[rng.Next(_rare.Length)];
            }
        }

        var x = rng.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        return _surnames[Math.Min(_surnames.Length - 1, i < 0 ? ~i : i)];
    }

    /// <summary>A given name of one or two characters drawn by their frequency in that place.</summary>
    public static string GivenName(Random rng)
    {
        if (rng.Next(5) == 0)
        {
            return Pick(rng, SingleCumulative).ToString();
        }

        return string.Concat(Pick(rng, FirstCumulative), Pick(rng, SecondCumulative));
    }

    /// <summary>A full name: a surname and a given name, or (at 2 %, 10 % under stress) a minority name with "·".</summary>
    public (string Full, string Surname) Name(Random rng)
    {
        if (rng.Next(100) < (_rate == SurnameRate.Stress ? 10 : 2))
        {
            var first = MinorityParts[rng.Next(MinorityParts.Length)];
            var second = MinorityParts[rng.Next(MinorityParts.Length)];
            return ($"{first}·{second}", first);
        }

        var surname = Surname(rng);
        return (surname + GivenName(rng), surname);
    }

    private static char Pick(Random rng, double[] cumulative)
    {
        var i = Array.BinarySearch(cumulative, rng.NextDouble() * cumulative[^1]);
        return GivenChars[Math.Min(GivenChars.Length - 1, i < 0 ? ~i : i)].Char;
    }

    private static double[] Cumulative(Func<(char Char, double First, double Second, double Single), double> weight)
    {
        var sums = new double[GivenChars.Length];
        var sum = 0.0;
        for (var i = 0; i < sums.Length; i++)
        {
            sum += weight(GivenChars[i]);
            sums[i] = sum;
        }

        return sums;
    }
}
