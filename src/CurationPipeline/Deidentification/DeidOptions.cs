namespace CurationPipeline.Deidentification;

/// <summary>How detected personal data is replaced.</summary>
public enum DeidMode
{
    /// <summary>Realistic, per-patient consistent surrogates (names, shifted dates, valid IDs).</summary>
    Surrogate,

    /// <summary>Category tags such as <c>[NAME]</c> and <c>[DATE]</c>.</summary>
    Mask,
}

/// <summary>Settings of a <see cref="Deidentifier"/>.</summary>
public sealed class DeidOptions
{
    public DeidMode Mode { get; init; } = DeidMode.Surrogate;

    /// <summary>
    /// Secret seed of every surrogate: the same secret, patient key and value always give the same
    /// surrogate, so a resumed run reproduces its output without a state file. Keep it out of the outputs.
    /// </summary>
    public string Secret { get; init; } = "curation-pipeline";

    /// <summary>Smallest absolute per-patient date shift in days (never 0).</summary>
    public int MinDateShiftDays { get; init; } = 30;

    /// <summary>Largest absolute per-patient date shift in days.</summary>
    public int MaxDateShiftDays { get; init; } = 365;

    /// <summary>The flag the gate adds to an item in which it found personal data.</summary>
    public string GateFlag { get; init; } = "phi-redacted";
}
