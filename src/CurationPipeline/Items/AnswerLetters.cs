namespace CurationPipeline.Items;

/// <summary>Option letters: position 0 is A.</summary>
public static class AnswerLetters
{
    public static char Letter(int index) => (char)('A' + index);

    public static int Index(char letter) => char.ToUpperInvariant(letter) - 'A';

    /// <summary>Parses "C" or "ABD" into option indexes, each within <paramref name="optionCount"/>.</summary>
    public static bool TryParse(string? answer, int optionCount, out IReadOnlyList<int> indexes)
    {
        var list = new List<int>();
        indexes = list;
        if (string.IsNullOrWhiteSpace(answer))
        {
            return false;
        }

        foreach (var c in answer.Trim())
        {
            var i = Index(c);
            if (i < 0 || i >= optionCount || list.Contains(i))
            {
                return false;
            }

            list.Add(i);
        }

        return list.Count > 0;
    }
}
