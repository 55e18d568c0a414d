namespace CurationPipeline.Llm;

/// <summary>How processes sharing one cache file coordinate (see <see cref="ResponseCache"/>).</summary>
public sealed class ResponseCacheOptions
{
    /// <value>How often an open cache marks itself alive in the file; default 10 s.</value>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <value>An owner whose heartbeat is older than this is taken for dead and its leases are taken over; default 60 s.</value>
    public TimeSpan OwnerTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <value>First wait before a request held by another process looks for its answer again; doubles up to <see cref="MaxLeasePoll"/>. Default 50 ms.</value>
    public TimeSpan FirstLeasePoll { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <value>Longest wait between two looks; default 2 s.</value>
    public TimeSpan MaxLeasePoll { get; init; } = TimeSpan.FromSeconds(2);

    /// <value>
    /// How long a call whose caller was cancelled (a run stopping) may still take to answer; an answer within it is stored,
    /// so running again does not pay for it twice. Default 5 s.
    /// </value>
    public TimeSpan DrainGrace { get; init; } = TimeSpan.FromSeconds(5);
}
