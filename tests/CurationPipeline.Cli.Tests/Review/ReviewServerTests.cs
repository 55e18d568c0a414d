using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using CurationPipeline.Cli.Review;
using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Review;
using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests.Review;

/// <summary>The review server over real HTTP on a loopback port: tokens, Host and Origin checks, headers and limits.</summary>
public sealed class ReviewServerTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ReviewStore _store;
    private readonly Dictionary<string, string> _tokens;
    private readonly HttpClient _http = new();

    public ReviewServerTests()
    {
        _store = ReviewStore.Open(_dir.File("review.db"), TimeProvider.System);
        var stage = new ReviewStage(_store, ReviewFixtures.Reviewers, ReviewPolicy.Required);
        foreach (var item in ReviewFixtures.Items())
        {
            stage.ProcessAsync(item).GetAwaiter().GetResult();
        }

        _tokens = ReviewFixtures.Reviewers.ToDictionary(r => r, _store.IssueToken);
    }

    public void Dispose()
    {
        _http.Dispose();
        _store.Dispose();
        _dir.Dispose();
    }

    private async Task<(ReviewServer Server, Uri Url)> Start()
    {
        var server = new ReviewServer(_store, new Dictionary<string, BenchmarkItem>());
        return (server, await server.StartAsync(0));
    }

    private static HttpRequestMessage Request(HttpMethod method, Uri url, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    private static object AllPass(ReviewTask task, string? comment = null, object? reviewer = null) => new
    {
        reviewer,
        comment,
        verdicts = ReviewCriteria.For(task.Item!).Select(c => new { criterion = c, pass = true }),
    };

    private static async Task<string> Error(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["error"]!.GetValue<string>();

    [Fact]
    public async Task Calls_without_a_valid_token_get_401_and_the_reviewer_is_the_tokens_owner_never_a_body_field()
    {
        var (server, url) = await Start();
        await using var _ = server;
        var task = _store.FindTask("m1", ReviewKind.ItemQa)!;
        var (owner, other) = (task.Assignments[0].Reviewer, task.Assignments[1].Reviewer);
        var qa = new Uri(url, $"api/tasks/{task.Id}/qa");

        using (var none = await _http.SendAsync(Request(HttpMethod.Post, qa, null, AllPass(task, reviewer: other))))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
            Assert.Contains("add-reviewer", await Error(none), StringComparison.Ordinal);
        }

        using (var wrong = await _http.SendAsync(Request(HttpMethod.Get, new Uri(url, "api/next"), "crv_" + new string('x', 43))))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var page = await _http.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        // The body names the other reviewer; the decision is the token owner's, on the owner's slot.
        using (var saved = await _http.SendAsync(Request(HttpMethod.Post, qa, _tokens[owner], AllPass(task, "ok", other))))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var now = _store.GetTask(task.Id)!;
        Assert.Equal(owner, now.Assignments.Single(a => a.Decision is not null).Reviewer);
        Assert.Null(now.Assignments.Single(a => a.Reviewer == other).Decision);

        // A reviewer without an assignment on the task cannot decide it; the next task is the token owner's own.
        var third = ReviewFixtures.Reviewers.Single(r => r != owner && r != other);
        using (var stranger = await _http.SendAsync(Request(HttpMethod.Post, qa, _tokens[third], AllPass(task))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
            Assert.Contains("no open assignment", await Error(stranger), StringComparison.Ordinal);
        }

        using (var next = await _http.SendAsync(Request(HttpMethod.Get, new Uri(url, $"api/next?reviewer={owner}"), _tokens[other])))
        {
            Assert.Equal("m1", (await next.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["item_id"]!.GetValue<string>());
        }

        Assert.True(_store.RevokeToken(other));
        using (var revoked = await _http.SendAsync(Request(HttpMethod.Get, new Uri(url, "api/me"), _tokens[other])))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        }
    }

    [Fact]
    public async Task Another_host_or_origin_is_refused_and_every_response_carries_the_security_headers()
    {
        var (server, url) = await Start();
        await using var _ = server;
        var reviewer = ReviewFixtures.Reviewers[0];
        var me = new Uri(url, "api/me");

        var rebound = Request(HttpMethod.Get, url, null);
        rebound.Headers.Host = $"attacker.example:{url.Port}";
        var foreign = Request(HttpMethod.Get, me, _tokens[reviewer]);
        foreign.Headers.Add("Origin", "http://attacker.example");
        var local = Request(HttpMethod.Get, me, _tokens[reviewer]);
        local.Headers.Host = $"localhost:{url.Port}";
        local.Headers.Add("Origin", $"http://localhost:{url.Port}");

        var responses = new List<HttpResponseMessage>();
        foreach (var (request, expected) in new[]
        {
            (rebound, HttpStatusCode.MisdirectedRequest), (foreign, HttpStatusCode.Forbidden), (local, HttpStatusCode.OK),
            (Request(HttpMethod.Get, url, null), HttpStatusCode.OK), (Request(HttpMethod.Get, me, null), HttpStatusCode.Unauthorized),
            (Request(HttpMethod.Get, new Uri(url, "nothing-here"), null), HttpStatusCode.NotFound),
        })
        {
            var response = await _http.SendAsync(request);
            responses.Add(response);
            Assert.Equal(expected, response.StatusCode);
        }

        Assert.Contains("attacker.example", await Error(responses[0]), StringComparison.Ordinal);
        Assert.Contains("attacker.example", await Error(responses[1]), StringComparison.Ordinal);
        foreach (var response in responses)
        {
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Matches("script-src 'sha256-[A-Za-z0-9+/=]{44}'", csp);
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            response.Dispose();
        }
    }

    [Fact]
    public async Task Oversized_bodies_get_413_and_overlong_comments_400_with_a_clear_message_and_nothing_is_stored()
    {
        var (server, url) = await Start();
        await using var _ = server;
        var task = _store.FindTask("m1", ReviewKind.ItemQa)!;
        var token = _tokens[task.Assignments[0].Reviewer];
        var qa = new Uri(url, $"api/tasks/{task.Id}/qa");

        using (var huge = await _http.SendAsync(Request(HttpMethod.Post, qa, token, AllPass(task, new string('x', 25 * 1024 * 1024)))))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
            Assert.Contains("larger than 1024 KiB", await Error(huge), StringComparison.Ordinal);
        }

        // The same without a Content-Length (chunked).
        var chunked = Request(HttpMethod.Post, qa, token);
        var json = System.Text.Json.JsonSerializer.Serialize(AllPass(task, new string('y', 2 * 1024 * 1024)));
        chunked.Content = new StreamContent(new NoLengthStream(Encoding.UTF8.GetBytes(json)));
        chunked.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using (var response = await _http.SendAsync(chunked))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }

        using (var long1 = await _http.SendAsync(Request(HttpMethod.Post, qa, token, AllPass(task, new string('z', ReviewStore.MaxCommentLength + 1)))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, long1.StatusCode);
            Assert.Contains("field 'comment': 10,001 characters, at most 10,000", await Error(long1), StringComparison.Ordinal);
        }

        Assert.Equal(0, _store.GetTask(task.Id)!.DecisionCount);
    }

    /// <summary>A readable stream that does not tell its length, so the client sends it chunked.</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
