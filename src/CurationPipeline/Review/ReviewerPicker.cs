using System.Security.Cryptography;
using System.Text;
using CurationPipeline.Items;

namespace CurationPipeline.Review;

/// <summary>
/// Deterministic, balanced assignment: the reviewers with the fewest assignments so far, ties broken by a
/// hash of item id and reviewer name (so equal loads do not always favour the first names of the list).
/// </summary>
public static class ReviewerPicker
{
    public static IReadOnlyList<string> Pick(string itemId, IReadOnlyList<string> reviewers, IReadOnlyDictionary<string, int> loads, int count, IReadOnlyCollection<string>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(reviewers);
        ArgumentNullException.ThrowIfNull(loads);
        var pool = reviewers.Distinct(StringComparer.Ordinal)
            .Where(r => exclude is null || !exclude.Contains(r))
            .OrderBy(r => loads.TryGetValue(r, out var n) ? n : 0)
            .ThenBy(r => Tie(itemId, r), StringComparer.Ordinal)
            .ThenBy(r => r, StringComparer.Ordinal)
            .Take(count)
            .ToList();
        return pool.Count == count
            ? pool
            : throw new InvalidOperationException($"review needs {count} reviewer(s) other than those already on item {itemId}; the reviewer list has {reviewers.Distinct(StringComparer.Ordinal).Count()}");
    }

    /// <summary>Checks a reviewer list: names non-empty, distinct, at least <paramref name="minimum"/>.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<string> reviewers, int minimum = PaperConstants.MinReviewers)
    {
        ArgumentNullException.ThrowIfNull(reviewers);
        var names = reviewers.Select(r => r?.Trim() ?? "").ToList();
        if (names.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("reviewers: a reviewer name is empty");
        }

        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new ArgumentException("reviewers: a reviewer name repeats");
        }

        return names.Count >= minimum
            ? names
            : throw new ArgumentException($"reviewers: {names.Count} given; item review needs at least {minimum} (two independent reviewers and a third for split decisions)");
    }

    private static string Tie(string itemId, string reviewer) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(itemId + "\u001f" + reviewer)).AsSpan(0, 8));
}
