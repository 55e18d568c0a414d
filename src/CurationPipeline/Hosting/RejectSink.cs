using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Channels;
using CurationPipeline.Core;

namespace CurationPipeline.Hosting;

/// <summary>
/// Collects rejects from every stage into rejects.jsonl. Lines go to a temporary file as they come and the
/// file is renamed into place when the run completes, so a killed run leaves no half-written rejects file.
/// </summary>
public sealed class RejectSink : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly Channel<Reject> _channel = Channel.CreateUnbounded<Reject>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _path;
    private readonly string _tempPath;
    private readonly Task _writer;
    private readonly Dictionary<string, int> _byStage = new(StringComparer.Ordinal);
    private long _count;
    private bool _committed;

    public RejectSink(string path)
    {
        _path = path;
        _tempPath = IO.AtomicFile.TempName(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _writer = Task.Run(WriteLoopAsync);
    }

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Rejects per stage, complete after <see cref="CommitAsync"/>.</summary>
    public IReadOnlyDictionary<string, int> ByStage => _byStage;

    public void Add(Reject reject)
    {
        Interlocked.Increment(ref _count);
        _channel.Writer.TryWrite(reject);
    }

    /// <summary>Flushes and moves the file into place.</summary>
    public async Task CommitAsync()
    {
        _channel.Writer.TryComplete();
        await _writer;
        File.Move(_tempPath, _path, overwrite: true);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _writer;
        if (!_committed && File.Exists(_tempPath))
        {
            File.Delete(_tempPath);
        }
    }

    private async Task WriteLoopAsync()
    {
        await using var writer = new StreamWriter(_tempPath, append: false, new System.Text.UTF8Encoding(false));
        await foreach (var reject in _channel.Reader.ReadAllAsync())
        {
            _byStage[reject.Stage] = _byStage.GetValueOrDefault(reject.Stage) + 1;
            await writer.WriteLineAsync(JsonSerializer.Serialize(reject, Json));
        }
    }
}
