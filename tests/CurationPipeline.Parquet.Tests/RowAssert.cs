namespace CurationPipeline.Parquet.Tests;

/// <summary>Field-by-field equality of <see cref="AllTypesRow"/>s, doubles compared bit for bit.</summary>
public static class RowAssert
{
    public static void Equal(IReadOnlyList<AllTypesRow> expected, IReadOnlyList<AllTypesRow> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Equal(expected[i], actual[i], i);
        }
    }

    public static void Equal(AllTypesRow e, AllTypesRow a, int row)
    {
        void Check(bool ok, string field)
        {
            if (!ok)
            {
                Assert.Fail($"row {row}: {field} differs");
            }
        }

        Check(e.Id == a.Id, "id");
        Check(e.Note == a.Note, "note");
        Check(e.Count == a.Count, "count");
        Check(e.MaybeCount == a.MaybeCount, "maybe_count");
        Check(e.Big == a.Big, "big");
        Check(e.MaybeBig == a.MaybeBig, "maybe_big");
        Check(Same(e.Score, a.Score), "score");
        Check(e.MaybeScore.HasValue == a.MaybeScore.HasValue && Same(e.MaybeScore ?? 0, a.MaybeScore ?? 0), "maybe_score");
        Check(e.Flag == a.Flag, "flag");
        Check(e.MaybeFlag == a.MaybeFlag, "maybe_flag");
        Check(e.CreatedAt == a.CreatedAt && a.CreatedAt.Kind == DateTimeKind.Utc, "created_at");
        Check(e.ReviewedAt == a.ReviewedAt, "reviewed_at");
        Check(e.Difficulty == a.Difficulty, "difficulty");
        Check(e.MaybeLevel == a.MaybeLevel, "maybe_level");
        Check(e.Tags.SequenceEqual(a.Tags), "tags");
        Check(e.MaybeTags is null ? a.MaybeTags is null : a.MaybeTags is not null && e.MaybeTags.SequenceEqual(a.MaybeTags), "maybe_tags");
        Check(e.Numbers.SequenceEqual(a.Numbers), "numbers");
        Check(e.Longs is null ? a.Longs is null : a.Longs is not null && e.Longs.SequenceEqual(a.Longs), "longs");
        Check(e.Doubles is null ? a.Doubles is null : a.Doubles is not null && e.Doubles.Count == a.Doubles.Count && e.Doubles.Zip(a.Doubles).All(p => Same(p.First, p.Second)), "doubles");
        Check(e.PrimaryDimension == a.PrimaryDimension, "renamed");
        Check(e.Terms is null ? a.Terms is null : a.Terms is not null && e.Terms.SequenceEqual(a.Terms), "terms");
        Check(a.Ignored == "", "ignored");
    }

    private static bool Same(double x, double y) => BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y);
}
