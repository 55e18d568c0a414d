using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>
/// Composes <see cref="IChatClient"/> middleware around an inner client: the first <see cref="Use"/> is the
/// outermost layer. (Microsoft.Extensions.AI, which ships a builder of this name, is not among the served
/// packages; this one keeps the same shape so the <c>UseX</c> extensions read the same.)
/// </summary>
public sealed class ChatClientBuilder
{
    private readonly IChatClient _inner;
    private readonly List<Func<IChatClient, IChatClient>> _layers = [];

    public ChatClientBuilder(IChatClient innerClient)
    {
        ArgumentNullException.ThrowIfNull(innerClient);
        _inner = innerClient;
    }

    /// <summary>Adds a layer; layers added earlier wrap layers added later.</summary>
    public ChatClientBuilder Use(Func<IChatClient, IChatClient> layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        _layers.Add(layer);
        return this;
    }

    /// <summary>Builds the stack from the inside out.</summary>
    public IChatClient Build()
    {
        var client = _inner;
        for (var i = _layers.Count - 1; i >= 0; i--)
        {
            client = _layers[i](client) ?? throw new InvalidOperationException("a middleware factory returned null");
        }

        return client;
    }
}
