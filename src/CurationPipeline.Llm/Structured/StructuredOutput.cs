using System.Text.Json;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>Asks a model for JSON of a given shape, reads it tolerantly, validates it and re-asks on failure.</summary>
public static class StructuredOutput
{
    // Read-only from the start: concurrent first uses (schema generation and reading) would otherwise race
    // to lock the instance and one of them fails with "read-only or has already been used".
    private static readonly JsonSerializerOptions WebOptions = ReadOnly(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private static JsonSerializerOptions ReadOnly(JsonSerializerOptions options)
    {
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>
    /// Asks for JSON of type <typeparamref name="T"/>, parses it tolerantly (<see cref="TryExtractJson"/>),
    /// validates it, and re-asks up to <see cref="StructuredOutputOptions.MaxReasks"/> times with the errors
    /// appended. Throws <see cref="LlmException"/> with <see cref="LlmException.RawResponse"/> on persistent failure.
    /// </summary>
    public static async Task<StructuredResult<T>> GetJsonAsync<T>(
        this IChatClient client,
        IList<ChatMessage> messages,
        Func<T, IReadOnlyList<string>>? validate = null,
        StructuredOutputOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(messages);
        options ??= new StructuredOutputOptions();
        var serializer = options.SerializerOptions is { IsReadOnly: false } mine ? ReadOnly(mine) : options.SerializerOptions ?? WebOptions;
        var schema = options.Schema ?? AIJsonUtilities.CreateJsonSchema(typeof(T), serializerOptions: serializer);
        var conversation = options.AddInstructions ? WithInstructions(messages, schema) : [.. messages];
        var chatOptions = options.ChatOptions?.Clone() ?? new ChatOptions();
        chatOptions.ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, options.SchemaName);

        ChatResponse? response = null;
        IReadOnlyList<string> errors = [];
        var attempts = 0;
        while (attempts <= options.MaxReasks)
        {
            attempts++;
            if (attempts > 1)
            {
                (chatOptions.AdditionalProperties ??= [])[ResponseProperties.Reask] = attempts - 1;
            }

            response = await client.GetResponseAsync(conversation, chatOptions, cancellationToken);
            var raw = response.Text;
            if (TryRead(raw, serializer, validate, out T? value, out errors))
            {
                return new StructuredResult<T>(value!, raw, attempts, response);
            }

            conversation.Add(new ChatMessage(ChatRole.Assistant, raw));
            conversation.Add(new ChatMessage(ChatRole.User,
                "That answer could not be used:\n- " + string.Join("\n- ", errors)
                + "\nAnswer again with only the corrected JSON, no other text."));
        }

        throw new LlmException($"no usable JSON answer after {attempts} attempts: {string.Join("; ", errors)}")
        {
            RawResponse = response!.Text,
            Endpoint = ResponseProperties.Get<string>(response, ResponseProperties.Endpoint),
            Model = response.ModelId,
            Attempts = attempts,
        };
    }

    /// <summary>
    /// Finds the JSON value in a model's answer: skips a leading <c>&lt;think&gt;...&lt;/think&gt;</c> block,
    /// prefers a fenced code block, otherwise takes the first complete object or array, ignoring prose around it.
    /// </summary>
    public static bool TryExtractJson(string text, out string json) => JsonExtractor.TryExtract(text, out json);

    private static bool TryRead<T>(string raw, JsonSerializerOptions serializer, Func<T, IReadOnlyList<string>>? validate, out T? value, out IReadOnlyList<string> errors)
    {
        value = default;
        if (!TryExtractJson(raw, out var json))
        {
            errors = ["the answer contains no JSON value"];
            return false;
        }

        try
        {
            value = JsonSerializer.Deserialize<T>(json, serializer);
        }
        catch (JsonException e)
        {
            errors = [$"the JSON does not have the expected shape: {e.Message}"];
            return false;
        }

        if (value is null)
        {
            errors = ["the JSON value is null"];
            return false;
        }

        errors = validate?.Invoke(value) ?? [];
        return errors.Count == 0;
    }

    private static List<ChatMessage> WithInstructions(IList<ChatMessage> messages, JsonElement schema)
    {
        var instruction = "Answer with a single JSON value and nothing else (no prose, no code fence), matching this JSON schema:\n"
            + schema.GetRawText();
        var result = new List<ChatMessage>(messages.Count + 1);
        if (messages.Count > 0 && messages[0].Role == ChatRole.System)
        {
            result.Add(new ChatMessage(ChatRole.System, messages[0].Text + "\n\n" + instruction));
            result.AddRange(messages.Skip(1));
        }
        else
        {
            result.Add(new ChatMessage(ChatRole.System, instruction));
            result.AddRange(messages);
        }

        return result;
    }
}
