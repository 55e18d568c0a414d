namespace CurationPipeline.Tests.Sampling;

/// <summary>
/// An independent check of whether per-stratum row bounds and exact per-level column totals can both
/// hold: a maximum flow with lower bounds (source -> stratum [lo, hi], stratum -> level [0, cell],
/// level -> sink [target, target]), solved by Edmonds-Karp on the usual reduction.
/// </summary>
internal static class FeasibilityOracle
{
    public static bool Feasible(int[] lower, int[] upper, int[,] cells, int[] columnTargets)
    {
        var strata = lower.Length;
        var source = strata + 3;
        var sink = source + 1;
        var superSource = sink + 1;
        var superSink = superSource + 1;
        var n = superSink + 1;
        var cap = new long[n, n];
        var excess = new long[n];

        void Edge(int u, int v, long lo, long hi)
        {
            cap[u, v] += hi - lo;
            excess[v] += lo;
            excess[u] -= lo;
        }

        for (var s = 0; s < strata; s++)
        {
            if (lower[s] > upper[s])
            {
                return false;
            }

            Edge(source, s, lower[s], upper[s]);
            for (var d = 0; d < 3; d++)
            {
                Edge(s, strata + d, 0, cells[s, d]);
            }
        }

        for (var d = 0; d < 3; d++)
        {
            Edge(strata + d, sink, columnTargets[d], columnTargets[d]);
        }

        Edge(sink, source, 0, long.MaxValue / 4);
        long need = 0;
        for (var v = 0; v < superSource; v++)
        {
            if (excess[v] > 0)
            {
                cap[superSource, v] += excess[v];
                need += excess[v];
            }
            else if (excess[v] < 0)
            {
                cap[v, superSink] += -excess[v];
            }
        }

        long flow = 0;
        var parent = new int[n];
        while (true)
        {
            Array.Fill(parent, -1);
            parent[superSource] = superSource;
            var queue = new Queue<int>();
            queue.Enqueue(superSource);
            while (queue.Count > 0 && parent[superSink] < 0)
            {
                var u = queue.Dequeue();
                for (var v = 0; v < n; v++)
                {
                    if (parent[v] < 0 && cap[u, v] > 0)
                    {
                        parent[v] = u;
                        queue.Enqueue(v);
                    }
                }
            }

            if (parent[superSink] < 0)
            {
                return flow == need;
            }

            var bottleneck = long.MaxValue;
            for (var v = superSink; v != superSource; v = parent[v])
            {
                bottleneck = Math.Min(bottleneck, cap[parent[v], v]);
            }

            for (var v = superSink; v != superSource; v = parent[v])
            {
                cap[parent[v], v] -= bottleneck;
                cap[v, parent[v]] += bottleneck;
            }

            flow += bottleneck;
        }
    }
}
