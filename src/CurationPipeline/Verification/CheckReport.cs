namespace CurationPipeline.Verification;

/// <summary>One check of <c>curate check</c>: what it verifies, how many things it looked at, and the first offenders.</summary>
/// <param name="Name">Short name (e.g. <c>ids</c>).</param>
/// <param name="Rule">What holds when the check passes.</param>
/// <param name="Checked">Items (or splits, files) looked at.</param>
/// <param name="Violations">How many of them break the rule.</param>
/// <param name="First">The first offenders: item ids or split names with what is wrong, never item text.</param>
public sealed record CheckResult(string Name, string Rule, int Checked, int Violations, IReadOnlyList<string> First);

/// <summary>Every check of an output folder (or sample file), in a fixed order.</summary>
public sealed class CheckReport(IReadOnlyList<CheckResult> checks)
{
    public IReadOnlyList<CheckResult> Checks { get; } = checks;

    public int Violations => Checks.Sum(c => c.Violations);

    public bool Ok => Violations == 0;

    public CheckResult this[string name] => Checks.Single(c => c.Name == name);
}

/// <summary>An input of <c>curate check</c> cannot be read (missing run.json, a damaged file); the message names the file.</summary>
public sealed class CheckInputException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Counts one check as it goes and keeps its first offenders.</summary>
internal sealed class Tally(string name, string rule)
{
    /// <summary>Offenders kept per check.</summary>
    public const int Kept = 5;

    private readonly List<string> _first = [];

    public string Name { get; } = name;

    public int Checked { get; private set; }

    public int Violations { get; private set; }

    public void Pass() => Checked++;

    public void Fail(string offender)
    {
        Checked++;
        Violations++;
        if (_first.Count < Kept)
        {
            _first.Add(offender);
        }
    }

    /// <summary>Passes or fails one thing by the first problem found, if any.</summary>
    public void Record(string subject, string? problem)
    {
        if (problem is null)
        {
            Pass();
        }
        else
        {
            Fail($"{subject}: {problem}");
        }
    }

    public CheckResult ToResult() => new(Name, rule, Checked, Violations, [.. _first]);
}
