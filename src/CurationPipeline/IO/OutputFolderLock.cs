using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CurationPipeline.IO;

/// <summary>
/// One run owns an output folder at a time: <c>.curate.lock</c> holds the owner's process id, made with
/// create-new so two runs cannot both take it. A lock whose process is gone (killed) is stale and taken over.
/// </summary>
public sealed class OutputFolderLock : IDisposable
{
    public const string FileName = ".curate.lock";

    private readonly string _path;

    private OutputFolderLock(string path, int? staleOwner, int removedTemporaries)
    {
        _path = path;
        StaleOwner = staleOwner;
        RemovedTemporaries = removedTemporaries;
    }

    /// <summary>The process id of a lock left by a run that no longer runs, when one was taken over.</summary>
    public int? StaleOwner { get; }

    /// <summary>Temporary files (<see cref="AtomicFile.TempName"/>) of processes that no longer run, deleted on taking the folder.</summary>
    public int RemovedTemporaries { get; }

    /// <summary>Takes the folder, or throws <see cref="IOException"/> naming the run that holds it.</summary>
    public static OutputFolderLock Acquire(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        int? stale = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read))
                using (var writer = new StreamWriter(stream))
                {
                    writer.Write(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                }

                return new OutputFolderLock(path, stale, RemoveTemporariesOfGoneProcesses(folder));
            }
            catch (IOException) when (File.Exists(path))
            {
                var owner = Owner(path);
                if (owner is { } pid && IsRunning(pid))
                {
                    throw new IOException($"{folder}: the output folder is in use by another run (process {pid}, {FileName}); use another --out or wait for it to finish");
                }

                if (owner is null && File.GetLastWriteTimeUtc(path) > DateTime.UtcNow.AddSeconds(-5))
                {
                    // Made a moment ago and its id not written yet: another run is taking the folder now.
                    throw new IOException($"{folder}: another run is taking the output folder ({FileName}); use another --out");
                }

                // The owner is gone (or the file was left half-written by a kill): stale.
                stale = owner ?? 0;
                File.Delete(path);
            }
        }

        throw new IOException($"{folder}: could not take {FileName}; another run is starting on the same folder");
    }

    public void Dispose()
    {
        if (Owner(_path) == Environment.ProcessId)
        {
            File.Delete(_path);
        }
    }

    // name.PID.RANDOM.tmp, as AtomicFile names them.
    private static readonly Regex TemporaryName = new(@"\.(\d+)\.[0-9a-f]{8}\.tmp$", RegexOptions.CultureInvariant);

    /// <summary>
    /// A process killed while writing (kill -9) leaves its temporary files; the owner of the folder deletes those
    /// whose writer no longer runs. A file of a live process is left alone (a shard writing beside this folder).
    /// </summary>
    private static int RemoveTemporariesOfGoneProcesses(string folder)
    {
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.tmp", SearchOption.AllDirectories))
        {
            var match = TemporaryName.Match(Path.GetFileName(file));
            if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || IsRunning(pid))
            {
                continue;
            }

            try
            {
                File.Delete(file);
                removed++;
            }
            catch (IOException)
            {
                // Gone already, or held by another process: left for a later run.
            }
        }

        return removed;
    }

    private static int? Owner(string path)
    {
        try
        {
            return int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
