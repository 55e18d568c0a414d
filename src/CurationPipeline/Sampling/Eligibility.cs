using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Sampling;

/// <summary>Why a candidate may not enter a sample.</summary>
public enum IneligibleReason
{
    /// <summary>The candidate may be sampled.</summary>
    None,

    /// <summary>Rejected by review.</summary>
    Rejected,

    /// <summary>In review, or unreviewed under the <see cref="ReviewPolicy.Required"/> policy.</summary>
    AwaitingReview,

    /// <summary>Difficulty unlabelled or waiting for a human.</summary>
    NotLabelled,

    /// <summary>Carries the <c>exclude</c> flag.</summary>
    Excluded,
}

/// <summary>The eligibility rules, in the order they are reported.</summary>
internal static class Eligibility
{
    public static IneligibleReason Check(SampleCandidate c, ReviewPolicy policy)
    {
        if (c.Review == ReviewStatus.Rejected)
        {
            return IneligibleReason.Rejected;
        }

        var reviewOk = c.Review == ReviewStatus.Approved
            || (c.Review == ReviewStatus.Unreviewed && policy == ReviewPolicy.Recorded);
        if (!reviewOk)
        {
            return IneligibleReason.AwaitingReview;
        }

        if (c.DifficultyState != DifficultyState.Labelled || c.Difficulty is null)
        {
            return IneligibleReason.NotLabelled;
        }

        if (c.Flags is not null)
        {
            foreach (var flag in c.Flags)
            {
                if (string.Equals(flag, SampleCandidate.ExcludeFlag, StringComparison.Ordinal))
                {
                    return IneligibleReason.Excluded;
                }
            }
        }

        return IneligibleReason.None;
    }
}
