using System.Net;
using System.Text.Json;
using CurationPipeline.Items;
using CurationPipeline.Review;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CurationPipeline.Cli.Review;

/// <summary>
/// The local review page: Kestrel on 127.0.0.1, one HTML page (no external scripts or fonts) and a small
/// JSON API over the review store. Every API call carries a reviewer's token (<c>Authorization: Bearer</c>);
/// the reviewer is the token's owner, never a field of the request. Requests naming another host or coming
/// from another origin are refused. <paramref name="pool"/> (items by id) fills in disputes and newer item versions.
/// </summary>
internal sealed class ReviewServer(ReviewStore store, IReadOnlyDictionary<string, BenchmarkItem> pool) : IAsyncDisposable
{
    /// <summary>The largest request body accepted, in bytes.</summary>
    public const int MaxBodyBytes = 1 << 20;

    private const string ReviewerKey = "reviewer";

    private WebApplication? _app;
    private HashSet<string> _hosts = [];
    private HashSet<string> _origins = [];

    /// <summary>The address the page is served on, once started.</summary>
    public Uri? Address { get; private set; }

    public async Task<Uri> StartAsync(int port, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.AddServerHeader = false;
        });
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        var app = builder.Build();
        app.Use(Guard);
        Map(app);
        await app.StartAsync(cancellationToken);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        _hosts = new(StringComparer.OrdinalIgnoreCase) { $"127.0.0.1:{Address.Port}", $"localhost:{Address.Port}" };
        _origins = new(_hosts.Select(h => "http://" + h), StringComparer.OrdinalIgnoreCase);
        return Address;
    }

    /// <summary>Waits until the token is cancelled or the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            await _app.WaitForShutdownAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Headers on every response; the Host and Origin checks (a page of another site, or a name rebound to
    /// 127.0.0.1, is refused); the body limit; the token of every API call.
    /// </summary>
    private async Task Guard(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ReviewPage.ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers.CacheControl = "no-store";

        if (!_hosts.Contains(request.Host.Value ?? ""))
        {
            await Refuse(context, StatusCodes.Status421MisdirectedRequest, $"Host '{request.Host.Value}' is not this server's address ({string.Join(" or ", _hosts.Order())})");
            return;
        }

        if (request.Headers.Origin is { Count: > 0 } origin && !_origins.Contains(origin.ToString()))
        {
            await Refuse(context, StatusCodes.Status403Forbidden, $"requests from origin '{origin}' are refused; open the page at {Address}");
            return;
        }

        if (request.ContentLength > MaxBodyBytes || (request.ContentLength is null && HttpMethods.IsPost(request.Method) && !await Buffered(context)))
        {
            await Refuse(context, StatusCodes.Status413PayloadTooLarge, $"request body larger than {MaxBodyBytes / 1024} KiB; shorten the comments or the revision");
            return;
        }

        if (request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            var auth = request.Headers.Authorization.ToString();
            var token = auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? auth["Bearer ".Length..].Trim() : null;
            if (store.ReviewerOfToken(token) is not { } reviewer)
            {
                headers.WWWAuthenticate = "Bearer";
                await Refuse(context, StatusCodes.Status401Unauthorized, token is null
                    ? "sign in with your reviewer token (`curate review add-reviewer NAME` issues one)"
                    : "this token is not valid for this review store; ask for a new one (`curate review add-reviewer NAME`)");
                return;
            }

            context.Items[ReviewerKey] = reviewer;
        }

        await next(context);
    }

    /// <summary>Reads a body of unknown length into memory; false when it passes the limit.</summary>
    private static async Task<bool> Buffered(HttpContext context)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return false;
            }
        }

        buffer.Position = 0;
        context.Request.Body = buffer;
        context.Response.RegisterForDispose(buffer);
        return true;
    }

    private static Task Refuse(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ErrorBody(message, status));
    }

    private static string Reviewer(HttpContext context) => (string)context.Items[ReviewerKey]!;

    private void Map(WebApplication app)
    {
        app.MapGet("/", () => Results.Content(ReviewPage.Html, "text/html; charset=utf-8"));
        app.MapGet("/favicon.ico", () => Results.NoContent());
        app.MapGet("/api/me", (HttpContext c) => Results.Json(new { reviewer = Reviewer(c) }));
        app.MapGet("/api/progress", () => Results.Json(ReviewProgress.Of(store.Tasks())));
        app.MapGet("/api/next", (HttpContext c) =>
            store.NextTask(Reviewer(c)) is { } task ? Results.Json(TaskView.Of(task, Reviewer(c), id => pool.GetValueOrDefault(id) ?? store.ReviewOf(id).Item)) : Results.NoContent());
        app.MapPost("/api/tasks/{id:long}/qa", (HttpContext c, long id, QaBody body) => Decide(() =>
            store.SubmitQa(id, Reviewer(c), [.. (body.Verdicts ?? []).Select(v => new CriterionVerdict(v.Criterion ?? "", v.Pass, Blank(v.Comment)))],
                Blank(body.Comment), body.Action == "revise" ? RejectAction.Revise : RejectAction.Discard,
                body.Action == "revise" ? Revision(store.GetTask(id), body) : null)));
        app.MapPost("/api/tasks/{id:long}/entities", (HttpContext c, long id, EntitiesBody body) => Decide(() =>
            store.SubmitEntities(id, Reviewer(c), body.Accept, [.. (body.Entities ?? []).Select(e => new GoldEntity(e.Type ?? "", e.Text ?? "", e.Start, e.End))], Blank(body.Comment))));
        app.MapPost("/api/tasks/{id:long}/score", (HttpContext c, long id, ScoreBody body) => Decide(() =>
            store.SubmitScore(id, Reviewer(c), body.Score ?? double.NaN, Blank(body.Comment))));
    }

    private static IResult Decide(Func<ReviewTask> action)
    {
        try
        {
            var task = action();
            return Results.Json(new { task.Id, outcome = task.Outcome.ToString().ToLowerInvariant() });
        }
        catch (ReviewConflictException e)
        {
            return Results.Json(new ErrorBody(e.Message, StatusCodes.Status409Conflict), statusCode: StatusCodes.Status409Conflict);
        }
        catch (ReviewException e)
        {
            return Results.Json(new ErrorBody(e.Message, StatusCodes.Status400BadRequest), statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static BenchmarkItem? Revision(ReviewTask? task, QaBody body) =>
        task?.Item is { } item && body.Revision is { } r
            ? item with { Question = r.Question ?? item.Question, Options = r.Options ?? item.Options, Answer = r.Answer ?? item.Answer }
            : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    internal sealed record ErrorBody(string Error, int Status);

    internal sealed record VerdictBody(string? Criterion, bool Pass, string? Comment);

    internal sealed record RevisionBody(string? Question, List<string>? Options, string? Answer);

    internal sealed record QaBody(List<VerdictBody>? Verdicts, string? Comment, string? Action, RevisionBody? Revision);

    internal sealed record EntityBody(string? Type, string? Text, int? Start, int? End);

    internal sealed record EntitiesBody(bool Accept, List<EntityBody>? Entities, string? Comment);

    internal sealed record ScoreBody(double? Score, string? Comment);
}
