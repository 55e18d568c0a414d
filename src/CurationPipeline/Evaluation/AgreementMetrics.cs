namespace CurationPipeline.Evaluation;

/// <summary>
/// Agreement of a judge's binary verdicts with expert labels (the paper's Table 5): accuracy, precision,
/// recall and F1 of the judge's "acceptable" verdicts against the experts', and Cohen's kappa,
/// (p_o - p_e) / (1 - p_e) with p_e from both raters' marginal rates.
/// </summary>
public sealed record AgreementMetrics(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public int Total => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    public double Accuracy => Total == 0 ? 0 : (double)(TruePositives + TrueNegatives) / Total;

    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Cohen's kappa; 1 when both raters agree on every case even if they used one label only.</summary>
    public double Kappa
    {
        get
        {
            if (Total == 0)
            {
                return 0;
            }

            double n = Total;
            var observed = (TruePositives + TrueNegatives) / n;
            var judgeYes = (TruePositives + FalsePositives) / n;
            var expertYes = (TruePositives + FalseNegatives) / n;
            var expected = judgeYes * expertYes + (1 - judgeYes) * (1 - expertYes);
            return expected >= 1 ? (observed >= 1 ? 1 : 0) : (observed - expected) / (1 - expected);
        }
    }

    /// <summary>Counts from paired verdicts (judge, expert), true meaning "acceptable".</summary>
    public static AgreementMetrics From(IEnumerable<(bool Judge, bool Expert)> pairs)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (judge, expert) in pairs)
        {
            _ = (judge, expert) switch
            {
                (true, true) => tp++,
                (true, false) => fp++,
                (false, true) => fn++,
                _ => tn++,
            };
        }

        return new AgreementMetrics(tp, fp, fn, tn);
    }
}
