using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CurationPipeline.Review;
using CurationPipeline.Testing;
using CurationPipeline.Testing.Items;

namespace CurationPipeline.Cli.Tests.Review;

/// <summary>Two `curate review serve` processes on one store: one assignment submitted through both at once is saved once.</summary>
public sealed partial class ReviewServerConflictTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_same_assignment_submitted_through_two_servers_at_once_gives_one_200_and_one_409_every_time()
    {
        const int Items = 50;
        var path = _dir.File("review.db");
        var assignments = new List<(long Task, string Reviewer, string[] Criteria)>();
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var store = ReviewStore.Open(path, TimeProvider.System))
        {
            foreach (var i in Enumerable.Range(0, Items))
            {
                var item = TestItems.Choice($"c{i}");
                var task = store.EnqueueItem(item, ReviewFixtures.Reviewers);
                assignments.AddRange(task.Assignments.Select(a => (task.Id, a.Reviewer, ReviewCriteria.For(item).ToArray())));
            }

            foreach (var name in ReviewFixtures.Reviewers)
            {
                tokens[name] = store.IssueToken(name);
            }
        }

        var servers = new[] { Serve(path), Serve(path) };
        try
        {
            var urls = await Task.WhenAll(servers.Select(WaitForUrl));
            using var http = new HttpClient();
            var outcomes = new List<string>();
            foreach (var (task, reviewer, criteria) in assignments)
            {
                var body = new { verdicts = criteria.Select(c => new { criterion = c, pass = true }) };
                var sent = await Task.WhenAll(urls.Select(url =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, $"api/tasks/{task}/qa")) { Content = JsonContent.Create(body) };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[reviewer]);
                    return http.SendAsync(request);
                }));
                var codes = sent.Select(r => (int)r.StatusCode).Order().ToArray();
                outcomes.Add(string.Join('+', codes));
                Assert.True(codes is [200, 409], $"task {task}, {reviewer}: {string.Join(", ", codes)}; {await sent[^1].Content.ReadAsStringAsync()}");
                var conflict = sent.Single(r => r.StatusCode == HttpStatusCode.Conflict);
                Assert.Contains("nothing recorded", (await conflict.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["error"]!.GetValue<string>(), StringComparison.Ordinal);
                foreach (var response in sent)
                {
                    response.Dispose();
                }
            }

            Assert.Equal(assignments.Count, outcomes.Count(o => o == "200+409"));
        }
        finally
        {
            foreach (var server in servers)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
                server.Dispose();
            }
        }

        using var check = ReviewStore.Open(path, TimeProvider.System);
        Assert.All(check.Tasks(), t => Assert.Equal((TaskOutcome.Approved, 2), (t.Outcome, t.DecisionCount)));
    }

    private static Process Serve(string store) => CliHarness.StartProcess(["review", "serve", "--store", store, "--port", "0"]);

    private static async Task<Uri> WaitForUrl(Process server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (UrlPattern().Match(line) is { Success: true } m)
            {
                return new Uri(m.Value);
            }
        }

        throw new InvalidOperationException($"serve ended without an address: {await server.StandardError.ReadToEndAsync(timeout.Token)}");
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex UrlPattern();
}
