using System.CommandLine;
using System.Globalization;
using CurationPipeline.Datasets;
using CurationPipeline.Sources;
using Spectre.Console;

namespace CurationPipeline.Cli.Commands;

/// <summary>
/// `curate datasets fetch|list`: the public datasets of <c>pipelines/datasets.yaml</c>, downloaded, verified and laid
/// out in the public data folder as the readers expect. Results go to <c>console</c>; progress, notes and errors to
/// <c>errors</c>.
/// </summary>
internal static class DatasetsCommand
{
    public static Command Create(IAnsiConsole console, IAnsiConsole errors)
    {
        var command = new Command("datasets", "Public datasets: download them from their upstream locations, or list where they stand (see docs/datasets.md).");
        command.Subcommands.Add(Fetch(console, errors));
        command.Subcommands.Add(List(console));
        return command;
    }

    private static Option<FileInfo?> ManifestOption() =>
        new("--manifest") { Description = "A datasets manifest of your own (e.g. pointing at an internal mirror); default: the bundled pipelines/datasets.yaml." };

    private static Command Fetch(IAnsiConsole console, IAnsiConsole errors)
    {
        var names = new Argument<string[]>("name") { Description = "Datasets to fetch (default: all of the manifest).", Arity = ArgumentArity.ZeroOrMore };
        var to = new Option<DirectoryInfo?>("--to") { Description = $"Folder to put the datasets in (default: {PublicDataFolder.Variable}, else curate/datasets in the user's data folder)." };
        var from = new Option<string?>("--from") { Description = "A file you downloaded (a zip or tar.gz archive, a folder, or the file itself): files are taken from it, by name, before anything is downloaded." };
        var manifest = ManifestOption();
        var retries = new Option<int>("--retries") { Description = "Further attempts after an interrupted or failed transfer, each resuming where the last stopped.", DefaultValueFactory = _ => 2 };
        var timeout = new Option<int>("--timeout") { Description = "Seconds without data before a transfer is given up.", DefaultValueFactory = _ => 30 };
        var command = new Command("fetch", "Download public datasets, verify their checksums and lay them out as the readers expect; resumes interrupted downloads.")
        {
            names, to, from, manifest, retries, timeout,
        };
        command.SetAction((parse, ct) => new Fetcher(console, errors).RunAsync(
            parse.GetValue(names) ?? [], parse.GetValue(to), parse.GetValue(from), parse.GetValue(manifest), parse.GetValue(retries), parse.GetValue(timeout), ct));
        return command;
    }

    private static Command List(IAnsiConsole console)
    {
        var dir = new Option<DirectoryInfo?>("--dir") { Description = "Folder to look in (default: the public data folder)." };
        var manifest = ManifestOption();
        var command = new Command("list", "Each dataset of the manifest: present and verified, missing, or to be fetched with --from; its licence and folder.") { dir, manifest };
        command.SetAction(async (parse, ct) =>
        {
            var datasets = LoadManifest(parse.GetValue(manifest));
            var root = parse.GetValue(dir)?.FullName ?? PublicDataFolder.Current;
            var table = new Table().AddColumns("dataset", "status", "licence", "folder");
            var waiting = new List<DatasetEntry>();
            foreach (var dataset in datasets.Datasets)
            {
                var state = await DatasetInventory.CheckAsync(dataset, root, ct);
                table.AddRow(Markup.Escape(dataset.Name), Markup.Escape(state.Describe()), Markup.Escape(dataset.Licence), Markup.Escape(state.Folder));
                if (state.Presence != DatasetPresence.Verified && dataset.NeedsLogin)
                {
                    waiting.Add(dataset);
                }
            }

            console.Write(table);
            foreach (var line in LoginAdvice(waiting))
            {
                console.WriteLine(line);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static DatasetManifest LoadManifest(FileInfo? file) =>
        file is null ? DatasetManifestLoader.Bundled() : DatasetManifestLoader.Load(file.FullName);

    /// <summary>Where to get the datasets that come from a login page, one paragraph per page.</summary>
    private static IEnumerable<string> LoginAdvice(IReadOnlyList<DatasetEntry> datasets)
    {
        foreach (var page in datasets.Where(d => d.Login is not null).GroupBy(d => d.Login!, StringComparer.Ordinal))
        {
            var list = page.ToList();
            yield return $"{string.Join(", ", list.Select(d => d.Name))}: not downloaded by curate; get the files after signing in at {page.Key}";
            foreach (var note in list.Select(d => d.LoginNote).OfType<string>().Distinct(StringComparer.Ordinal).Take(1))
            {
                yield return "  " + note;
            }

            yield return $"  then: curate datasets fetch {string.Join(' ', list.Select(d => d.Name))} --from FILE";
            foreach (var file in list.SelectMany(d => d.Files).Where(f => f.UnofficialUrl is not null && !f.Optional))
            {
                yield return $"  unofficial copy, no licence: {file.UnofficialUrl}";
            }
        }
    }

    private sealed class Fetcher(IAnsiConsole console, IAnsiConsole errors)
    {
        public async Task<int> RunAsync(string[] names, DirectoryInfo? to, string? from, FileInfo? manifestFile, int retries, int timeout, CancellationToken ct)
        {
            if (retries < 0 || timeout < 1)
            {
                throw new UsageException(retries < 0 ? "--retries must be 0 or more" : "--timeout must be at least 1 second");
            }

            var manifest = LoadManifest(manifestFile);
            var selected = new List<DatasetEntry>();
            foreach (var name in names.Distinct(StringComparer.Ordinal))
            {
                selected.Add(manifest.Find(name)
                    ?? throw new UsageException($"unknown dataset '{name}' (known: {string.Join(", ", manifest.Datasets.Select(d => d.Name))})"));
            }

            var explicitNames = selected.Count > 0;
            if (!explicitNames)
            {
                selected.AddRange(manifest.Datasets);
            }

            var fromPath = from is null ? null : Path.GetFullPath(from);
            if (fromPath is not null && !File.Exists(fromPath) && !Directory.Exists(fromPath))
            {
                throw new UsageException($"--from {from}: no such file or folder");
            }

            var destination = to?.FullName ?? PublicDataFolder.Current;
            var options = new FetchOptions
            {
                Download = new DownloadOptions { Retries = retries, Timeout = TimeSpan.FromSeconds(timeout) },
            };
            errors.WriteLine($"curate datasets fetch: {selected.Count} dataset(s) into {destination}");
            using var http = HttpDownloader.CreateClient(options.Download);
            var progress = new FetchProgress(errors, selected.Sum(d => d.Files.Count), TimeProvider.System);
            var outcomes = await progress.WatchAsync(new DatasetFetcher(http, options, progress).FetchAsync(selected, destination, fromPath, ct));

            var failed = 0;
            foreach (var outcome in outcomes)
            {
                console.WriteLine(Summary(outcome, fromPath));
                if (!outcome.Complete && (explicitNames || fromPath is not null || !outcome.WaitsForFile))
                {
                    failed++;
                }
            }

            foreach (var line in LoginAdvice([.. outcomes.Where(o => o.WaitsForFile && fromPath is null).Select(o => o.Dataset)]))
            {
                errors.WriteLine(line);
            }

            if (outcomes.Any(o => o.Complete) && !string.Equals(destination, PublicDataFolder.Current, StringComparison.Ordinal))
            {
                errors.WriteLine($"note: curate run reads the public datasets from {PublicDataFolder.Current}; set {PublicDataFolder.Variable}={destination} or pass --public-data {destination} to read these.");
            }

            if (failed > 0)
            {
                errors.WriteLine($"{failed} dataset(s) could not be fetched completely (exit code {ExitCodes.DataUnavailable}).");
                return ExitCodes.DataUnavailable;
            }

            return ExitCodes.Success;
        }

        private static string Summary(DatasetOutcome outcome, string? from)
        {
            var files = outcome.Files;
            if (outcome.Complete)
            {
                var parts = new[]
                {
                    (FileStatus.Downloaded, "downloaded"), (FileStatus.Taken, $"taken from {from}"), (FileStatus.AlreadyPresent, "already present"),
                }.Select(p => (Count: files.Count(f => f.Status == p.Item1), Text: p.Item2)).Where(p => p.Count > 0).Select(p => $"{p.Count} {p.Text}");
                return string.Create(CultureInfo.InvariantCulture, $"{outcome.Dataset.Name}: ready, {files.Count(f => f.InPlace)} file(s) verified in {outcome.Folder} ({string.Join(", ", parts)})");
            }

            var missing = files.Where(f => !f.InPlace && !f.File.Optional).ToList();
            var what = outcome.WaitsForFile && from is null ? "needs a file from its login page" : "FAILED";
            return $"{outcome.Dataset.Name}: {what}: {string.Join(", ", missing.Take(3).Select(f => f.File.Path))}{(missing.Count > 3 ? $" and {missing.Count - 3} more" : "")} not in place";
        }
    }
}
