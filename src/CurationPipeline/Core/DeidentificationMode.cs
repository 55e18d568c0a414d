namespace CurationPipeline.Core;

/// <summary>What de-identification puts where it found personal data (<c>deidentification.mode</c>).</summary>
public enum DeidentificationMode
{
    /// <summary>Realistic replacements, the same for one patient throughout.</summary>
    Surrogate,

    /// <summary>Category tags such as <c>[NAME]</c>.</summary>
    Mask,
}
