using System.Text.Json;

namespace CurationPipeline.Llm;

/// <summary>Locates one JSON value inside free model text.</summary>
internal static class JsonExtractor
{
    public static bool TryExtract(string text, out string json)
    {
        json = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var body = SkipThinking(text);
        foreach (var block in FencedBlocks(body))
        {
            if (IsJson(block.Trim()))
            {
                json = block.Trim();
                return true;
            }
        }

        for (var start = body.IndexOfAny(['{', '[']); start >= 0; start = body.IndexOfAny(['{', '['], start + 1))
        {
            var end = MatchingEnd(body, start);
            if (end > start && IsJson(body[start..(end + 1)]))
            {
                json = body[start..(end + 1)];
                return true;
            }
        }

        return false;
    }

    private static string SkipThinking(string text)
    {
        var trimmed = text.TrimStart();
        if (!trimmed.StartsWith("<think>", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var close = trimmed.IndexOf("</think>", StringComparison.OrdinalIgnoreCase);
        return close < 0 ? "" : trimmed[(close + "</think>".Length)..];
    }

    private static IEnumerable<string> FencedBlocks(string text)
    {
        var at = 0;
        while ((at = text.IndexOf("```", at, StringComparison.Ordinal)) >= 0)
        {
            var lineEnd = text.IndexOf('\n', at);
            if (lineEnd < 0)
            {
                yield break;
            }

            var close = text.IndexOf("```", lineEnd, StringComparison.Ordinal);
            if (close < 0)
            {
                yield break;
            }

            yield return text[(lineEnd + 1)..close];
            at = close + 3;
        }
    }

    /// <summary>Index of the bracket closing the one at <paramref name="start"/>, skipping strings; -1 if none.</summary>
    private static int MatchingEnd(string s, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < s.Length; i++)
        {
            var c = s[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (--depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        return -1;
    }

    private static bool IsJson(string candidate)
    {
        try
        {
            using var _ = JsonDocument.Parse(candidate);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
