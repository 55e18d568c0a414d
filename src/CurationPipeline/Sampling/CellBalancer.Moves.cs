namespace CurationPipeline.Sampling;

/// <summary>The two simple moves: a gap-filling draw with its give-back, and a swap inside a stratum.</summary>
internal sealed partial class CellBalancer
{
    private bool TryTransfer()
    {
        foreach (var (b, a) in Pairs())
        {
            // Give back level a from the most over-represented stratum, draw level b from the most
            // under-represented one; only when the squared deviation does not grow.
            var giver = -1;
            var taker = -1;
            for (var s = 0; s < strata; s++)
            {
                if (cells[s * Levels + a] > 0 && rows[s] > lower[s] && (giver < 0 || Deviation(s) > Deviation(giver)))
                {
                    giver = s;
                }
            }

            if (giver < 0)
            {
                continue;
            }

            for (var s = 0; s < strata; s++)
            {
                if (s != giver && Free(s, b) > 0 && rows[s] < upper[s] && (taker < 0 || Deviation(s) < Deviation(taker)))
                {
                    taker = s;
                }
            }

            if (taker < 0 || Deviation(giver) - Deviation(taker) < 1 - 1e-9)
            {
                continue;
            }

            Move(giver, a, -1);
            Move(taker, b, +1);
            Draws++;
            return true;
        }

        return false;
    }

    private bool TrySwap()
    {
        foreach (var (b, a) in Pairs())
        {
            var best = -1;
            var bestScore = double.NegativeInfinity;
            var secondScore = double.NegativeInfinity;
            for (var s = 0; s < strata; s++)
            {
                if (cells[s * Levels + a] == 0 || Free(s, b) == 0)
                {
                    continue;
                }

                // Prefer the stratum whose own mix is furthest from its wanted mix in this direction.
                double score = cells[s * Levels + a] - wanted[s * Levels + a] + wanted[s * Levels + b] - cells[s * Levels + b];
                if (score > bestScore)
                {
                    secondScore = bestScore;
                    best = s;
                    bestScore = score;
                }
                else if (score > secondScore)
                {
                    secondScore = score;
                }
            }

            if (best >= 0)
            {
                // Each swap lowers the stratum's score by 2, so it stays the first choice until its lead over the
                // runner-up is spent; taking those swaps at once saves rescanning the strata for each.
                var lead = double.IsNegativeInfinity(secondScore) ? int.MaxValue : (bestScore - secondScore) / 2;
                var k = (int)Math.Min(Math.Min(cells[best * Levels + a], Free(best, b)), Math.Min(Math.Min(columns[a] - target[a], target[b] - columns[b]), Math.Max(1, Math.Floor(lead))));
                Move(best, a, -k);
                Move(best, b, +k);
                Swaps += k;
                return true;
            }
        }

        return false;
    }
}
