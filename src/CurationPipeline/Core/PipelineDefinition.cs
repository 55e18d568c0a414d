using CurationPipeline.Items;

namespace CurationPipeline.Core;

/// <summary>
/// A pipeline file (e.g. <c>pipelines/mlb.yaml</c>) as bound from YAML. Keys are snake_case; unknown keys
/// and wrong values are errors naming the file, line and key (see <c>Composition.PipelineLoader</c>).
/// </summary>
public sealed class PipelineDefinition
{
    /// <summary>Name of the pipeline; the default output folder is <c>curated/&lt;name&gt;</c>.</summary>
    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    /// <value>Seed of every random choice of the run (generation, sampling). Default 42.</value>
    public int Seed { get; set; } = 42;

    /// <value><c>required</c> or <c>recorded</c> (see docs/pipeline-reference.md). Default recorded.</value>
    public ReviewPolicy ReviewPolicy { get; set; } = ReviewPolicy.Recorded;

    /// <value>Reviewer names for expert review (two per item plus a third for split decisions). Default reviewer-1..3.</value>
    public List<string> Reviewers { get; set; } = ["reviewer-1", "reviewer-2", "reviewer-3"];

    public DeidentificationSection Deidentification { get; set; } = new();

    public SamplingSection Sampling { get; set; } = new();

    public StagesSection Stages { get; set; } = new();

    /// <summary>Model roles mapped to endpoint names of the endpoints file. Empty: offline engines.</summary>
    public RolesSection Roles { get; set; } = new();

    public RejectsSection Rejects { get; set; } = new();

    /// <summary>What the dataset card says of the dataset as a whole (licence, languages, tags).</summary>
    public CardSection Card { get; set; } = new();

    public LimitsSection Limits { get; set; } = new();

    /// <summary>Exact and near-duplicate detection within and across datasets (the <c>dedup</c> stage).</summary>
    public DedupSection Dedup { get; set; } = new();

    /// <summary>Public benchmarks whose records no item may match (checked by the <c>dedup</c> stage).</summary>
    public DecontaminateSection Decontaminate { get; set; } = new();

    /// <value>Response cache file of the model calls, relative to this file (<c>--cache</c> and <c>--no-cache</c> override it). Default: the shared cache in the user's cache folder.</value>
    public string? Cache { get; set; }

    public List<SourceDefinition> Sources { get; set; } = [];

    public List<DatasetDefinition> Datasets { get; set; } = [];

    /// <summary>The file this definition was read from (not a YAML key).</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public string FilePath { get; set; } = "";

    /// <summary>SHA-256 of the file's bytes, written into run.json and the Parquet footers.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public string ConfigHash { get; set; } = "";

    /// <summary>Resolves a path of the file relative to the file's folder.</summary>
    public string ResolvePath(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(FilePath) ?? ".", path));
}

public sealed class CardSection
{
    /// <value>The dataset's display name on the card. Default: the pipeline's name.</value>
    public string? PrettyName { get; set; }

    /// <value>Licence identifier of the Hugging Face hub (<c>apache-2.0</c>, <c>cc-by-nc-4.0</c>, <c>other</c>, ...). Default <c>unknown</c>.</value>
    public string License { get; set; } = "unknown";

    /// <value>With <c>license: other</c>, the licence's name and where to read it.</value>
    public string? LicenseName { get; set; }

    /// <value>With <c>license: other</c>, where to read the licence.</value>
    public string? LicenseLink { get; set; }

    /// <value>ISO 639-1 codes of the items' languages. Default zh, en.</value>
    public List<string> Language { get; set; } = ["zh", "en"];

    /// <value>Tags beside those every card has (medical, clinical, benchmark).</value>
    public List<string> Tags { get; set; } = [];

    /// <value>The config (dataset) the hub opens first. Default: the first dataset with a split.</value>
    public string? DefaultConfig { get; set; }
}

public sealed class DeidentificationSection
{
    /// <value>Run de-identification on source text before any engine sees it. Default true.</value>
    public bool Enabled { get; set; } = true;

    /// <value><c>surrogate</c> (realistic replacements) or <c>mask</c> (category tags). Default surrogate.</value>
    public DeidentificationMode Mode { get; set; } = DeidentificationMode.Surrogate;

    /// <value>Environment variable holding the secret that keys surrogates; unset gives a fixed demo secret.</value>
    public string SecretEnv { get; set; } = DefaultSecretEnv;

    /// <summary>The environment variable of the secret unless the file names another (also that of <c>curate deid</c>).</summary>
    public const string DefaultSecretEnv = "CURATE_DEID_SECRET";

    /// <value>Scan every generated item again before it is written. Default true.</value>
    public bool Gate { get; set; } = true;
}

public sealed class SamplingSection
{
    /// <value>Hard:Medium:Easy. Default 3:5:2.</value>
    public string Ratio { get; set; } = PaperConstants.DifficultyRatio;

    /// <value>Fail the run when the pool cannot supply a cell, instead of reporting it. Default false.</value>
    public bool FailOnShortfall { get; set; }
}

public sealed class StagesSection
{
    /// <value>Items a block may hold before its sender waits (back-pressure). Default 64.</value>
    public int BoundedCapacity { get; set; } = 64;

    /// <value>Parallel records per stage unless the stage says otherwise. Default 2.</value>
    public int MaxDegreeOfParallelism { get; set; } = 2;

    /// <value>Per-stage parallelism overrides, e.g. <c>generate: 16</c> for model-backed stages.</value>
    public Dictionary<string, int> Parallelism { get; set; } = [];
}

/// <summary>Model roles (generator, calibration, tagger, judges, and those an extension adds) to the endpoint names that serve them.</summary>
public sealed class RolesSection : Dictionary<string, List<string>>
{
    public RolesSection()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>The endpoints named for <paramref name="role"/>; none when the file names none.</summary>
    public IReadOnlyList<string> Named(string role) => TryGetValue(role, out var names) && names is not null ? names : [];
}

public sealed class RejectsSection
{
    /// <value>Rejected fraction of records above which `curate run` exits with code 1. Default 0.05.</value>
    public double MaxFraction { get; set; } = 0.05;
}

/// <summary>Bounds on the work one record may cause; a record beyond one is a reject naming it and the limit, and the run goes on.</summary>
public sealed class LimitsSection
{
    /// <summary>The default of <see cref="MaxRecordBytes"/>: 1 MiB.</summary>
    public const long DefaultMaxRecordBytes = 1 << 20;

    /// <summary>The default of <see cref="RecordTimeout"/>: ten minutes.</summary>
    public const double DefaultRecordTimeout = 600;

    /// <value>Largest record, in UTF-8 bytes of its fields, that is read into the pipeline; 0 for no limit. Default 1048576 (1 MiB).</value>
    public long MaxRecordBytes { get; set; } = DefaultMaxRecordBytes;

    /// <value>Seconds one stage may work on one record (model calls included) before the record is rejected; 0 for no limit. Default (unset) 600, none with a batch endpoint.</value>
    public double? RecordTimeout { get; set; }
}

public sealed class DedupSection
{
    /// <value>Reject items that duplicate an earlier item, in the same dataset or another. Default false (the bundled pipelines switch it on).</value>
    public bool Enabled { get; set; }

    /// <value>Jaccard similarity of the normalised character n-gram sets (task and context each) at or above which two items are duplicates. Default 0.7.</value>
    public double Threshold { get; set; } = 0.7;

    /// <value>Characters per n-gram. Default 3.</value>
    public int Ngram { get; set; } = 3;

    /// <value>LSH bands. Default 32.</value>
    public int Bands { get; set; } = 32;

    /// <value>MinHash values per band. Default 4.</value>
    public int Rows { get; set; } = 4;

    /// <value>Multiple-choice questions (with their context) this many characters or longer that are equal after normalisation are duplicates whatever their options. Default 10.</value>
    public int StemMinChars { get; set; } = 10;
}

public sealed class DecontaminateSection
{
    /// <value>Names of sources (of <c>sources:</c>) holding public benchmark files, read in their own formats. Default none.</value>
    public List<string> Against { get; set; } = [];
}

/// <summary>A raw input file and how to read it.</summary>
public sealed class SourceDefinition
{
    public string Name { get; set; } = "";

    /// <value>Path relative to the pipeline file. <c>${VAR:-default}</c> is expanded from the environment.</value>
    public string Path { get; set; } = "";

    /// <value>jsonl, csv, or a public dataset's format (cmexam, cmeee, chip-cdn, chip-cdee, cmeie). Default jsonl.</value>
    public SourceFormat Format { get; set; } = SourceFormat.Jsonl;

    /// <value>What the records are: report, guideline, drug, knowledge, scenario, ehr, dialogue, inpatient, public.</value>
    public string Kind { get; set; } = "";

    public string TextField { get; set; } = "text";

    public string IdField { get; set; } = "id";

    /// <value>Field whose value keys per-patient consistency of de-identification.</value>
    public string PatientField { get; set; } = "patient_id";

    /// <value>A missing optional source is reported and skipped; a missing required one is an error.</value>
    public bool Optional { get; set; }

    /// <value>Text encoding of the file (utf-8, gb18030). Default utf-8.</value>
    public string Encoding { get; set; } = "utf-8";
}

/// <summary>One dataset of the benchmark (a row of Table 1).</summary>
public sealed class DatasetDefinition
{
    public string Name { get; set; } = "";

    /// <value>FundCap or SceneCap.</value>
    public string Primary { get; set; } = "";

    /// <value>MedKQA, MedSE, MedRU, SmartServ or SmartCare.</value>
    public string Secondary { get; set; } = "";

    public string Task { get; set; } = "";

    /// <value>A paradigm's code (P1, P2, P3, P4) or public. Required.</value>
    public Paradigm? Paradigm { get; set; }

    /// <value>public or proprietary. Required.</value>
    public SourceKind? Source { get; set; }

    /// <value>multiple-choice or open-ended. Required.</value>
    public QuestionType? Type { get; set; }

    /// <value>accuracy, micro-f1 or judge. Required.</value>
    public ScoringMethod? Scoring { get; set; }

    /// <value>Size of the original dataset in the paper (documentation only).</value>
    public int OriginalN { get; set; }

    /// <value>Sampled size of the split.</value>
    public int TargetN { get; set; }

    /// <value>Coverage keys besides difficulty: department, or attribute names such as risk_type.</value>
    public List<string> SamplingKeys { get; set; } = [];

    /// <value>Names of the sources the dataset is built from.</value>
    public List<string> Inputs { get; set; } = [];

    /// <value>Only records whose fields equal these values feed the dataset (e.g. <c>dataset: MAEthic</c>).</value>
    public Dictionary<string, string> Where { get; set; } = [];

    /// <value>Tag departments for this dataset. Default: on for SmartServ and SmartCare.</value>
    public bool? Departments { get; set; }

    /// <value>Prompt template for the LLM engine, relative to the pipeline file.</value>
    public string? Prompt { get; set; }

    /// <value>Dataset-specific generation settings (e.g. <c>entity_type: symptom</c>, <c>task: diagnosis</c>).</value>
    public Dictionary<string, string> Options { get; set; } = [];

    /// <value>Items to make per source record at most. Default 1.</value>
    public int ItemsPerRecord { get; set; } = 1;

    public bool TagsDepartments => Departments ?? Secondary is "SmartServ" or "SmartCare";
}
