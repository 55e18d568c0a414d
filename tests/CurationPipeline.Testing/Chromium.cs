using System.Diagnostics;

namespace CurationPipeline.Testing;

/// <summary>
/// Debian's chromium for the browser tests, installed on first use by tests/interop/ensure-chromium.sh.
/// Drive it with playwright-core from tests/interop (its launch options take this executable path).
/// </summary>
public static class Chromium
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _path;

    /// <summary>The chromium executable, installing the Debian package when it is missing.</summary>
    public static async Task<string> EnsureInstalledAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_path is not null)
            {
                return _path;
            }

            var script = System.IO.Path.Combine(Interop.Directory, "ensure-chromium.sh");
            var psi = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"could not install chromium ({script}): {await stderr}");
            }

            _path = (await stdout).Trim();
            return _path;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Arguments for headless chromium on a machine with no network beyond loopback.</summary>
    public static IReadOnlyList<string> HeadlessArguments { get; } =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];
}
