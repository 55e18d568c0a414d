namespace CurationPipeline.Core;

/// <summary>Which review states may enter a sample.</summary>
public enum ReviewPolicy
{
    /// <summary>Only approved items are sampled.</summary>
    Required,

    /// <summary>Approved and unreviewed items are sampled; review is recorded, not waited for.</summary>
    Recorded,
}
