using System.Text;

namespace CurationPipeline.Core;

/// <summary>
/// How files and the command line spell the values of an enum: its member names in kebab case
/// (<see cref="ReviewPolicy.Required"/> is <c>required</c>, <c>ScoringMethod.MicroF1</c> is <c>micro-f1</c>).
/// </summary>
public static class ConfigNames
{
    /// <summary>The spelling of <paramref name="value"/>.</summary>
    public static string Of(Enum value) => Kebab(value.ToString());

    /// <summary>The values of <typeparamref name="T"/> as spelled, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => All(typeof(T));

    /// <summary>The values of the enum <paramref name="type"/> as spelled, in declaration order.</summary>
    public static IReadOnlyList<string> All(Type type) => [.. Enum.GetValues(type).Cast<Enum>().Select(Of)];

    /// <summary>The value spelled <paramref name="text"/>, exactly.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        var found = TryParse(typeof(T), text, out var v);
        value = found ? (T)v! : default;
        return found;
    }

    /// <summary>The value of the enum <paramref name="type"/> spelled <paramref name="text"/>, exactly.</summary>
    public static bool TryParse(Type type, string? text, out object? value)
    {
        value = Enum.GetValues(type).Cast<Enum>().FirstOrDefault(v => string.Equals(Of(v), text, StringComparison.Ordinal));
        return value is not null;
    }

    /// <summary>The value spelled <paramref name="text"/>; an unknown spelling names the ones there are.</summary>
    public static T Parse<T>(string? text)
        where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new FormatException(MustBe<T>());

    /// <summary>"must be 'a' or 'b'" for the values of <typeparamref name="T"/>.</summary>
    public static string MustBe<T>()
        where T : struct, Enum => MustBe(typeof(T));

    /// <summary>"must be 'a' or 'b'" for the values of the enum <paramref name="type"/>.</summary>
    public static string MustBe(Type type) => MustBe(All(type).Select(n => $"'{n}'").ToList());

    /// <summary>"must be a, b or c" for the given spellings.</summary>
    public static string MustBe(IReadOnlyList<string> names) =>
        "must be " + (names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1]);

    private static string Kebab(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }
}
