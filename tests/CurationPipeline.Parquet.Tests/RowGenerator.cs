using System.Text;

namespace CurationPipeline.Parquet.Tests;

/// <summary>Random rows from a seeded <see cref="Random"/>: nulls, empty and very long strings, CJK and emoji, empty and null lists.</summary>
public static class RowGenerator
{
    private static readonly string[] Words = ["心电图", "胸痛", "diabetes", "😀", "🩺", "", "a", "MedKQA", "é", "高血压 hypertension", "\t\n", "'quote\"", "𠀀"];

    public static List<AllTypesRow> Rows(Random random, int count, bool finiteDoubles = false)
    {
        var rows = new List<AllTypesRow>(count);
        for (var i = 0; i < count; i++)
        {
            rows.Add(Row(random, i, finiteDoubles));
        }

        return rows;
    }

    public static AllTypesRow Row(Random random, int index, bool finiteDoubles = false) => new()
    {
        Id = $"item-{index:D6}",
        Note = Maybe(random, () => Text(random)),
        Count = index,
        MaybeCount = MaybeValue(random, () => random.Next(int.MinValue, int.MaxValue)),
        Big = random.NextInt64(long.MinValue, long.MaxValue),
        MaybeBig = MaybeValue(random, () => random.NextInt64(-1000, 1000)),
        Score = Double(random, finiteDoubles),
        MaybeScore = MaybeValue(random, () => Double(random, finiteDoubles)),
        Flag = random.Next(2) == 0,
        MaybeFlag = MaybeValue(random, () => random.Next(2) == 0),
        CreatedAt = Timestamp(random),
        ReviewedAt = MaybeValue(random, () => new DateTimeOffset(Timestamp(random))),
        Difficulty = (Level)random.Next(3),
        MaybeLevel = MaybeValue(random, () => (Level)random.Next(3)),
        Tags = List(random, () => Text(random)),
        MaybeTags = Maybe(random, () => List(random, () => Words[random.Next(Words.Length)])),
        Numbers = [.. List(random, () => random.Next())],
        Longs = Maybe(random, () => (IReadOnlyList<long>)List(random, () => random.NextInt64())),
        Doubles = Maybe(random, () => List(random, () => Double(random, finiteDoubles))),
        PrimaryDimension = random.Next(2) == 0 ? "FundCap" : "SceneCap",
        Terms = Maybe(random, () => List(random, () => random.Next(3) == 0 ? null : Words[random.Next(Words.Length)])),
    };

    public static string Text(Random random)
    {
        var roll = random.Next(100);
        if (roll < 10)
        {
            return "";
        }

        if (roll == 99)
        {
            return new string('长', 100_000);
        }

        var sb = new StringBuilder();
        var words = random.Next(1, 8);
        for (var w = 0; w < words; w++)
        {
            sb.Append(Words[random.Next(Words.Length)]).Append(' ');
        }

        return sb.ToString();
    }

    private static double Double(Random random, bool finite)
    {
        var roll = random.Next(40);
        return roll switch
        {
            0 => -0.0,
            1 when !finite => double.NaN,
            2 when !finite => double.PositiveInfinity,
            3 => double.MaxValue,
            4 => double.Epsilon,
            _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-5, 12)),
        };
    }

    private static DateTime Timestamp(Random random) =>
        new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(random.NextInt64(0, 40L * 365 * 86_400_000_000) * 10);

    private static List<TItem> List<TItem>(Random random, Func<TItem> item)
    {
        var count = random.Next(5) == 0 ? 0 : random.Next(1, 6);
        var list = new List<TItem>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(item());
        }

        return list;
    }

    private static TValue? Maybe<TValue>(Random random, Func<TValue> value)
        where TValue : class => random.Next(4) == 0 ? null : value();

    private static TValue? MaybeValue<TValue>(Random random, Func<TValue> value)
        where TValue : struct => random.Next(4) == 0 ? null : value();
}
