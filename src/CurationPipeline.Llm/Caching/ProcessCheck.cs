using System.Diagnostics;

namespace CurationPipeline.Llm;

/// <summary>Whether a process of this machine still runs (by its id and start time, so a reused id is not mistaken for it).</summary>
internal static class ProcessCheck
{
    /// <summary>This process's start time, Unix milliseconds.</summary>
    public static readonly long CurrentStartMs = StartMs();

    /// <summary>False when no process <paramref name="pid"/> runs, or a later one got its id; true when it runs or cannot be told.</summary>
    public static bool Runs(int pid, long startedMs)
    {
        if (pid == Environment.ProcessId)
        {
            return startedMs == CurrentStartMs;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited)
            {
                return false;
            }

            var started = new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds();
            return Math.Abs(started - startedMs) < 1000;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return true; // cannot tell
        }
    }

    private static long StartMs()
    {
        using var self = Process.GetCurrentProcess();
        return new DateTimeOffset(self.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds();
    }
}
