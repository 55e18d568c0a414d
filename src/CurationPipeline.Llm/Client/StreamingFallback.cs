using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>Serves a streaming request from the non-streaming path: one response, turned into its updates.</summary>
internal static class StreamingFallback
{
    public static async IAsyncEnumerable<ChatResponseUpdate> Updates(Task<ChatResponse> response, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var result = await response.WaitAsync(cancellationToken);
        foreach (var update in result.ToChatResponseUpdates())
        {
            yield return update;
        }
    }
}
