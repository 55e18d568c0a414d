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
/// JSON API over the review store. <paramref name="pool"/> (items by id) fills in disputes and newer item versions.
/// </summary>
internal sealed class ReviewServer(ReviewStore store, IReadOnlyDictionary<string, BenchmarkItem> pool) : IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The address the page is served on, once started.</summary>
    public Uri? Address { get; private set; }

    public async Task<Uri> StartAsync(int port, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        var app = builder.Build();
        Map(app);
        await app.StartAsync(cancellationToken);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
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

    private void Map(WebApplication app)
    {
        app.MapGet("/", () => Results.Content(ReviewPage.Html, "text/html; charset=utf-8"));
        app.MapGet("/api/reviewers", () => Results.Json(store.Reviewers()));
        app.MapGet("/api/progress", () => Results.Json(ReviewProgress.Of(store.Tasks())));
        app.MapGet("/api/next", (string reviewer) =>
            store.NextTask(reviewer) is { } task ? Results.Json(TaskView.Of(task, reviewer, id => pool.GetValueOrDefault(id) ?? store.ReviewOf(id).Item)) : Results.NoContent());
        app.MapPost("/api/tasks/{id:long}/qa", (long id, QaBody body) => Decide(() =>
            store.SubmitQa(id, body.Reviewer ?? "", [.. (body.Verdicts ?? []).Select(v => new CriterionVerdict(v.Criterion ?? "", v.Pass, Blank(v.Comment)))],
                Blank(body.Comment), body.Action == "revise" ? RejectAction.Revise : RejectAction.Discard,
                body.Action == "revise" ? Revision(store.GetTask(id), body) : null)));
        app.MapPost("/api/tasks/{id:long}/entities", (long id, EntitiesBody body) => Decide(() =>
            store.SubmitEntities(id, body.Reviewer ?? "", body.Accept, [.. (body.Entities ?? []).Select(e => new GoldEntity(e.Type ?? "", e.Text ?? "", e.Start, e.End))], Blank(body.Comment))));
        app.MapPost("/api/tasks/{id:long}/score", (long id, ScoreBody body) => Decide(() =>
            store.SubmitScore(id, body.Reviewer ?? "", body.Score ?? double.NaN, Blank(body.Comment))));
    }

    private static IResult Decide(Func<ReviewTask> action)
    {
        try
        {
            var task = action();
            return Results.Json(new { task.Id, outcome = task.Outcome.ToString().ToLowerInvariant() });
        }
        catch (ReviewException e)
        {
            return Results.Json(new { error = e.Message }, statusCode: StatusCodes.Status400BadRequest);
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

    internal sealed record VerdictBody(string? Criterion, bool Pass, string? Comment);

    internal sealed record RevisionBody(string? Question, List<string>? Options, string? Answer);

    internal sealed record QaBody(string? Reviewer, List<VerdictBody>? Verdicts, string? Comment, string? Action, RevisionBody? Revision);

    internal sealed record EntityBody(string? Type, string? Text, int? Start, int? End);

    internal sealed record EntitiesBody(string? Reviewer, bool Accept, List<EntityBody>? Entities, string? Comment);

    internal sealed record ScoreBody(string? Reviewer, double? Score, string? Comment);
}
