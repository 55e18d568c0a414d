using CurationPipeline.Core;
using CurationPipeline.Items;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace CurationPipeline.Configuration;

/// <summary>
/// Binds the typed values of the project's files from their spelling: a paradigm code, a source format name, and the
/// enums of the item and the floor in kebab case (<see cref="ConfigNames"/>). A value that is none of them is an error
/// at its line, naming the values there are.
/// </summary>
public sealed class ConfigValueConverter : IYamlTypeConverter
{
    public bool Accepts(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(Paradigm) || t == typeof(SourceFormat)
            || (t.IsEnum && t.Namespace is "CurationPipeline.Core" or "CurationPipeline.Items");
    }

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        var scalar = parser.Consume<Scalar>();
        var t = Nullable.GetUnderlyingType(type) ?? type;
        var text = scalar.Value;
        if (t == typeof(Paradigm))
        {
            return Paradigm.IsCode(text) ? new Paradigm(text) : throw new ConfigValueException(scalar, $"'{text}' is not a paradigm code (letters, digits, '-' or '_')");
        }

        if (t == typeof(SourceFormat))
        {
            return SourceFormat.IsCode(text) ? new SourceFormat(text) : throw new ConfigValueException(scalar, $"'{text}' is not a format name (lower-case letters, digits, '-' or '_')");
        }

        return ConfigNames.TryParse(t, text, out var value) ? value : throw new ConfigValueException(scalar, ConfigNames.MustBe(t));
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        emitter.Emit(new Scalar(value switch
        {
            Paradigm p => p.Code,
            SourceFormat f => f.Code,
            Enum e => ConfigNames.Of(e),
            _ => "",
        }));
}

/// <summary>A value of a file is not one the key takes; <see cref="Problem"/> says which ones it does.</summary>
public sealed class ConfigValueException(Scalar value, string problem) : YamlException(value.Start, value.End, problem)
{
    public string Problem { get; } = problem;
}
