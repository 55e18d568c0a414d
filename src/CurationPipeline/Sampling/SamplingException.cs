namespace CurationPipeline.Sampling;

/// <summary>A sampling request that cannot be honoured: bad specification, duplicate ids, or a shortfall
/// when <see cref="SamplingSpec.FailOnShortfall"/> is set.</summary>
public sealed class SamplingException : Exception
{
    public SamplingException()
    {
    }

    public SamplingException(string message)
        : base(message)
    {
    }

    public SamplingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
