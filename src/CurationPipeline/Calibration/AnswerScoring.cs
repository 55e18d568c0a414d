using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Calibration;

/// <summary>How one response to a multiple-choice or extraction item is parsed and judged correct.</summary>
public static class AnswerScoring
{
    /// <summary>The gold option indexes of a multiple-choice item; an item without a usable answer is invalid.</summary>
    public static IReadOnlyList<int> GoldChoice(BenchmarkItem item)
    {
        if (item.Options.Count < 2)
        {
            throw new ItemInvalidException("options", $"item {item.Id}: a multiple-choice item needs at least two options, it has {item.Options.Count}");
        }

        return AnswerLetters.TryParse(item.Answer, item.Options.Count, out var gold)
            ? gold
            : throw new ItemInvalidException("answer", $"item {item.Id}: answer '{item.Answer}' is not option letters within A-{AnswerLetters.Letter(item.Options.Count - 1)}");
    }

    /// <summary>
    /// Parses a multiple-choice response and compares the chosen options' content with the answer's: an
    /// option whose text equals the right option's text counts as right too.
    /// </summary>
    public static (string Parsed, bool Correct) Choice(BenchmarkItem item, string response)
    {
        var gold = GoldChoice(item);
        var chosen = ChoiceParser.Parse(response, item.Options);
        var goldContent = gold.Select(i => Content(item.Options[i])).ToHashSet(StringComparer.Ordinal);
        var chosenContent = chosen.Select(i => Content(item.Options[i])).ToHashSet(StringComparer.Ordinal);
        return (ChoiceParser.ToLetters(chosen), chosen.Count > 0 && goldContent.SetEquals(chosenContent));
    }

    /// <summary>Parses an extraction response and scores it by micro-F1 against the item's gold entities.</summary>
    public static (string Parsed, double F1) Extraction(BenchmarkItem item, string response)
    {
        var predicted = EntityResponseParser.Parse(response, DefaultType(item));
        return (EntityResponseParser.Render(predicted), MicroF1.Score(predicted, item.Entities));
    }

    /// <summary>The type given to untyped answer pieces: the gold's single type, when it has only one.</summary>
    public static string DefaultType(BenchmarkItem item)
    {
        var types = item.Entities.Select(e => e.Type).Distinct(StringComparer.Ordinal).ToList();
        return types.Count == 1 ? types[0] : "";
    }

    private static string Content(string option) => option.Trim();
}
