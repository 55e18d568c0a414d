using System.Diagnostics;
using Microsoft.Playwright;

namespace CurationPipeline.Testing;

/// <summary>
/// Debian's chromium for the browser tests, installed on first use by ensure-chromium.sh and driven headless
/// through Microsoft.Playwright (its driver ships inside the NuGet package; no browser is downloaded).
/// </summary>
public static class Chromium
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _path;

    /// <summary>
    /// Arguments for headless chromium on a machine with no network beyond loopback. The flags alone leave it
    /// looking up accounts.google.com, update.googleapis.com and clients2.google.com; the resolver rule answers
    /// every name "not found" (127.0.0.1 excepted), so no lookup leaves the machine.
    /// </summary>
    public static IReadOnlyList<string> HeadlessArguments { get; } =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ];

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

            var script = Path.Combine(AppContext.BaseDirectory, "ensure-chromium.sh");
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

    /// <summary>Starts Playwright's driver and launches headless chromium with <see cref="HeadlessArguments"/>.</summary>
    public static async Task<HeadlessBrowser> LaunchAsync()
    {
        var executable = await EnsureInstalledAsync();
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Args = HeadlessArguments, Headless = true });
            return new HeadlessBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}

/// <summary>A launched chromium and the Playwright driver behind it; disposing closes both.</summary>
public sealed class HeadlessBrowser(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
{
    public IBrowser Browser { get; } = browser;

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright.Dispose();
    }
}
