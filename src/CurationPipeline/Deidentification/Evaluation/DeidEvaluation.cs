namespace CurationPipeline.Deidentification;

/// <summary>
/// Scores a <see cref="Deidentifier"/> against gold notes: per category, span-level (exact, same category)
/// and (overlap, any category) and token-level (Chinese characters, English words) recall and precision.
/// Consecutive notes with one patient id are detected together (<see cref="Deidentifier.DetectRecords"/>), as a
/// patient's records are.
/// </summary>
public static class DeidEvaluation
{
    public static DeidEvaluationReport Evaluate(Deidentifier deid, IEnumerable<GoldNote> gold)
    {
        ArgumentNullException.ThrowIfNull(deid);
        ArgumentNullException.ThrowIfNull(gold);
        var n = PhiCategories.All.Count;
        var c = new CategoryCounter[n];
        for (var i = 0; i < n; i++)
        {
            c[i] = new CategoryCounter();
        }

        var all = new CategoryCounter();
        var notes = 0;
        foreach (var (note, predicted) in Detected(deid, gold))
        {
            notes++;
            var tokens = Tokens(note.Text);
            foreach (var g in note.Spans)
            {
                var k = c[(int)g.Category];
                k.Gold++;
                if (predicted.Any(p => p.Category == g.Category && p.Start == g.Start && p.Length == g.Length))
                {
                    k.GoldExact++;
                }

                if (predicted.Any(p => p.Overlaps(g.Start, g.Length)))
                {
                    k.GoldOverlap++;
                }
            }

            foreach (var p in predicted)
            {
                var k = c[(int)p.Category];
                if (note.Unscored.Any(u => p.Overlaps(u.Start, u.Length)) && !note.Spans.Any(g => p.Overlaps(g.Start, g.Length)))
                {
                    continue;
                }

                k.Predicted++;
                if (note.Spans.Any(g => g.Category == p.Category && g.Start == p.Start && g.Length == p.Length))
                {
                    k.PredictedExact++;
                }

                if (note.Spans.Any(g => p.Overlaps(g.Start, g.Length)))
                {
                    k.PredictedOverlap++;
                }
            }

            foreach (var (start, length) in tokens)
            {
                var goldSpan = note.Spans.FirstOrDefault(g => g.Start < start + length && start < g.End);
                var predSpan = predicted.FirstOrDefault(p => p.Overlaps(start, length));
                var unscored = note.Unscored.Any(u => u.Start < start + length && start < u.End);
                if (goldSpan is not null)
                {
                    c[(int)goldSpan.Category].GoldTokens++;
                    all.GoldTokens++;
                    if (predSpan is not null)
                    {
                        c[(int)goldSpan.Category].GoldTokensFound++;
                        all.GoldTokensFound++;
                    }
                }

                if (predSpan is not null && (goldSpan is not null || !unscored))
                {
                    c[(int)predSpan.Category].PredictedTokens++;
                    all.PredictedTokens++;
                    if (goldSpan is not null)
                    {
                        c[(int)predSpan.Category].PredictedTokensRight++;
                        all.PredictedTokensRight++;
                    }
                }
            }
        }

        foreach (var k in c)
        {
            all.Gold += k.Gold;
            all.GoldExact += k.GoldExact;
            all.GoldOverlap += k.GoldOverlap;
            all.Predicted += k.Predicted;
            all.PredictedExact += k.PredictedExact;
            all.PredictedOverlap += k.PredictedOverlap;
        }

        var rows = PhiCategories.All.Select(cat => c[(int)cat].Score(cat.ToString())).Where(r => r.GoldSpans > 0 || r.PredictedSpans > 0).ToList();
        return new DeidEvaluationReport(notes, rows, all.Score("all"));
    }

    /// <summary>Tokens: each Chinese character, and each run of letters/digits otherwise.</summary>
    internal static List<(int Start, int Length)> Tokens(string text)
    {
        var tokens = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            var ch = text[i];
            if (ChineseLexicon.IsHan(ch))
            {
                tokens.Add((i, 1));
                i++;
            }
            else if (char.IsLetterOrDigit(ch))
            {
                var start = i;
                while (i < text.Length && char.IsLetterOrDigit(text[i]) && !ChineseLexicon.IsHan(text[i]))
                {
                    i++;
                }

                tokens.Add((start, i - start));
            }
            else
            {
                i++;
            }
        }

        return tokens;
    }

    private sealed class CategoryCounter
    {
        public int Gold, GoldExact, GoldOverlap, Predicted, PredictedExact, PredictedOverlap;
        public int GoldTokens, GoldTokensFound, PredictedTokens, PredictedTokensRight;

        public DeidCategoryScore Score(string name) => new(
            name, Gold, Predicted,
            Ratio(GoldExact, Gold), Ratio(PredictedExact, Predicted),
            Ratio(GoldOverlap, Gold), Ratio(PredictedOverlap, Predicted),
            Ratio(GoldTokensFound, GoldTokens), Ratio(PredictedTokensRight, PredictedTokens));

        private static double? Ratio(int a, int b) => b == 0 ? null : (double)a / b;
    }

    /// <summary>Each note with what was detected in it, a patient's consecutive notes detected together.</summary>
    private static IEnumerable<(GoldNote Note, IReadOnlyList<PhiSpan> Found)> Detected(Deidentifier deid, IEnumerable<GoldNote> gold)
    {
        var group = new List<GoldNote>();
        foreach (var note in gold.Append(null))
        {
            if (group.Count > 0 && (note is null || note.PatientId != group[0].PatientId))
            {
                var found = deid.DetectRecords([.. group.Select(n => n.Text)]);
                for (var i = 0; i < group.Count; i++)
                {
                    yield return (group[i], found[i]);
                }

                group.Clear();
            }

            if (note is not null)
            {
                group.Add(note);
            }
        }
    }
}
