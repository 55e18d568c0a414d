using System.Diagnostics;
using System.Globalization;
using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests.Reliability;

/// <summary>An output folder belongs to one run at a time (real processes, a real lock file).</summary>
public sealed class OutputFolderTests
{
    [Fact]
    public async Task A_folder_locked_by_a_live_run_is_refused_and_left_untouched()
    {
        using var dir = new TempDirectory();
        var pipeline = CliTests.WritePipeline(dir);
        Directory.CreateDirectory(dir.File("out"));
        File.WriteAllText(dir.File("out/.curate.lock"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

        var result = await CliProcess.CurateAsync(["run", pipeline, "--out", dir.File("out")]);

        BadInputExitTests.AssertUsageError(result, $"in use by another run (process {Environment.ProcessId}");
        Assert.Equal([".curate.lock"], Directory.GetFileSystemEntries(dir.File("out")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_lock_and_temporary_files_left_by_a_killed_run_are_taken_over_with_a_warning_and_removed()
    {
        using var dir = new TempDirectory();
        var pipeline = CliTests.WritePipeline(dir);
        Directory.CreateDirectory(dir.File("out"));
        int gone;
        using (var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            gone = process.Id;
            await process.WaitForExitAsync();
        }

        File.WriteAllText(dir.File("out/.curate.lock"), gone.ToString(CultureInfo.InvariantCulture));
        File.SetLastWriteTimeUtc(dir.File("out/.curate.lock"), DateTime.UtcNow.AddHours(-1));
        // What kill -9 leaves while writing: 0-byte temporary files of the killed process, in the folder and below.
        Directory.CreateDirectory(dir.File("out/data/MAExam"));
        File.WriteAllBytes(dir.File($"out/pool.parquet.{gone}.0a1b2c3d.tmp"), []);
        File.WriteAllBytes(dir.File($"out/data/MAExam/test-00000-of-00001.parquet.{gone}.9e8f7a6b.tmp"), []);

        var result = await CliProcess.CurateAsync(["run", pipeline, "--out", dir.File("out")]);

        Assert.True(result.Exit == 1, result.ToString()); // the demo pipeline rejects one of three records
        Assert.Contains($"stale lock of process {gone}", result.Err, StringComparison.Ordinal);
        Assert.Contains("removed 2 temporary file(s)", result.Err, StringComparison.Ordinal);
        Assert.True(File.Exists(dir.File("out/run.json")));
        Assert.False(File.Exists(dir.File("out/.curate.lock")));
        Assert.Empty(Directory.GetFiles(dir.File("out"), "*.tmp", SearchOption.AllDirectories));
    }
}
