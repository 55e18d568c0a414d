namespace CurationPipeline.Review;

/// <summary>A decision or import the store refuses, with a message naming the task, row and field.</summary>
public class ReviewException : Exception
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

/// <summary>
/// A decision for an assignment that is no longer open: decided already (by another window or another server on
/// the same store) or its task closed meanwhile. Nothing was recorded.
/// </summary>
public sealed class ReviewConflictException : ReviewException
{
    public ReviewConflictException(string message)
        : base(message)
    {
    }

    public ReviewConflictException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ReviewConflictException()
    {
    }
}
