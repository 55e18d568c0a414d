using CurationPipeline.Items;

namespace CurationPipeline.Sampling;

/// <summary>
/// Per-level targets the pool can actually meet. A level with too few eligible items keeps them all,
/// and its missing places go to the nearest level with items to spare: Hard short takes Medium, then
/// Easy; Easy short takes Medium, then Hard; Medium short takes Hard, then Easy. Short levels are
/// settled in the order Hard, Medium, Easy. Places nothing can fill stay empty.
/// </summary>
internal sealed class LevelPlan
{
    private static readonly Difficulty[] Order = [Difficulty.Hard, Difficulty.Medium, Difficulty.Easy];

    private LevelPlan(int[] targets, int[] available, int[] effective, List<(Difficulty Short, Difficulty By, int Count)> moves, int[] unfilled)
    {
        Targets = targets;
        Available = available;
        Effective = effective;
        Moves = moves;
        Unfilled = unfilled;
    }

    /// <summary>Targets from the ratio, indexed by the <see cref="Difficulty"/> value.</summary>
    public int[] Targets { get; }

    public int[] Available { get; }

    /// <summary>What the sample will hold per level.</summary>
    public int[] Effective { get; }

    public IReadOnlyList<(Difficulty Short, Difficulty By, int Count)> Moves { get; }

    public int[] Unfilled { get; }

    /// <summary>The levels that take a short level's places, nearest first.</summary>
    public static IReadOnlyList<Difficulty> Substitutes(Difficulty level) => level switch
    {
        Difficulty.Hard => [Difficulty.Medium, Difficulty.Easy],
        Difficulty.Easy => [Difficulty.Medium, Difficulty.Hard],
        _ => [Difficulty.Hard, Difficulty.Easy],
    };

    public static LevelPlan Compute(int[] targets, int[] available)
    {
        var effective = new int[3];
        var missing = new int[3];
        for (var d = 0; d < 3; d++)
        {
            effective[d] = Math.Min(targets[d], available[d]);
            missing[d] = targets[d] - effective[d];
        }

        var moves = new List<(Difficulty, Difficulty, int)>();
        foreach (var level in Order)
        {
            var d = (int)level;
            foreach (var sub in Substitutes(level))
            {
                var spare = available[(int)sub] - effective[(int)sub];
                var take = Math.Min(missing[d], spare);
                if (take <= 0)
                {
                    continue;
                }

                effective[(int)sub] += take;
                missing[d] -= take;
                moves.Add((level, sub, take));
            }
        }

        return new LevelPlan(targets, available, effective, moves, missing);
    }
}
