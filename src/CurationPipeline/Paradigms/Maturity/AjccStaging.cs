namespace CurationPipeline.Paradigms.Maturity;

/// <summary>A tumour's planted findings: site, size, depth or extent of invasion, regional nodes and distant metastasis.</summary>
/// <param name="Site">lung, breast, colorectal, gastric or pancreatic.</param>
/// <param name="SizeMm">The largest diameter in mm (lung, breast, pancreatic).</param>
/// <param name="Invasion">lung: none, visceral_pleura, chest_wall, mediastinum; breast: none, chest_wall, skin; colorectal:
/// submucosa, muscularis_propria, subserosa, visceral_peritoneum, adjacent_organ; gastric: the same but serosa for
/// visceral_peritoneum; pancreatic: none, celiac_axis.</param>
/// <param name="Nodes">lung: none, hilar, mediastinal, contralateral; the others: the number of positive regional nodes.</param>
/// <param name="Metastasis">lung: none, pleural, single_extrathoracic, multiple_extrathoracic; colorectal: none, one_organ,
/// multiple_organs, peritoneum; the others: none, distant.</param>
public sealed record TumourFindings(string Site, int SizeMm, string Invasion, string Nodes, string Metastasis);

/// <summary>A TNM classification and its anatomic stage group.</summary>
public sealed record TnmStage(string T, string N, string M, string Stage);

/// <summary>
/// AJCC Cancer Staging Manual, 8th edition, for the five sites the TNM scenario covers: T, N and M from the findings, and
/// the anatomic stage group from the TNM tables (lung: NSCLC; breast: anatomic stage, T1 not subdivided; colorectal;
/// gastric: pathological stage; pancreatic: exocrine).
/// </summary>
public static class AjccStaging
{
    public static readonly IReadOnlyList<string> Sites = ["lung", "breast", "colorectal", "gastric", "pancreatic"];

    public static TnmStage Stage(TumourFindings f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return f.Site switch
        {
            "lung" => Lung(f),
            "breast" => Breast(f),
            "colorectal" => Colorectal(f),
            "gastric" => Gastric(f),
            "pancreatic" => Pancreatic(f),
            _ => throw new ArgumentException($"site '{f.Site}' is not one of {string.Join(", ", Sites)}", nameof(f)),
        };
    }

    private static TnmStage Lung(TumourFindings f)
    {
        var bySize = f.SizeMm switch { <= 10 => "T1a", <= 20 => "T1b", <= 30 => "T1c", <= 40 => "T2a", <= 50 => "T2b", <= 70 => "T3", _ => "T4" };
        var t = f.Invasion switch
        {
            "mediastinum" => "T4",
            "chest_wall" => Max(bySize, "T3"),
            "visceral_pleura" => Max(bySize, "T2a"),
            _ => bySize,
        };
        var n = f.Nodes switch { "hilar" => "N1", "mediastinal" => "N2", "contralateral" => "N3", _ => "N0" };
        var m = f.Metastasis switch { "pleural" => "M1a", "single_extrathoracic" => "M1b", "multiple_extrathoracic" => "M1c", _ => "M0" };
        string stage;
        if (m == "M1c")
        {
            stage = "IVB";
        }
        else if (m != "M0")
        {
            stage = "IVA";
        }
        else
        {
            var t12 = t.StartsWith("T1", StringComparison.Ordinal) || t.StartsWith("T2", StringComparison.Ordinal);
            stage = (t, n) switch
            {
                ("T1a", "N0") => "IA1",
                ("T1b", "N0") => "IA2",
                ("T1c", "N0") => "IA3",
                ("T2a", "N0") => "IB",
                ("T2b", "N0") => "IIA",
                ("T3", "N0") => "IIB",
                (_, "N1") when t12 => "IIB",
                (_, "N2") when t12 => "IIIA",
                ("T3", "N1") or ("T4", "N0") or ("T4", "N1") => "IIIA",
                (_, "N3") when t12 => "IIIB",
                (_, "N2") => "IIIB",
                _ => "IIIC",
            };
        }

        return new TnmStage(t, n, m, stage);
    }

    private static TnmStage Breast(TumourFindings f)
    {
        var t = f.Invasion is "chest_wall" or "skin" ? "T4" : f.SizeMm switch { <= 20 => "T1", <= 50 => "T2", _ => "T3" };
        var count = Count(f);
        var n = count switch { 0 => "N0", <= 3 => "N1", <= 9 => "N2", _ => "N3" };
        var m = f.Metastasis == "none" ? "M0" : "M1";
        var stage = m == "M1" ? "IV" : (t, n) switch
        {
            (_, "N3") => "IIIC",
            ("T4", _) => "IIIB",
            ("T1", "N0") => "IA",
            ("T1", "N1") or ("T2", "N0") => "IIA",
            ("T2", "N1") or ("T3", "N0") => "IIB",
            _ => "IIIA",
        };
        return new TnmStage(t, n, m, stage);
    }

    private static TnmStage Colorectal(TumourFindings f)
    {
        var t = Depth(f.Invasion, "T4a");
        var count = Count(f);
        var n = count switch { 0 => "N0", 1 => "N1a", <= 3 => "N1b", <= 6 => "N2a", _ => "N2b" };
        var m = f.Metastasis switch { "one_organ" => "M1a", "multiple_organs" => "M1b", "peritoneum" => "M1c", _ => "M0" };
        var n1 = n.StartsWith("N1", StringComparison.Ordinal);
        var stage = m switch
        {
            "M1a" => "IVA",
            "M1b" => "IVB",
            "M1c" => "IVC",
            _ => (t, n) switch
            {
                ("T1" or "T2", "N0") => "I",
                ("T3", "N0") => "IIA",
                ("T4a", "N0") => "IIB",
                ("T4b", "N0") => "IIC",
                ("T1" or "T2", _) when n1 => "IIIA",
                ("T1", "N2a") => "IIIA",
                ("T3" or "T4a", _) when n1 => "IIIB",
                ("T2" or "T3", "N2a") => "IIIB",
                ("T1" or "T2", "N2b") => "IIIB",
                _ => "IIIC",
            },
        };
        return new TnmStage(t, n, m, stage);
    }

    private static TnmStage Gastric(TumourFindings f)
    {
        var t = Depth(f.Invasion, "T4a");
        var count = Count(f);
        var n = count switch { 0 => "N0", <= 2 => "N1", <= 6 => "N2", <= 15 => "N3a", _ => "N3b" };
        var m = f.Metastasis == "none" ? "M0" : "M1";
        var stage = m == "M1" ? "IV" : (t, n) switch
        {
            ("T1", "N0") => "IA",
            ("T1", "N1") or ("T2", "N0") => "IB",
            ("T1", "N2") or ("T2", "N1") or ("T3", "N0") => "IIA",
            ("T1", "N3a") or ("T2", "N2") or ("T3", "N1") or ("T4a", "N0") => "IIB",
            ("T2", "N3a") or ("T3", "N2") or ("T4a", "N1") or ("T4a", "N2") or ("T4b", "N0") => "IIIA",
            ("T1", "N3b") or ("T2", "N3b") or ("T3", "N3a") or ("T4a", "N3a") or ("T4b", "N1") or ("T4b", "N2") => "IIIB",
            _ => "IIIC",
        };
        return new TnmStage(t, n, m, stage);
    }

    private static TnmStage Pancreatic(TumourFindings f)
    {
        var t = f.Invasion == "celiac_axis" ? "T4" : f.SizeMm switch { <= 20 => "T1", <= 40 => "T2", _ => "T3" };
        var count = Count(f);
        var n = count switch { 0 => "N0", <= 3 => "N1", _ => "N2" };
        var m = f.Metastasis == "none" ? "M0" : "M1";
        var stage = m == "M1" ? "IV" : (t, n) switch
        {
            ("T4", _) or (_, "N2") => "III",
            (_, "N1") => "IIB",
            ("T1", "N0") => "IA",
            ("T2", "N0") => "IB",
            _ => "IIA",
        };
        return new TnmStage(t, n, m, stage);
    }

    private static string Depth(string invasion, string serosa) => invasion switch
    {
        "submucosa" => "T1",
        "muscularis_propria" => "T2",
        "subserosa" => "T3",
        "visceral_peritoneum" or "serosa" => serosa,
        "adjacent_organ" => "T4b",
        _ => throw new ArgumentException($"invasion '{invasion}' is not a depth (submucosa, muscularis_propria, subserosa, visceral_peritoneum or serosa, adjacent_organ)", nameof(invasion)),
    };

    private static int Count(TumourFindings f) =>
        int.TryParse(f.Nodes, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : throw new ArgumentException($"nodes '{f.Nodes}' is not a number of positive nodes", nameof(f));

    private static readonly string[] LungOrder = ["T1a", "T1b", "T1c", "T2a", "T2b", "T3", "T4"];

    private static string Max(string a, string b) => Array.IndexOf(LungOrder, a) >= Array.IndexOf(LungOrder, b) ? a : b;
}
