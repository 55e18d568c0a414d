namespace CurationPipeline.Core;

/// <summary>An item broke a rule of the item validators; names the field.</summary>
public sealed class ItemInvalidException(string field, string reason) : Exception(reason)
{
    public string Field { get; } = field;
}
