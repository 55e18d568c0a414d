using System.Text.RegularExpressions;
using CurationPipeline.Core;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CurationPipeline.Configuration;

/// <summary>
/// Binds the project's YAML files (the pipeline file, the datasets manifest, a maturity set) one way: snake_case
/// keys, typed values (<see cref="ConfigValueConverter"/>), and every problem an error naming the file, line and key.
/// </summary>
public static partial class YamlBinder
{
    /// <summary>
    /// Binds YAML text to <typeparamref name="T"/> strictly (snake_case keys; an unknown key or a wrong value is
    /// an error naming the file, line and key) and returns the locator that maps keys to lines.
    /// </summary>
    public static (T Value, YamlLocator Locator) Bind<T>(string yaml, string file)
        where T : class, new()
    {
        YamlLocator locator;
        try
        {
            locator = YamlLocator.Parse(yaml);
        }
        catch (YamlException e)
        {
            throw new PipelineConfigException(file, (int)e.Start.Line, "(syntax)", Innermost(e));
        }
        catch (InvalidOperationException)
        {
            throw new PipelineConfigException(file, Llm.YamlSyntax.UnclosedFlowLine(yaml), "(syntax)", Llm.YamlSyntax.UnclosedFlow);
        }

        try
        {
            var deserializer = new DeserializerBuilder()
                .WithNamingConvention(UnderscoredNamingConvention.Instance)
                .WithTypeConverter(new ConfigValueConverter())
                .Build();
            return (deserializer.Deserialize<T?>(yaml) ?? new T(), locator);
        }
        catch (YamlException e) when (InnermostException(e) is ConfigValueException value)
        {
            throw new PipelineConfigException(file, (int)value.Start.Line, locator.PathAt(value.Start) is { Length: > 0 } p ? p : "(value)", value.Problem);
        }
        catch (YamlException e)
        {
            var unknown = UnknownProperty().Match(Innermost(e));
            if (unknown.Success)
            {
                var parent = locator.PathAt(e.Start);
                var parentPath = parent.Contains('.') || parent.Contains('[') ? parent[..Math.Max(parent.LastIndexOf('.'), 0)] : "";
                var key = string.IsNullOrEmpty(parentPath) ? KeyNames.Snake(unknown.Groups[1].Value) : $"{parentPath}.{KeyNames.Snake(unknown.Groups[1].Value)}";
                throw new PipelineConfigException(file, (int)e.Start.Line, key, "unknown key");
            }

            throw new PipelineConfigException(file, (int)e.Start.Line, locator.PathAt(e.Start) is { Length: > 0 } p ? p : "(value)",
                "wrong value: " + Innermost(e));
        }
    }

    /// <summary>Throws the first validation error, naming the file, the line of its key and the key.</summary>
    public static void ThrowFirstError(FluentValidation.Results.ValidationResult result, YamlLocator locator, string file)
    {
        if (!result.IsValid)
        {
            var first = result.Errors[0];
            var key = ToYamlPath(first.PropertyName);
            var more = result.Errors.Count > 1 ? $" (and {result.Errors.Count - 1} more problem(s))" : "";
            throw new PipelineConfigException(file, locator.LineOf(key), key, first.ErrorMessage + more);
        }
    }

    [GeneratedRegex(@"Property '([^']+)' not found on type")]
    private static partial Regex UnknownProperty();

    /// <summary>Turns a validator property path (<c>Datasets[3].TargetN</c>) into the YAML key path (<c>datasets[3].target_n</c>).</summary>
    public static string ToYamlPath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(KeyNames.Snake));

    private static string Innermost(Exception e)
    {
        e = InnermostException(e);
        return e is YamlException y ? y.Message.Split("): ", 2)[^1] : e.Message;
    }

    private static Exception InnermostException(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
