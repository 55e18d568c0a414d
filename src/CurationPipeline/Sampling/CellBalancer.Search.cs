namespace CurationPipeline.Sampling;

/// <summary>The chain search and the widening of the allocation bounds.</summary>
internal sealed partial class CellBalancer
{
    /// <summary>
    /// Breadth-first search on the residual graph: from a level, remove one of its items from a stratum;
    /// from a stratum with a free place, add an item of another level there, or hand the place to the
    /// pool of places (its row shrinks); from that pool, give the place to a stratum below its upper
    /// bound. A path from a surplus level to a short level is one move that keeps every row in bounds.
    /// </summary>
    private bool TryChain()
    {
        // Nodes: levels 0..2, strata 3..3+S-1, the place pool 3+S.
        var nodes = Levels + strata + 1;
        var pool = nodes - 1;
        var previous = new int[nodes];
        Array.Fill(previous, -2);
        var queue = new Queue<int>();
        foreach (var d in LevelOrder)
        {
            if (columns[d] > target[d])
            {
                previous[d] = -1;
                queue.Enqueue(d);
            }
        }

        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (node < Levels)
            {
                for (var s = 0; s < strata; s++)
                {
                    Visit(Levels + s, node, cells[s * Levels + node] > 0);
                }
            }
            else if (node == pool)
            {
                for (var s = 0; s < strata; s++)
                {
                    Visit(Levels + s, node, rows[s] < upper[s]);
                }
            }
            else
            {
                var s = node - Levels;
                foreach (var d in LevelOrder)
                {
                    if (Free(s, d) > 0 && previous[d] == -2)
                    {
                        previous[d] = node;
                        if (columns[d] < target[d])
                        {
                            Apply(d, previous);
                            return true;
                        }

                        queue.Enqueue(d);
                    }
                }

                Visit(pool, node, rows[s] > lower[s]);
            }
        }

        return false;

        void Visit(int next, int from, bool open)
        {
            if (open && previous[next] == -2)
            {
                previous[next] = from;
                queue.Enqueue(next);
            }
        }
    }

    private void Apply(int end, int[] previous)
    {
        var node = end;
        while (previous[node] != -1)
        {
            var from = previous[node];
            // Edges through the place pool change rows only, which the removal and addition already did.
            if (node < Levels)
            {
                Move(from - Levels, node, +1);
            }
            else if (from < Levels)
            {
                Move(node - Levels, from, -1);
            }

            node = from;
        }

        Chains++;
    }

    /// <summary>Widens every row's bounds by one item; false when nothing can widen any more.</summary>
    private bool Widen()
    {
        var changed = false;
        for (var pass = 0; pass < 2 && !changed; pass++)
        {
            var floor = minOne ? 1 : 0;
            for (var s = 0; s < strata; s++)
            {
                var l = Math.Max(floor, lower[s] - 1);
                var u = Math.Min(rowCapacity[s], upper[s] + 1);
                changed |= l != lower[s] || u != upper[s];
                lower[s] = l;
                upper[s] = u;
            }

            if (!changed && minOne)
            {
                minOne = false;
                DroppedMinOne = true;
            }
        }

        if (changed)
        {
            Widened++;
        }

        return changed;
    }
}
