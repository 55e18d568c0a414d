namespace CurationPipeline.Sampling;

/// <summary>
/// Reads a candidate's stratum from the coverage keys. <c>department</c> is the first listed department;
/// any other key is the attribute of that name. A missing value is the stratum value <c>(none)</c>, so
/// unlabelled items still count and are sampled. Several keys join their values with " | ".
/// </summary>
internal sealed class StratumKeys
{
    /// <summary>The value used when a candidate has no value for a key.</summary>
    public const string Missing = "(none)";

    /// <summary>The one stratum of a dataset sampled without keys.</summary>
    public const string All = "(all)";

    private readonly string[] keys;
    private readonly bool[] isDepartment;

    public StratumKeys(IReadOnlyList<string> keys)
    {
        this.keys = [.. keys];
        isDepartment = [.. keys.Select(k => k.Equals("department", StringComparison.OrdinalIgnoreCase)
            || k.Equals("departments", StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>The keys, in the order they combine.</summary>
    public IReadOnlyList<string> Keys => keys;

    /// <summary>True for a key naming the difficulty level, which is the ratio and not a stratum.</summary>
    public static bool IsDifficultyKey(string key)
    {
        var k = key.Replace('_', ' ').Trim();
        return k.Equals("difficulty", StringComparison.OrdinalIgnoreCase)
            || k.Equals("difficulty level", StringComparison.OrdinalIgnoreCase);
    }

    public string StratumOf(SampleCandidate candidate)
    {
        if (keys.Length == 0)
        {
            return All;
        }

        if (keys.Length == 1)
        {
            return ValueOf(candidate, 0);
        }

        var values = new string[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            values[i] = ValueOf(candidate, i);
        }

        return string.Join(" | ", values);
    }

    private string ValueOf(SampleCandidate candidate, int i)
    {
        if (isDepartment[i])
        {
            var departments = candidate.Departments;
            return departments is { Count: > 0 } && !string.IsNullOrWhiteSpace(departments[0]) ? departments[0] : Missing;
        }

        return candidate.Attributes is not null
            && candidate.Attributes.TryGetValue(keys[i], out var value)
            && !string.IsNullOrWhiteSpace(value)
            ? value
            : Missing;
    }
}
