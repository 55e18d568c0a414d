using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace CurationPipeline.Testing;

/// <summary>One run of an npm PII redactor over a set of notes.</summary>
public sealed record JsRedactionRun(string Redactor, int Notes, long Bytes, int Passes, double Milliseconds, IReadOnlyList<string> Redacted)
{
    /// <summary>UTF-8 megabytes (10^6 bytes) per second over all passes.</summary>
    public double MegabytesPerSecond => Bytes * (double)Passes / 1e6 / (Milliseconds / 1000);
}

/// <summary>
/// Runs tests/interop/redact-compare.mjs (redact-pii or openredaction from npm) under Node over notes
/// written to a temporary JSONL file; the script times only its redaction loop.
/// </summary>
public static class JsRedactor
{
    public static async Task<JsRedactionRun> RunAsync(string redactor, IReadOnlyList<string> notes, int passes = 1, CancellationToken cancellationToken = default)
    {
        using var dir = new TempDirectory();
        var input = dir.File("in.jsonl");
        var output = dir.File("out.jsonl");
        await File.WriteAllLinesAsync(input, notes.Select((t, i) => new JsonObject { ["id"] = i, ["text"] = t }.ToJsonString()), cancellationToken);
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = Interop.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in new[] { "redact-compare.mjs", redactor, input, output, passes.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"redact-compare.mjs {redactor} exited with {process.ExitCode}: {(await stderr).Trim()}");
        }

        var summary = JsonNode.Parse((await stdout).Trim().Split('\n')[^1])!.AsObject();
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

        return new JsRedactionRun(
            redactor,
            summary["notes"]!.GetValue<int>(),
            summary["bytes"]!.GetValue<long>(),
            summary["passes"]!.GetValue<int>(),
            summary["ms"]!.GetValue<double>(),
            redacted);
    }

}
