namespace CurationPipeline.Paradigms.EhrExtraction;

/// <summary>The entity types of EHR extraction (<c>options.entity_type</c>), each with its Chinese name and its lexicon (<c>lexicons/TYPE.txt</c>).</summary>
public static class ExtractionEntityTypes
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        ["symptom"] = "症状",
        ["disease"] = "疾病",
        ["medication"] = "药物",
        ["operation"] = "手术操作",
    };

    /// <summary>The types, in the order their lexicons are read (a term listed under two types gets the first).</summary>
    public static IReadOnlyList<string> All { get; } = [.. Chinese.Keys];

    public static bool IsKnown(string type) => Chinese.ContainsKey(type);

    /// <summary>The Chinese name of a type; an unknown type is its own name.</summary>
    public static string ChineseName(string type) => Chinese.GetValueOrDefault(type, type);
}
