namespace CurationPipeline.Deidentification;

/// <summary>
/// How often a character stands in a given name: HanLP's person-name role counts (roles C, D and E: first and second
/// character of a two-character given name, and a one-character given name; Resources/surnames/hanlp-given.tsv).
/// Where the context alone does not make a name (a title after it, a speaker label), every given-name character must
/// have been seen in its place at least <see cref="MinCount"/> times, which keeps out verbs and particles
/// ("谢你了医生", "申请医生").
/// </summary>
internal static class GivenNameEvidence
{
    /// <summary>The fewest sightings in a role that count as evidence.</summary>
    public const int MinCount = 3;

    private static readonly byte[] Roles = Load();

    private const byte First = 1;
    private const byte Second = 2;
    private const byte Single = 4;
    private const byte StrongFirst = 8;

    /// <summary>True when <paramref name="given"/> (one or two characters) has been seen as a given name in these places.</summary>
    public static bool Plausible(ReadOnlySpan<char> given) => given.Length switch
    {
        1 => Has(given[0], Single) || Has(given[0], Second),
        2 => Has(given[0], First) && Has(given[1], Second),
        _ => false,
    };

    /// <summary>
    /// True when <paramref name="c"/> starts given names often (seen at least <see cref="StrongCount"/> times as the first
    /// or the only given character): such a character may start a given name even where it also ends names in
    /// clinical text (中, 向, 本, 先, 有 ...).
    /// </summary>
    public static bool StartsGivenNames(char c) => Has(c, StrongFirst);

    /// <summary>The sightings that make a character a common first given-name character.</summary>
    public const int StrongCount = 20;

    private static bool Has(char c, byte role) => c is >= '\u4e00' and <= '\u9fff' && (Roles[c - 0x4E00] & role) != 0;

    private static byte[] Load()
    {
        var roles = new byte[0x9FFF - 0x4E00 + 1];
        foreach (var line in SurnameInventory.ReadLines("hanlp-given.tsv"))
        {
            var f = line.Split('\t');
            if (f[0].Length != 1 || !ChineseLexicon.IsHan(f[0][0]))
            {
                continue;
            }

            var i = f[0][0] - 0x4E00;
            roles[i] |= (byte)((Count(f[1]) >= MinCount ? First : 0) | (Count(f[2]) >= MinCount ? Second : 0) | (Count(f[3]) >= MinCount ? Single : 0)
                | (Count(f[1]) >= StrongCount || Count(f[3]) >= StrongCount ? StrongFirst : 0));
        }

        return roles;

        static int Count(string s) => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
    }
}
