using System.ClientModel.Primitives;

namespace CurationPipeline.Llm;

/// <summary>A batch line's status and body as an HTTP response, so that a failed line fails as a direct call would (<see cref="System.ClientModel.ClientResultException"/>).</summary>
internal sealed class LineResponse(LineResult line) : PipelineResponse
{
    private Stream? _stream;

    public override int Status => line.Status;

    public override string ReasonPhrase => line.Status == 200 ? "OK" : "batch line failed";

    public override Stream? ContentStream
    {
        get => _stream ??= new MemoryStream(line.Body, writable: false);
        set => _stream = value;
    }

    public override BinaryData Content => BinaryData.FromBytes(line.Body);

    protected override PipelineResponseHeaders HeadersCore { get; } = new NoHeaders();

    public override BinaryData BufferContent(CancellationToken cancellationToken = default) => Content;

    public override ValueTask<BinaryData> BufferContentAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Content);

    public override void Dispose() => _stream?.Dispose();

    private sealed class NoHeaders : PipelineResponseHeaders
    {
        public override IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Enumerable.Empty<KeyValuePair<string, string>>().GetEnumerator();

        public override bool TryGetValue(string name, out string? value)
        {
            value = null;
            return false;
        }

        public override bool TryGetValues(string name, out IEnumerable<string>? values)
        {
            values = null;
            return false;
        }
    }
}
