using CurationPipeline.Items;

namespace CurationPipeline.Calibration;

/// <summary>
/// The thresholds of section 3.4 (defaults) or a researcher's own, for <see cref="Relabel"/>. The consensus
/// counts default to the panel size (Easy: all correct) and one less (Medium); the paper's panel of five
/// gives 5 / 4 / &lt;=3.
/// </summary>
public sealed record CalibrationThresholds
{
    /// <summary>The paper's thresholds.</summary>
    public static CalibrationThresholds Paper { get; } = new();

    /// <summary>Correct answers needed for Easy; null means all of the panel.</summary>
    public int? EasyCorrect { get; init; }

    /// <summary>Correct answers needed for Medium; null means all of the panel but one.</summary>
    public int? MediumCorrect { get; init; }

    /// <summary>An extraction response is correct when its micro-F1 is strictly above this.</summary>
    public double F1Correct { get; init; } = PaperConstants.F1Correct;

    /// <summary>Easy when the mean final score is strictly above this.</summary>
    public double EasyScore { get; init; } = PaperConstants.EasyScore;

    /// <summary>Medium when the mean final score is at least this (and at most <see cref="EasyScore"/>); Hard below.</summary>
    public double MediumScore { get; init; } = PaperConstants.MediumScore;

    /// <summary>Two scores are disputed when they differ by strictly more than this.</summary>
    public double DisputeGap { get; init; } = PaperConstants.DisputeGap;

    /// <summary>The thresholds as named numbers, as run.json records them (the counts only when set).</summary>
    public IReadOnlyDictionary<string, double> ToValues()
    {
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            [nameof(F1Correct)] = F1Correct,
            [nameof(EasyScore)] = EasyScore,
            [nameof(MediumScore)] = MediumScore,
            [nameof(DisputeGap)] = DisputeGap,
        };
        if (EasyCorrect is { } easy)
        {
            values[nameof(EasyCorrect)] = easy;
        }

        if (MediumCorrect is { } medium)
        {
            values[nameof(MediumCorrect)] = medium;
        }

        return values;
    }

    /// <summary>The thresholds of <see cref="ToValues"/>; a name it does not write is an <see cref="ArgumentException"/>, a name left out keeps the paper's value.</summary>
    public static CalibrationThresholds FromValues(IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var t = Paper;
        foreach (var (name, value) in values)
        {
            t = name switch
            {
                nameof(F1Correct) => t with { F1Correct = value },
                nameof(EasyScore) => t with { EasyScore = value },
                nameof(MediumScore) => t with { MediumScore = value },
                nameof(DisputeGap) => t with { DisputeGap = value },
                nameof(EasyCorrect) => t with { EasyCorrect = (int)value },
                nameof(MediumCorrect) => t with { MediumCorrect = (int)value },
                _ => throw new ArgumentException($"'{name}' is not a difficulty threshold"),
            };
        }

        t.Validate();
        return t;
    }

    /// <summary>Checks the values make sense; throws naming the first that does not.</summary>
    public void Validate()
    {
        if (F1Correct is < 0 or > 1)
        {
            throw new ArgumentException($"F1 threshold {F1Correct} is outside 0..1");
        }

        if (MediumScore > EasyScore)
        {
            throw new ArgumentException($"medium score threshold {MediumScore} is above the easy threshold {EasyScore}");
        }

        if (DisputeGap < 0)
        {
            throw new ArgumentException($"dispute gap {DisputeGap} is negative");
        }

        if (EasyCorrect is { } e && MediumCorrect is { } m && m > e)
        {
            throw new ArgumentException($"medium count {m} is above the easy count {e}");
        }
    }
}
