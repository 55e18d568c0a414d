namespace CurationPipeline.Review;

/// <summary>The kinds of human work the review store holds.</summary>
public enum ReviewKind
{
    /// <summary>Item quality review by two physicians on the five criteria.</summary>
    ItemQa,

    /// <summary>Correction of P3 entity pre-labels: a first reviewer, then a second one.</summary>
    Entities,

    /// <summary>A disputed judge score from calibration.</summary>
    CalibrationDispute,

    /// <summary>A disputed judge score from evaluation.</summary>
    EvaluationDispute,
}

/// <summary>Names of <see cref="ReviewKind"/> values in the store and in exported files.</summary>
public static class ReviewKinds
{
    public static string Name(ReviewKind kind) => kind switch
    {
        ReviewKind.ItemQa => "item-qa",
        ReviewKind.Entities => "entities",
        ReviewKind.CalibrationDispute => "calibration-dispute",
        ReviewKind.EvaluationDispute => "evaluation-dispute",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown review kind"),
    };

    public static bool TryParse(string? name, out ReviewKind kind)
    {
        foreach (var k in Enum.GetValues<ReviewKind>())
        {
            if (string.Equals(Name(k), name, StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static bool IsDispute(ReviewKind kind) => kind is ReviewKind.CalibrationDispute or ReviewKind.EvaluationDispute;
}
