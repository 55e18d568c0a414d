using Microsoft.Extensions.AI;
using Microsoft.ML.Tokenizers;

namespace CurationPipeline.Llm;

/// <summary>
/// Prompt tokens of a planned request, counted with the o200k tokenizer (that of GPT-4o and later OpenAI models)
/// rather than estimated: a plan has time to tokenize, and its price is only as good as its count. Each message
/// costs its text and the chat format's 3 tokens (1 more with an author name), and the reply's start 3, as
/// OpenAI counts them; instructions are a system message. Other model families' tokenizers count Chinese text
/// differently, and the plan names no other: for them it is an estimate.
/// </summary>
internal static class PromptTokens
{
    private const int PerMessage = 3;
    private const int PerName = 1;
    private const int ReplyStart = 3;

    private static readonly Lazy<Tokenizer> O200k = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public static long Count(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var tokenizer = O200k.Value;
        long total = ReplyStart;
        if (options?.Instructions is { Length: > 0 } instructions)
        {
            total += PerMessage + tokenizer.CountTokens(instructions);
        }

        foreach (var message in messages)
        {
            total += PerMessage + tokenizer.CountTokens(message.Text) + (message.AuthorName is null ? 0 : PerName);
        }

        return total;
    }
}
