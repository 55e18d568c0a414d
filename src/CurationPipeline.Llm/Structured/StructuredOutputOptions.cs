using System.Text.Json;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>How <see cref="StructuredOutput.GetJsonAsync"/> asks for, reads and re-asks for JSON.</summary>
public sealed class StructuredOutputOptions
{
    /// <value>Further requests after the first when the answer is unusable; default 2.</value>
    public int MaxReasks { get; init; } = 2;

    /// <summary>Options of each request (temperature, trial, ...); the response format is set here.</summary>
    public ChatOptions? ChatOptions { get; init; }

    /// <summary>How the JSON maps onto the type; web defaults (camelCase, case-insensitive) when <c>null</c>.</summary>
    public JsonSerializerOptions? SerializerOptions { get; init; }

    /// <summary>The JSON schema to ask for; derived from the type when <c>null</c>.</summary>
    public JsonElement? Schema { get; init; }

    /// <value>Name given to the schema (<c>response_format.json_schema.name</c>); default "response".</value>
    public string SchemaName { get; init; } = "response";

    /// <value>Whether the schema is also spelled out in a system message, for servers without json_schema; default true.</value>
    public bool AddInstructions { get; init; } = true;
}
