using CurationPipeline.Items;

namespace CurationPipeline.Calibration;

/// <summary>
/// One member of the calibration panel: answers an item the way a model under evaluation would.
/// Offline solvers are deterministic baselines; LLM solvers ask a model.
/// </summary>
public interface ICalibrationSolver
{
    /// <summary>What the solver is, e.g. <c>offline:lexical-overlap</c> or <c>llm:qwen2.5-72b</c>.</summary>
    string Name { get; }

    /// <summary><c>offline</c> or <c>llm</c>.</summary>
    string Kind { get; }

    /// <summary>Answers <paramref name="item"/>; <paramref name="trial"/> numbers repeated asks (0 for calibration).</summary>
    Task<SolverAnswer> AnswerAsync(BenchmarkItem item, int trial, CancellationToken cancellationToken = default);
}

/// <summary>A solver's raw response text; the panel parses and scores it the same way for every solver.</summary>
public sealed record SolverAnswer(string Response);
