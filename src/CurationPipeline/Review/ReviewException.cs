namespace CurationPipeline.Review;

/// <summary>A decision or import the store refuses, with a message naming the task, row and field.</summary>
public sealed class ReviewException : Exception
{
    public ReviewException(string message)
        : base(message)
    {
    }

    public ReviewException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ReviewException()
    {
    }
}
