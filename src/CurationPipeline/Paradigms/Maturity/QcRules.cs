using System.Globalization;

namespace CurationPipeline.Paradigms.Maturity;

/// <summary>
/// One hospital QC rule: the record item it checks, the requirement in words, a check the engine can run on a record
/// field, and the points deducted when it fails (per missing term for <c>contains_each</c>).
/// </summary>
public sealed record QcRule(string Id, string Item, string Requirement, string Check, string Field, string Parameter, int Deduction)
{
    /// <summary>The checks a rule may name.</summary>
    public static readonly IReadOnlyList<string> Checks = ["max_length", "not_contains_field", "contains_any", "contains_each", "required"];

    /// <summary>The points this rule deducts from a record (0 when it passes).</summary>
    public int Deduct(IReadOnlyDictionary<string, string> record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var value = record.GetValueOrDefault(Field)?.Trim() ?? "";
        return Check switch
        {
            "max_length" => value.Length > int.Parse(Parameter, CultureInfo.InvariantCulture) ? Deduction : 0,
            "not_contains_field" => record.GetValueOrDefault(Parameter)?.Trim() is { Length: > 0 } other && value.Contains(other, StringComparison.Ordinal) ? Deduction : 0,
            "contains_any" => Terms.Any(t => value.Contains(t, StringComparison.Ordinal)) ? 0 : Deduction,
            "contains_each" => Deduction * Terms.Count(t => !value.Contains(t, StringComparison.Ordinal)),
            _ => value.Length == 0 ? Deduction : 0,
        };
    }

    /// <summary>The terms of <c>contains_any</c> and <c>contains_each</c> (<c>|</c>-separated).</summary>
    public IReadOnlyList<string> Terms => Parameter.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// The hospital's QC rules file (<c>maturity/qc-rules.tsv</c> under the raw folder, edited by the hospital): a header
/// <c>id, item, requirement, check, field, parameter, deduction</c> and one rule a line. A malformed line is an error
/// naming the file, line and column.
/// </summary>
public sealed class QcRules
{
    public const string RelativePath = "maturity/qc-rules.tsv";

    private static readonly string[] Header = ["id", "item", "requirement", "check", "field", "parameter", "deduction"];

    public QcRules(IReadOnlyList<QcRule> rules) => Rules = rules;

    public IReadOnlyList<QcRule> Rules { get; }

    public static QcRules From(Reference.ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Read(reference.PathOf([.. RelativePath.Split('/')]));
    }

    public static QcRules Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: the QC rules file of the RBQ scenario is missing");
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !lines[0].Split('\t').Select(h => h.Trim()).SequenceEqual(Header))
        {
            throw new FormatException($"{path}: line 1: the header must be {string.Join(", ", Header)} (tab-separated)");
        }

        var rules = new List<QcRule>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]) || lines[i].StartsWith('#'))
            {
                continue;
            }

            var c = lines[i].Split('\t');
            string Where(string column) => $"{path}: line {i + 1}: column '{column}'";
            if (c.Length != Header.Length)
            {
                throw new FormatException($"{path}: line {i + 1}: {c.Length} columns, expected {Header.Length}");
            }

            var check = c[3].Trim();
            if (!QcRule.Checks.Contains(check))
            {
                throw new FormatException($"{Where("check")}: '{check}' is not one of {string.Join(", ", QcRule.Checks)}");
            }

            if (!int.TryParse(c[6].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var deduction) || deduction <= 0)
            {
                throw new FormatException($"{Where("deduction")}: '{c[6].Trim()}' is not a positive whole number");
            }

            if (check == "max_length" && !int.TryParse(c[5].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                throw new FormatException($"{Where("parameter")}: max_length needs a number, not '{c[5].Trim()}'");
            }

            if (string.IsNullOrWhiteSpace(c[0]) || string.IsNullOrWhiteSpace(c[4]))
            {
                throw new FormatException($"{Where(string.IsNullOrWhiteSpace(c[0]) ? "id" : "field")}: empty");
            }

            rules.Add(new QcRule(c[0].Trim(), c[1].Trim(), c[2].Trim(), check, c[4].Trim(), c[5].Trim(), deduction));
        }

        return rules.Count == 0 ? throw new FormatException($"{path}: no rule") : new QcRules(rules);
    }
}
