using System.Net;
using System.Text;
using System.Text.Json;

namespace CurationPipeline.Llm;

/// <summary>
/// A batch input file written as it is uploaded: one <c>{custom_id, method, url, body}</c> line per request, the
/// body as written for the SDK. Its length is known beforehand, so nothing holds the whole file at once.
/// </summary>
internal sealed class BatchFileContent : HttpContent
{
    private readonly IReadOnlyList<(string Key, byte[] Body)> _lines;
    private readonly byte[] _middle;
    private static readonly byte[] Head = Encoding.UTF8.GetBytes("{\"custom_id\":\"");

    public BatchFileContent(IReadOnlyList<(string Key, byte[] Body)> lines, string url)
    {
        _lines = lines;
        _middle = Middle(url);
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/jsonl");
    }

    /// <summary>Bytes a line has beside its key and body (the key is a hex digest: one byte a character, nothing to escape).</summary>
    public static int Overhead(string url) => Head.Length + Middle(url).Length + 2;

    private static byte[] Middle(string url) => Encoding.UTF8.GetBytes("\",\"method\":\"POST\",\"url\":" + JsonSerializer.Serialize(url) + ",\"body\":");

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        var used = 0;
        foreach (var (key, body) in _lines)
        {
            var length = Head.Length + key.Length + _middle.Length + body.Length + 2;
            if (used + length > buffer.Length)
            {
                await stream.WriteAsync(buffer.AsMemory(0, used), cancellationToken);
                used = 0;
                if (length > buffer.Length)
                {
                    buffer = new byte[length];
                }
            }

            Head.CopyTo(buffer, used);
            used += Head.Length;
            used += Encoding.ASCII.GetBytes(key, 0, key.Length, buffer, used);
            _middle.CopyTo(buffer, used);
            used += _middle.Length;
            body.CopyTo(buffer, used);
            used += body.Length;
            buffer[used++] = (byte)'}';
            buffer[used++] = (byte)'\n';
        }

        await stream.WriteAsync(buffer.AsMemory(0, used), cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _lines.Sum(l => (long)Head.Length + l.Key.Length + _middle.Length + l.Body.Length + 2);
        return true;
    }
}
