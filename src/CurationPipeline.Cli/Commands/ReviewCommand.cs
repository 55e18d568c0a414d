using System.CommandLine;
using CurationPipeline.Cli.Review;
using CurationPipeline.Composition;
using CurationPipeline.Items;
using CurationPipeline.Review;
using CurationPipeline.Splits;
using Spectre.Console;

namespace CurationPipeline.Cli.Commands;

/// <summary>`curate review enqueue|add-reviewer|revoke|serve|export|import`: reviewer tokens, the review page over a run's review.db, and spreadsheet exchange.</summary>
internal static class ReviewCommand
{
    public static Command Create(IAnsiConsole console, IAnsiConsole errors)
    {
        var command = new Command("review", "Expert review: a local page for reviewers, and export/import for spreadsheet review.");
        command.Subcommands.Add(Enqueue(console));
        command.Subcommands.Add(AddReviewer(console, errors));
        command.Subcommands.Add(Revoke(console));
        command.Subcommands.Add(Serve(console, errors));
        command.Subcommands.Add(Export(console));
        command.Subcommands.Add(Import(console));
        return command;
    }

    private static Option<FileInfo> StoreOption() => new("--store") { Description = "The review store (review.db beside the run's outputs).", Required = true };

    /// <summary>The composition of the review commands: a store's revisions are checked by the paradigms' rules.</summary>
    private static CompositionRoot Root() => CompositionRoot.Create(new CompositionOptions());

    private static ReviewStore OpenExisting(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new UsageException($"{file.FullName}: no review store there (a pipeline run with review writes review.db beside its outputs)");
        }

        try
        {
            return Root().OpenReviewStore(file.FullName);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static Command Serve(IAnsiConsole console, IAnsiConsole errors)
    {
        var store = StoreOption();
        var pool = new Option<string?>("--pool") { Description = "Pool Parquet (or run folder) to show the newest item versions and the items of disputes." };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1; 0 picks a free one (printed).", DefaultValueFactory = _ => 0 };
        var command = new Command("serve", "Serve the review page on 127.0.0.1 until Ctrl+C.") { store, pool, port };
        command.SetAction(async (parse, ct) =>
        {
            var portValue = parse.GetValue(port);
            if (portValue is < 0 or > 65535)
            {
                throw new UsageException($"--port: {portValue} is not a port (0 to 65535)");
            }

            using var reviews = OpenExisting(parse.GetValue(store)!);
            var items = new Dictionary<string, BenchmarkItem>(StringComparer.Ordinal);
            if (parse.GetValue(pool) is { } poolPath)
            {
                var wanted = reviews.Tasks().Select(t => t.ItemId).ToHashSet(StringComparer.Ordinal);
                await foreach (var item in PoolReader.ReadItemsAsync(PoolReader.Resolve(poolPath), wanted.Contains, ct))
                {
                    items[item.Id] = item;
                }
            }

            await using var server = new ReviewServer(reviews, items);
            var address = await server.StartAsync(portValue, ct);
            console.MarkupLineInterpolated($"review page: {address} ({reviews.Tasks().Count} tasks; Ctrl+C stops)");
            if (reviews.TokenHolders().Count == 0)
            {
                errors.MarkupLineInterpolated($"no reviewer can sign in yet: `curate review add-reviewer NAME --store {parse.GetValue(store)!.FullName}` issues a token");
            }
            await server.WaitForShutdownAsync(ct);
            errors.MarkupLine("review page stopped; every decision is saved in the store.");
            return 0;
        });
        return command;
    }

    private static Command AddReviewer(IAnsiConsole console, IAnsiConsole errors)
    {
        var store = StoreOption();
        var name = new Argument<string>("NAME") { Description = "The reviewer's name, as in the pipeline's reviewer list." };
        var command = new Command("add-reviewer", "Issue a sign-in token for a reviewer (printed once; only its hash is kept). Issuing again replaces the old token.") { name, store };
        command.SetAction(parse =>
        {
            using var reviews = OpenExisting(parse.GetValue(store)!);
            var reviewer = parse.GetValue(name)!.Trim();
            string token;
            try
            {
                token = reviews.IssueToken(reviewer);
            }
            catch (ReviewException e)
            {
                throw new UsageException(e.Message);
            }

            if (!reviews.Reviewers().Contains(reviewer, StringComparer.Ordinal))
            {
                errors.MarkupLineInterpolated($"warning: {reviewer} is not among this store's reviewers ({string.Join(", ", reviews.Reviewers())}); no task will be assigned to them");
            }

            console.MarkupLineInterpolated($"token for {reviewer} (shown once: give it to them privately; they paste it into the review page):");
            console.WriteLine(token);
            return 0;
        });
        return command;
    }

    private static Command Revoke(IAnsiConsole console)
    {
        var store = StoreOption();
        var name = new Argument<string>("NAME") { Description = "The reviewer whose token stops working." };
        var command = new Command("revoke", "Revoke a reviewer's sign-in token; their decisions stay.") { name, store };
        command.SetAction(parse =>
        {
            using var reviews = OpenExisting(parse.GetValue(store)!);
            var reviewer = parse.GetValue(name)!.Trim();
            if (!reviews.RevokeToken(reviewer))
            {
                throw new UsageException($"{reviewer}: holds no token in {reviews.Path}");
            }

            console.MarkupLineInterpolated($"{reviewer}: token revoked");
            return 0;
        });
        return command;
    }

    private static Command Enqueue(IAnsiConsole console)
    {
        var store = new Option<FileInfo>("--store") { Description = "The review store; created when absent.", Required = true };
        var pool = new Option<string>("--pool") { Description = "Pool Parquet (or run folder) whose items are queued.", Required = true };
        var reviewers = new Option<string>("--reviewers") { Description = "Comma-separated reviewer names (at least three).", Required = true };
        var command = new Command("enqueue", "Queue a pool's items for review without re-running the pipeline; items already queued keep their decisions.") { store, pool, reviewers };
        command.SetAction(async (parse, ct) =>
        {
            IReadOnlyList<string> names;
            try
            {
                names = ReviewerPicker.Validate(parse.GetValue(reviewers)!.Split(',', StringSplitOptions.TrimEntries));
            }
            catch (ArgumentException e)
            {
                throw new UsageException("--" + e.Message);
            }

            var files = PoolReader.Resolve(parse.GetValue(pool)!);
            using var reviews = Root().OpenReviewStore(parse.GetValue(store)!.FullName);
            var stage = new ReviewStage(reviews, names, Core.ReviewPolicy.Recorded);

            var count = 0;
            var started = System.Diagnostics.Stopwatch.StartNew();
            await foreach (var item in PoolReader.ReadItemsAsync(files, null, ct))
            {
                await stage.ProcessAsync(item, ct);
                count++;
            }

            console.MarkupLineInterpolated($"{count} items checked in {started.Elapsed.TotalSeconds:0.0} s; the store holds {reviews.Tasks().Count} tasks");
            return 0;
        });
        return command;
    }

    private static Command Export(IAnsiConsole console)
    {
        var store = StoreOption();
        var output = new Option<FileInfo>("--out") { Description = "CSV or JSONL file (by extension): one row per reviewer and task.", Required = true };
        var command = new Command("export", "Export every review assignment for spreadsheet review.") { store, output };
        command.SetAction(async (parse, ct) =>
        {
            using var reviews = OpenExisting(parse.GetValue(store)!);
            var path = parse.GetValue(output)!.FullName;
            Check(path, "--out");
            var rows = await ReviewExchange.ExportAsync(reviews, path, ct);
            console.MarkupLineInterpolated($"wrote {rows} rows to {path}");
            return 0;
        });
        return command;
    }

    private static Command Import(IAnsiConsole console)
    {
        var store = StoreOption();
        var input = new Option<FileInfo>("--in") { Description = "A filled-in export (CSV or JSONL).", Required = true };
        var command = new Command("import", "Import decisions from a filled-in export: all rows are checked, then applied together or not at all.") { store, input };
        command.SetAction(async (parse, ct) =>
        {
            using var reviews = OpenExisting(parse.GetValue(store)!);
            var path = parse.GetValue(input)!.FullName;
            Check(path, "--in");
            try
            {
                var (applied, skipped) = await ReviewExchange.ImportAsync(reviews, path, ct);
                console.MarkupLineInterpolated($"applied {applied} decisions; {skipped} rows skipped (no decision, or already decided)");
                return 0;
            }
            catch (ReviewException e)
            {
                throw new UsageException(e.Message);
            }
        });
        return command;
    }

    private static void Check(string path, string option)
    {
        if (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"{option}: {path} must end in .csv or .jsonl");
        }
    }
}
