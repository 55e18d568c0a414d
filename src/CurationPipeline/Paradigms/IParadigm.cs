using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Reference;
using FluentValidation;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Paradigms;

/// <summary>
/// A generation paradigm, in one folder under <c>Paradigms/</c>: its code (what pipeline files and the <c>paradigm</c>
/// column write; the paper's number for the four bundled ones), its embedded engine, its engine over a model (which fills
/// the dataset's prompt template and asks for the paradigm's answer schema), and the rules its items satisfy besides the
/// rules of every item. A run knows the paradigms registered in its extensions (<c>Extensions.Bundled</c>).
/// </summary>
public interface IParadigm
{
    /// <summary>The code of <c>paradigm:</c> in pipeline files and of the <c>paradigm</c> column.</summary>
    Paradigm Code { get; }

    /// <summary>What the paradigm does, e.g. <c>knowledge probing</c>.</summary>
    string Name { get; }

    /// <summary>The rules its items satisfy besides the rules of every item, or null.</summary>
    IValidator<BenchmarkItem>? ItemRules { get; }

    /// <summary>The embedded engine for a dataset; a dataset option it does not take is an <see cref="ArgumentException"/> naming it.</summary>
    IItemGenerator CreateOffline(DatasetDefinition dataset, ReferenceData reference);

    /// <summary>The engine over <paramref name="model"/> for a dataset.</summary>
    IItemGenerator CreateLlm(DatasetDefinition dataset, LlmModel model, ReferenceData reference);
}

/// <summary>A model an engine asks, and the engine name provenance gives it (e.g. <c>llm:m1/qwen2.5-72b</c>).</summary>
public sealed record LlmModel(IChatClient Client, string Engine);
