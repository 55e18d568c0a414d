using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using CurationPipeline.Testing;

namespace CurationPipeline.Bench;

/// <summary>One run of an npm PII redactor over a set of notes.</summary>
internal sealed record JsRedactionRun(string Redactor, int Notes, long Bytes, int Passes, double Milliseconds, IReadOnlyList<string> Redacted)
{
    /// <summary>UTF-8 megabytes (10^6 bytes) per second over all passes.</summary>
    public double MegabytesPerSecond => Bytes * (double)Passes / 1e6 / (Milliseconds / 1000);
}

/// <summary>
/// Runs js/redact-compare.mjs (redact-pii or openredaction from npm) under Node over notes written to a
/// temporary JSONL file; the script times only its redaction loop. <see cref="EnsureInstalledAsync"/> installs
/// the npm packages (js/package-lock.json) first, so only a run that compares with them needs Node and npm.
/// </summary>
internal static class JsRedactor
{
    private static readonly string Folder = typeof(JsRedactor).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "JsDir").Value!;

    public static async Task<JsRedactionRun> RunAsync(string redactor, IReadOnlyList<string> notes, int passes = 1, CancellationToken cancellationToken = default)
    {
        using var dir = new TempDirectory();
        var input = dir.File("in.jsonl");
        var output = dir.File("out.jsonl");
        await File.WriteAllLinesAsync(input, notes.Select((t, i) => new JsonObject { ["id"] = i, ["text"] = t }.ToJsonString()), cancellationToken);
        var stdout = await RunAsync("node", ["redact-compare.mjs", redactor, input, output, passes.ToString(CultureInfo.InvariantCulture)], cancellationToken);

        var summary = JsonNode.Parse(stdout.Trim().Split('\n')[^1])!.AsObject();
        var redacted = new string[notes.Count];
        foreach (var line in await File.ReadAllLinesAsync(output, cancellationToken))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var o = JsonNode.Parse(line)!.AsObject();
            redacted[o["id"]!.GetValue<int>()] = o["redacted"]!.GetValue<string>();
        }

        var missing = Array.FindIndex(redacted, string.IsNullOrEmpty);
        if (missing >= 0)
        {
            throw new InvalidOperationException($"{redactor} returned no text for note {missing} of {notes.Count}");
        }

        return new JsRedactionRun(
            redactor,
            summary["notes"]!.GetValue<int>(),
            summary["bytes"]!.GetValue<long>(),
            summary["passes"]!.GetValue<int>(),
            summary["ms"]!.GetValue<double>(),
            redacted);
    }

    /// <summary>
    /// Checks that Node runs and installs the npm packages (npm ci in js/) when node_modules is missing or older
    /// than the lock file; returns Node's version.
    /// </summary>
    public static async Task<string> EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        var version = (await RunAsync("node", ["--version"], cancellationToken)).Trim();
        var lockFile = Path.Combine(Folder, "package-lock.json");
        var installed = Path.Combine(Folder, "node_modules", ".package-lock.json");
        if (!File.Exists(installed) || File.GetLastWriteTimeUtc(installed) < File.GetLastWriteTimeUtc(lockFile))
        {
            Console.Error.WriteLine($"installing the npm redactors (npm ci in {Folder})");
            await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], cancellationToken);
        }

        return version;
    }

    private static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Start(psi);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {(await stderr).Trim()}");
        }

        return await stdout;
    }

    private static Process Start(ProcessStartInfo psi)
    {
        try
        {
            return Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"could not start {psi.FileName} ({e.Message}): the --js comparison needs Node and npm on PATH; --js none leaves it out", e);
        }
    }
}
