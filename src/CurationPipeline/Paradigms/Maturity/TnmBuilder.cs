using System.Globalization;
using System.Text.Json.Nodes;
using CurationPipeline.Core;
using CurationPipeline.Reference;

namespace CurationPipeline.Paradigms.Maturity;

/// <summary>
/// TNM (L4, Type C): a pathology or imaging report (the record's text) whose staging facts are the record's fields
/// <c>site</c>, <c>size_mm</c>, <c>invasion</c>, <c>nodes</c> and <c>metastasis</c> (<see cref="TumourFindings"/>); the
/// gold is the AJCC 8th edition classification derived by rule (<see cref="AjccStaging"/>), as the paper's JSON, with one
/// rubric criterion per field.
/// </summary>
public sealed class TnmBuilder() : ScenarioBuilder("TNM", "TNM Staging Decision", ScenarioType.C)
{
    private static readonly Dictionary<string, string> SiteNames = new(StringComparer.Ordinal)
    {
        ["lung"] = "肺癌（非小细胞肺癌）", ["breast"] = "乳腺癌", ["colorectal"] = "结直肠癌", ["gastric"] = "胃癌", ["pancreatic"] = "胰腺癌",
    };

    public override ScenarioDraft Build(SourceRecord record, Random random, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(record);
        var text = RecordFields.RequiredText(record).Trim();
        var findings = Findings(record);
        TnmStage stage;
        try
        {
            stage = AjccStaging.Stage(findings);
        }
        catch (ArgumentException e)
        {
            throw new RecordRejectedException(e.Message.Split(" (Parameter", StringSplitOptions.None)[0], "invasion");
        }

        var answer = new JsonObject
        {
            ["T_classification"] = stage.T,
            ["N_classification"] = stage.N,
            ["M_classification"] = stage.M,
            ["Stage_classification"] = stage.Stage,
        };
        var rubric = ScenarioItems.EqualRubric(
        [
            ("T分期", $"T_classification {stage.T}"),
            ("N分期", $"N_classification {stage.N}"),
            ("M分期", $"M_classification {stage.M}"),
            ("临床分期", $"Stage_classification {stage.Stage}"),
        ]);
        return new ScenarioDraft(
            $"你是资深肿瘤影像与病理专家。请根据以下{SiteNames[findings.Site]}相关报告，按AJCC第8版进行TNM分期，只输出JSON：{{\"T_classification\": ..., \"N_classification\": ..., \"M_classification\": ..., \"Stage_classification\": ...}}。",
            text, MaturityJson.Write(answer))
        {
            Rubric = rubric,
            Facts = EngineItems.Attributes(("planted_site", findings.Site), ("planted_size_mm", findings.SizeMm.ToString(CultureInfo.InvariantCulture)),
                ("planted_invasion", findings.Invasion), ("planted_nodes", findings.Nodes), ("planted_metastasis", findings.Metastasis)),
            Keep = [.. text.Split(['。', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length > 0)],
        };
    }

    /// <summary>The staging facts of a record.</summary>
    public static TumourFindings Findings(SourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var site = RecordFields.Required(record, "site");
        if (!AjccStaging.Sites.Contains(site))
        {
            throw new RecordRejectedException($"site '{site}' is not one of {string.Join(", ", AjccStaging.Sites)}", "site");
        }

        var sizeText = record.Field("size_mm") ?? "0";
        if (!int.TryParse(sizeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) || size < 0)
        {
            throw new RecordRejectedException($"size_mm '{sizeText}' is not a whole number of mm", "size_mm");
        }

        return new TumourFindings(site, size, RecordFields.Required(record, "invasion"), RecordFields.Required(record, "nodes"), RecordFields.Required(record, "metastasis"));
    }
}
