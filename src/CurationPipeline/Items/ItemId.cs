using System.Security.Cryptography;
using System.Text;

namespace CurationPipeline.Items;

/// <summary>Stable item ids: the same dataset, source record and content always give the same id.</summary>
public static class ItemId
{
    /// <summary>Computes a 16-hex-digit id from the dataset, the source record and the item's content.</summary>
    public static string Compute(string dataset, string sourceFile, string sourceRecord, string content)
    {
        var text = string.Join('\u001f', dataset, sourceFile, sourceRecord, content);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    /// <summary>The content part of an id: question, context, options and answer.</summary>
    public static string ContentOf(string question, string? context, IEnumerable<string> options, string? answer) =>
        string.Join('\u001e', [question, context ?? "", string.Join('\u001d', options), answer ?? ""]);
}
