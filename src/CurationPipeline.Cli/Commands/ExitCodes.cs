namespace CurationPipeline.Cli.Commands;

/// <summary>Exit codes of `curate` (README, "Exit codes").</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The run finished but rejected more records than the pipeline's threshold allows.</summary>
    public const int TooManyRejects = 1;

    /// <summary>`curate check` (and the check that ends `curate run` and `curate sample`): a written file breaks an invariant.</summary>
    public const int CheckFailed = 1;

    /// <summary>Wrong arguments, or a pipeline / endpoints / input file that cannot be used.</summary>
    public const int UsageOrConfiguration = 2;

    /// <summary>An internal fault: a stage lost records or an unexpected error stopped the run.</summary>
    public const int Fault = 3;

    /// <summary>`curate datasets fetch`: a requested dataset could not be put in place (network, missing file, wrong checksum).</summary>
    public const int DataUnavailable = 4;

    /// <summary>Stopped by Ctrl+C (or SIGTERM); nothing half-written was left.</summary>
    public const int Cancelled = 130;
}
