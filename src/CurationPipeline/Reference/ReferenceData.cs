using System.Collections.Concurrent;

namespace CurationPipeline.Reference;

/// <summary>
/// The reference data of a run, under one raw folder: the knowledge tables (<c>knowledge/*.csv</c>,
/// <c>knowledge/guidelines.jsonl</c>), the term lexicons (<c>lexicons/TYPE.txt</c>, one term a line) and the
/// department files (<c>departments/terms.tsv</c>, <c>train.tsv</c>, <c>external-map.tsv</c>). One instance serves a
/// run: the composition root makes it and hands it to the engines. Every file is read once, by
/// <see cref="ReferenceReader"/>, the first time an engine asks for it; what engines build from the files
/// (<see cref="Derived{T}"/>: the typed knowledge tables, a lexicon matcher, the calibration panel's knowledge) is built
/// once too.
/// </summary>
/// <param name="rawDirectory">The raw folder.</param>
/// <param name="knowledgeDirectory">Where the knowledge tables are, when not in the raw folder's <c>knowledge</c>.</param>
public sealed class ReferenceData(string rawDirectory, string? knowledgeDirectory = null)
{
    private readonly ConcurrentDictionary<string, Lazy<object?>> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, Lazy<object>> _derived = new();

    /// <summary>The raw folder, as a full path.</summary>
    public string RawDirectory { get; } = Path.GetFullPath(rawDirectory);

    /// <summary>The folder of the knowledge tables, as a full path.</summary>
    public string KnowledgeDirectory { get; } = Path.GetFullPath(knowledgeDirectory ?? Path.Combine(rawDirectory, "knowledge"));

    /// <summary>The reference data around a folder of knowledge tables (its parent as the raw folder).</summary>
    public static ReferenceData ForKnowledge(string knowledgeDirectory) =>
        new(Path.GetDirectoryName(Path.GetFullPath(knowledgeDirectory)) ?? ".", knowledgeDirectory);

    /// <summary>The typed knowledge tables; a table that is missing or malformed is an error naming the file, line and field.</summary>
    public KnowledgeBase Knowledge => Derived(KnowledgeBase.From);

    /// <summary>Whether the raw folder has a <c>knowledge</c> folder.</summary>
    public bool HasKnowledge => Directory.Exists(KnowledgeDirectory);

    /// <summary>The full path of a file under the raw folder (<c>knowledge/...</c> under <see cref="KnowledgeDirectory"/>).</summary>
    public string PathOf(params string[] parts) =>
        parts is ["knowledge", .. var rest] ? Path.Combine([KnowledgeDirectory, .. rest]) : Path.Combine([RawDirectory, .. parts]);

    /// <summary>The rows of <c>knowledge/NAME.csv</c>, or null when there is no such file.</summary>
    public IReadOnlyList<TableRow>? KnowledgeTable(string name) =>
        Read(PathOf("knowledge", name + ".csv"), ReferenceReader.Csv);

    /// <summary>The non-blank lines of <c>knowledge/NAME</c> (e.g. <c>guidelines.jsonl</c>), or null when there is no such file.</summary>
    public IReadOnlyList<(int Line, string Text)>? KnowledgeLines(string fileName) =>
        Read(PathOf("knowledge", fileName), ReferenceReader.Lines);

    /// <summary>The terms of <c>lexicons/TYPE.txt</c> (its non-blank lines, trimmed), or null when there is no such lexicon.</summary>
    public IReadOnlyList<string>? Lexicon(string type) =>
        Read(PathOf("lexicons", type + ".txt"), p => (IReadOnlyList<string>)[.. ReferenceReader.Lines(p).Select(l => l.Text.Trim())]);

    /// <summary>The types of the lexicons there are (the names of <c>lexicons/*.txt</c>), in ordinal order.</summary>
    public IReadOnlyList<string> LexiconTypes =>
        Directory.Exists(PathOf("lexicons"))
            ? [.. Directory.GetFiles(PathOf("lexicons"), "*.txt").Order(StringComparer.Ordinal).Select(Path.GetFileNameWithoutExtension).OfType<string>()]
            : [];

    /// <summary>The data rows of <c>departments/NAME.tsv</c> with their lines, or null when there is no such file.</summary>
    public IReadOnlyList<(int Line, string[] Fields)>? DepartmentTable(string name) =>
        Read(PathOf("departments", name + ".tsv"), ReferenceReader.Tsv);

    /// <summary>
    /// What <paramref name="build"/> makes from this data, made once per instance and type (a second call with another
    /// builder of the same type gets the first one's result).
    /// </summary>
    public T Derived<T>(Func<ReferenceData, T> build)
        where T : class =>
        (T)_derived.GetOrAdd(typeof(T), _ => new Lazy<object>(() => build(this))).Value;

    private T? Read<T>(string path, Func<string, T> read)
        where T : class =>
        (T?)_files.GetOrAdd(path, p => new Lazy<object?>(() => File.Exists(p) ? read(p) : null)).Value;
}
