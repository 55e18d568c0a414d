using System.Diagnostics;
using System.Globalization;
using CurationPipeline.Testing;

namespace CurationPipeline.Bench;

/// <summary>
/// The loopback OpenAI-compatible server in a process of its own, so that a benchmark measures the client's
/// time and memory apart from the server's: prints its base URL, serves until its standard input closes, then
/// prints its own figures.
/// </summary>
internal sealed class LoopbackServerVerb : IBenchmark
{
    public string Name => "openai-server";

    public string Description => "the loopback server alone, until stdin closes (used by llm --batch) [--batch-polls N]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        await using var server = await OpenAiTestServer.StartAsync(cancellationToken);
        server.KeepRequestLog = false;
        var at = Array.IndexOf(args, "--batch-polls");
        server.BatchPolls = at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 1;
        Console.WriteLine(server.BaseUrl);
        await Console.In.ReadToEndAsync(cancellationToken);
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"server: {server.Batches.Count} batches, {server.FilesUploaded} files uploaded, {server.BatchRetrieves} retrieves, {server.BatchLinesAnswered} lines answered, {server.ChatRequests} direct calls; CPU {self.TotalProcessorTime.TotalSeconds:0.000} s, peak working set {self.PeakWorkingSet64 / 1048576.0:0} MB"));
        return 0;
    }

    /// <summary>Starts this verb as a child process; returns it and the server's base URL.</summary>
    public static (Process Process, Uri BaseUrl) Start(params string[] args)
    {
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(LoopbackServerVerb).Assembly.Location);
        }

        start.ArgumentList.Add("openai-server");
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start)!;
        var url = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the loopback server did not start");
        return (process, new Uri(url));
    }

    /// <summary>Closes the server's input and returns the figures it printed.</summary>
    public static async Task<string> StopAsync(Process process)
    {
        process.StandardInput.Close();
        var figures = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return figures.Trim();
    }
}
