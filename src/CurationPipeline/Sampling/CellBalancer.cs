namespace CurationPipeline.Sampling;

/// <summary>
/// Works on counts per (stratum, difficulty) cell: starting from the coverage sample, it moves one item
/// at a time from a level above its target to a level below it until every level meets its target.
/// Moves, in order of preference: a targeted draw from the most under-represented stratum paired with a
/// give-back from the most over-represented one (only when that does not take the allocation further from
/// proportional); a swap inside one stratum; a chain of swaps and draws found by breadth-first search.
/// Rows stay inside [Lower, Upper] (within one item of the quota); when no move exists the bounds widen by
/// one item at a time, so the ratio wins with the smallest deviation the pool allows. The search runs on
/// the residual graph of the cell flow, so a move exists whenever the targets can be met within the bounds.
/// </summary>
internal sealed partial class CellBalancer
{
    public const int Levels = 3;

    // Enum values: Easy 0, Medium 1, Hard 2; preference order is Hard, Medium, Easy.
    private static readonly int[] LevelOrder = [2, 1, 0];

    private readonly int strata;
    private readonly int[] capacity;
    private readonly int[] cells;
    private readonly int[] rows;
    private readonly int[] rowCapacity;
    private readonly int[] lower;
    private readonly int[] upper;
    private readonly double[] quota;
    private readonly int[] target;
    private readonly int[] wanted;
    private readonly int[] columns = new int[Levels];
    private readonly (int Short, int Surplus)[] pairBuffer = new (int, int)[4];
    private bool minOne;

    /// <param name="capacity">Eligible items per cell, stratum-major (s * 3 + level).</param>
    /// <param name="initial">The coverage sample's counts per cell.</param>
    /// <param name="wanted">Per cell, the stratum's share of each level (the ratio applied to the stratum,
    /// nearest level where the stratum lacks items); swaps move each stratum towards it.</param>
    public CellBalancer(int[] capacity, int[] initial, StratumAllocation allocation, int[] levelTargets, int[] wanted)
    {
        this.wanted = wanted;
        strata = capacity.Length / Levels;
        this.capacity = capacity;
        cells = (int[])initial.Clone();
        rows = new int[strata];
        rowCapacity = new int[strata];
        lower = new int[strata];
        upper = new int[strata];
        quota = allocation.Quota;
        target = levelTargets;
        minOne = allocation.MinOne;
        for (var s = 0; s < strata; s++)
        {
            for (var d = 0; d < Levels; d++)
            {
                rows[s] += cells[s * Levels + d];
                rowCapacity[s] += capacity[s * Levels + d];
                columns[d] += cells[s * Levels + d];
            }

            var a = allocation.Initial[s];
            lower[s] = Math.Max(minOne ? 1 : 0, Math.Min(a, allocation.Floor[s]));
            upper[s] = Math.Min(rowCapacity[s], Math.Max(a, allocation.Ceil[s]));
        }
    }

    /// <summary>Final counts per cell.</summary>
    public IReadOnlyList<int> Cells => cells;

    /// <summary>Items drawn from the remaining pool in gap filling (each paired with a give-back).</summary>
    public int Draws { get; private set; }

    /// <summary>Exchanges inside one stratum.</summary>
    public int Swaps { get; private set; }

    /// <summary>Moves that needed a chain through other levels or strata.</summary>
    public int Chains { get; private set; }

    /// <summary>How many items beyond "within one" the allocation had to give way for the ratio.</summary>
    public int Widened { get; private set; }

    /// <summary>Whether the minimum of one item per stratum had to be given up for the ratio.</summary>
    public bool DroppedMinOne { get; private set; }

    public void Run()
    {
        while (!Balanced())
        {
            if (TryTransfer() || TrySwap() || TryChain())
            {
                continue;
            }

            if (!Widen())
            {
                return;
            }
        }
    }

    private bool Balanced()
    {
        for (var d = 0; d < Levels; d++)
        {
            if (columns[d] != target[d])
            {
                return false;
            }
        }

        return true;
    }

    private double Deviation(int s) => rows[s] - quota[s];

    private int Free(int s, int d) => capacity[s * Levels + d] - cells[s * Levels + d];

    /// <summary>
    /// (short, surplus) level pairs into a reused buffer: largest shortfall first, then largest surplus;
    /// ties in the order Hard, Medium, Easy. At most two of each, so at most four pairs.
    /// </summary>
    private ReadOnlySpan<(int Short, int Surplus)> Pairs()
    {
        Span<int> shortLevels = stackalloc int[Levels];
        Span<int> surplusLevels = stackalloc int[Levels];
        var shorts = 0;
        var surpluses = 0;
        foreach (var d in LevelOrder)
        {
            if (columns[d] < target[d])
            {
                Insert(shortLevels, ref shorts, d, target[d] - columns[d]);
            }
            else if (columns[d] > target[d])
            {
                Insert(surplusLevels, ref surpluses, d, columns[d] - target[d]);
            }
        }

        var count = 0;
        for (var i = 0; i < shorts; i++)
        {
            for (var j = 0; j < surpluses; j++)
            {
                pairBuffer[count++] = (shortLevels[i], surplusLevels[j]);
            }
        }

        return pairBuffer.AsSpan(0, count);

        // Stable insertion by descending gap, so equal gaps keep the Hard, Medium, Easy order.
        void Insert(Span<int> list, ref int n, int level, int gap)
        {
            var at = n;
            while (at > 0 && Gap(list[at - 1]) < gap)
            {
                list[at] = list[at - 1];
                at--;
            }

            list[at] = level;
            n++;
        }

        int Gap(int level) => Math.Abs(target[level] - columns[level]);
    }

    private void Move(int s, int d, int delta)
    {
        cells[s * Levels + d] += delta;
        rows[s] += delta;
        columns[d] += delta;
    }
}
