using System.Security.Cryptography;
using System.Text;

namespace CurationPipeline.Review;

public sealed partial class ReviewStore
{
    private const string TokenPrefix = "crv_";

    /// <summary>
    /// Issues a new sign-in token for <paramref name="reviewer"/> and returns it; only a salted SHA-256 of it is
    /// stored, so it cannot be shown again. A reviewer's earlier token stops working.
    /// </summary>
    public string IssueToken(string reviewer)
    {
        var name = CheckReviewerName(reviewer);
        var token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var salt = RandomNumberGenerator.GetBytes(16);
        lock (_gate)
        {
            using var scope = Begin();
            using var cmd = Command(
                "INSERT INTO reviewer_tokens(reviewer, salt, hash, issued_at) VALUES ($r, $s, $h, $t) ON CONFLICT(reviewer) DO UPDATE SET salt = $s, hash = $h, issued_at = $t",
                scope.Tx, ("$r", name), ("$s", salt), ("$h", TokenHash(salt, token)), ("$t", Now()));
            cmd.ExecuteNonQuery();
            scope.Commit();
        }

        return token;
    }

    /// <summary>The reviewer a token was issued to, or null for an unknown, revoked or malformed token.</summary>
    public string? ReviewerOfToken(string? token)
    {
        if (token is null || !token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        lock (_gate)
        {
            // The tokens are random (256 bits), so a fast salted hash suffices; every row is checked, in constant time.
            string? found = null;
            using var cmd = Command("SELECT reviewer, salt, hash FROM reviewer_tokens", null);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var hash = TokenHash((byte[])r.GetValue(1), token);
                if (CryptographicOperations.FixedTimeEquals(hash, (byte[])r.GetValue(2)))
                {
                    found = r.GetString(0);
                }
            }

            return found;
        }
    }

    /// <summary>The reviewers holding a token, by name.</summary>
    public IReadOnlyList<string> TokenHolders()
    {
        lock (_gate)
        {
            using var cmd = Command("SELECT reviewer FROM reviewer_tokens ORDER BY reviewer", null);
            using var r = cmd.ExecuteReader();
            var names = new List<string>();
            while (r.Read())
            {
                names.Add(r.GetString(0));
            }

            return names;
        }
    }

    /// <summary>Removes a reviewer's token; false when they held none.</summary>
    public bool RevokeToken(string reviewer)
    {
        lock (_gate)
        {
            using var scope = Begin();
            using var cmd = Command("DELETE FROM reviewer_tokens WHERE reviewer = $r", scope.Tx, ("$r", reviewer));
            var removed = cmd.ExecuteNonQuery() > 0;
            scope.Commit();
            return removed;
        }
    }

    private static string CheckReviewerName(string reviewer)
    {
        var name = reviewer?.Trim() ?? "";
        return name.Length is > 0 and <= 100 && !name.Any(char.IsControl) && !name.Contains(',', StringComparison.Ordinal)
            ? name
            : throw new ReviewException($"reviewer name '{name}': must be 1 to 100 characters, without commas or control characters");
    }

    private static byte[] TokenHash(byte[] salt, string token) => SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(token)]);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
