using System.Collections.Concurrent;
using System.Globalization;

namespace CurationPipeline.Datasets;

/// <summary>How a fetch behaves.</summary>
public sealed record FetchOptions
{
    public DownloadOptions Download { get; init; } = new();

    /// <summary>Files downloaded at once.</summary>
    public int MaxParallel { get; init; } = 4;
}

/// <summary>
/// Puts the files of datasets in place under a folder: a file already there with the right checksum stays; the
/// others come from the <c>--from</c> path when it holds them, else from their URL (an archive URL is downloaded
/// once and its members taken out). Every file is verified before it is moved into place; a failure of one file
/// does not stop the others.
/// </summary>
public sealed class DatasetFetcher(HttpClient http, FetchOptions options, IFetchObserver observer)
{
    private readonly HttpDownloader _downloader = new(http, options.Download);
    private readonly ConcurrentDictionary<Work, FileOutcome> _outcomes = new();

    /// <summary>Hosts found unreachable in this fetch, with the reason; their other files fail at once.</summary>
    private readonly ConcurrentDictionary<string, string> _unreachable = new(StringComparer.OrdinalIgnoreCase);

    private sealed record Work(DatasetEntry Dataset, DatasetFile File, string Destination)
    {
        public Uri? Url => Dataset.SourceUrl(File);

        public string Label => FetchLabel.Of(Dataset, File);
    }

    /// <summary>Fetches the datasets into <c>&lt;destination&gt;/&lt;folder&gt;/</c>; <paramref name="from"/> is a folder, archive or file to take files from first.</summary>
    public async Task<IReadOnlyList<DatasetOutcome>> FetchAsync(IReadOnlyList<DatasetEntry> datasets, string destination, string? from, CancellationToken cancellationToken = default)
    {
        _outcomes.Clear();
        _unreachable.Clear();
        var all = datasets.SelectMany(d => d.Files.Select(f => new Work(d, f, Path.Combine(destination, d.FolderName, f.Path)))).ToList();
        var pending = new List<Work>();
        foreach (var work in all)
        {
            if (File.Exists(work.Destination))
            {
                if (await work.File.Checksum.MatchesAsync(work.Destination, cancellationToken))
                {
                    Record(work, FileStatus.AlreadyPresent);
                    continue;
                }

                observer.Note(work.Label, $"{work.Destination} differs from the manifest's {work.File.Checksum.KindName}; fetching it again");
            }

            pending.Add(work);
        }

        var problems = new Dictionary<Work, string>();
        if (from is not null && pending.Count > 0)
        {
            try
            {
                var byChecksum = LocalSource.Detect(from) == LocalSourceKind.File;
                problems = await TakeAsync(from, pending, byChecksum, FileStatus.Taken, cancellationToken);
            }
            catch (Exception e) when (Unreadable(e))
            {
                // Files with a URL are still downloaded; the others fail with the reason.
                problems = pending.ToDictionary(w => w, _ => $"cannot read {from}: {e.Message}");
            }

            pending.RemoveAll(_outcomes.ContainsKey);
            foreach (var (work, problem) in problems.Where(p => p.Key.Url is not null))
            {
                observer.Note(work.Label, problem + "; downloading it instead");
            }
        }

        foreach (var group in pending.Where(w => w.File.Archive).GroupBy(w => w.Url!))
        {
            await FromArchiveAsync(group.Key, [.. group], destination, cancellationToken);
        }

        await Parallel.ForEachAsync(
            pending.Where(w => !w.File.Archive && w.Url is not null),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallel), CancellationToken = cancellationToken },
            async (work, ct) =>
            {
                try
                {
                    await DownloadAsync(work, work.Url!, ct);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Record(work, work.File.Optional ? FileStatus.Skipped : FileStatus.Failed, $"cannot write {work.Destination}: {e.Message}", work.Url);
                }
            });

        foreach (var work in pending.Where(w => w.Url is null))
        {
            var (status, detail) = (from, problems.GetValueOrDefault(work)) switch
            {
                (_, { } problem) => (FileStatus.Failed, problem),
                (null, _) => (FileStatus.NeedsFile, $"comes from {work.Dataset.Login} (give it with --from)"),
                _ => (FileStatus.NotFound, $"{from} holds no {work.File.MemberName}"),
            };
            // An optional file that is simply absent is no news; one that differs is.
            Record(work, work.File.Optional ? FileStatus.Skipped : status, work.File.Optional ? problems.GetValueOrDefault(work) : detail);
        }

        foreach (var dataset in datasets)
        {
            RemoveIfEmpty(Path.Combine(destination, dataset.FolderName));
        }

        return [.. datasets.Select(d => new DatasetOutcome(d, Path.Combine(destination, d.FolderName),
            [.. all.Where(w => w.Dataset == d).Select(w => _outcomes[w])]))];
    }

    /// <summary>
    /// Takes the wanted files out of a local source by member name (or, for a single file, by checksum whatever its
    /// name), recording them as <paramref name="takenAs"/>. Returns, for wanted files that were seen but did not verify, why.
    /// </summary>
    private async Task<Dictionary<Work, string>> TakeAsync(string source, IReadOnlyList<Work> wanted, bool byChecksum, FileStatus takenAs, CancellationToken ct)
    {
        var open = wanted.ToList();
        var problems = new Dictionary<Work, string>();
        await foreach (var entry in LocalSource.EntriesAsync(source, ct))
        {
            var candidates = open.Where(w => byChecksum || entry.Is(w.File.MemberName)).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var folder = Path.GetDirectoryName(candidates[0].Destination)!;
            Directory.CreateDirectory(folder);
            var temp = Path.Combine(folder, "." + Guid.NewGuid().ToString("N")[..12] + ".part");
            try
            {
                await entry.CopyToAsync(temp, ct);
                var computed = new Dictionary<ChecksumKind, string>();
                foreach (var work in candidates)
                {
                    var checksum = work.File.Checksum;
                    if (!computed.TryGetValue(checksum.Kind, out var got))
                    {
                        computed[checksum.Kind] = got = await checksum.ComputeAsync(temp, ct);
                    }

                    if (string.Equals(got, checksum.Value, StringComparison.OrdinalIgnoreCase))
                    {
                        Place(temp, work.Destination, copy: true);
                        Record(work, takenAs, $"from {entry.Path}");
                        open.Remove(work);
                        problems.Remove(work);
                    }
                    else if (entry.Is(work.File.MemberName))
                    {
                        problems[work] = $"{entry.Path} in {source} has {checksum.KindName} {got}, expected {checksum.Value}";
                    }
                }
            }
            finally
            {
                File.Delete(temp);
            }

            if (open.Count == 0)
            {
                break;
            }
        }

        return problems;
    }

    private async Task FromArchiveAsync(Uri url, IReadOnlyList<Work> members, string destination, CancellationToken ct)
    {
        var downloads = Path.Combine(destination, ".downloads");
        Directory.CreateDirectory(downloads);
        var name = Uri.UnescapeDataString(url.Segments[^1]);
        var archive = Path.Combine(downloads, string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c)));
        var label = members[0].Dataset.Name + "/" + name;
        if (await TransferAsync(label, url, archive + ".part", null, ct) is { } failure)
        {
            foreach (var work in members)
            {
                Record(work, work.File.Optional ? FileStatus.Skipped : FileStatus.Failed, failure, url);
            }

            return;
        }

        File.Move(archive + ".part", archive, overwrite: true);
        try
        {
            Dictionary<Work, string> problems;
            try
            {
                problems = await TakeAsync(archive, members, byChecksum: false, FileStatus.Downloaded, ct);
            }
            catch (Exception e) when (Unreadable(e))
            {
                problems = members.ToDictionary(w => w, _ => $"the archive cannot be read: {e.Message}");
            }

            foreach (var work in members.Where(w => !_outcomes.ContainsKey(w)))
            {
                var detail = problems.GetValueOrDefault(work) ?? $"the archive holds no {work.File.MemberName}";
                Record(work, work.File.Optional ? FileStatus.Skipped : FileStatus.Failed, detail, url);
            }
        }
        finally
        {
            File.Delete(archive);
            RemoveIfEmpty(downloads);
        }
    }

    private async Task DownloadAsync(Work work, Uri url, CancellationToken ct)
    {
        var part = work.Destination + ".part";
        Directory.CreateDirectory(Path.GetDirectoryName(part)!);
        var resumed = File.Exists(part) && new FileInfo(part).Length > 0;
        var failure = await TransferAsync(work.Label, url, part, work.File.Size, ct);
        var problem = failure is null ? await VerifyAsync(work.File, part, ct) : null;
        if (problem is not null && resumed)
        {
            // The kept part may be the start of another version of the file: once more from the beginning.
            observer.Note(work.Label, problem + "; downloading it again from the start");
            File.Delete(part);
            failure = await TransferAsync(work.Label, url, part, work.File.Size, ct);
            problem = failure is null ? await VerifyAsync(work.File, part, ct) : null;
        }

        if (failure is not null)
        {
            var kept = File.Exists(part) ? new FileInfo(part).Length : 0;
            if (kept == 0)
            {
                File.Delete(part);
            }

            var resume = kept > 0 ? string.Create(CultureInfo.InvariantCulture, $"; run again to resume ({kept} bytes kept in {Path.GetFileName(part)})") : "";
            Record(work, work.File.Optional ? FileStatus.Skipped : FileStatus.Failed, failure + resume, url);
        }
        else if (problem is not null)
        {
            File.Delete(part);
            Record(work, work.File.Optional ? FileStatus.Skipped : FileStatus.Failed, problem + "; the download was deleted", url);
        }
        else
        {
            Place(part, work.Destination, copy: false);
            Record(work, FileStatus.Downloaded, string.Create(CultureInfo.InvariantCulture, $"{new FileInfo(work.Destination).Length} bytes"), url);
        }
    }

    /// <summary>Downloads into the part file; null on success, else the reason in one line.</summary>
    private async Task<string?> TransferAsync(string label, Uri url, string part, long? size, CancellationToken ct)
    {
        if (_unreachable.TryGetValue(url.Authority, out var reason))
        {
            return reason;
        }

        try
        {
            await _downloader.DownloadAsync(url, part, size, (bytes, total) => observer.Transfer(label, bytes, total), message => observer.Note(label, message), ct);
            return null;
        }
        catch (DownloadException e)
        {
            if (e.Unreachable)
            {
                _unreachable.TryAdd(url.Authority, e.Message);
            }

            return e.Message;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write {part}: {e.Message}";
        }
        finally
        {
            observer.TransferEnded(label);
        }
    }

    /// <summary>Null when the file has the manifest's size and checksum, else what differs.</summary>
    private static async Task<string?> VerifyAsync(DatasetFile file, string path, CancellationToken ct)
    {
        var length = new FileInfo(path).Length;
        if (file.Size is { } size && size != length)
        {
            return string.Create(CultureInfo.InvariantCulture, $"size mismatch: expected {size} bytes, got {length}");
        }

        var got = await file.Checksum.ComputeAsync(path, ct);
        return string.Equals(got, file.Checksum.Value, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"checksum mismatch: expected {file.Checksum.KindName} {file.Checksum.Value}, got {got}";
    }

    /// <summary>Moves (or copies) a verified file into place through a part file, so the destination is never half-written.</summary>
    private static void Place(string verified, string destination, bool copy)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        if (copy)
        {
            var part = destination + ".part";
            File.Copy(verified, part, overwrite: true);
            verified = part;
        }

        File.Move(verified, destination, overwrite: true);
    }

    private void Record(Work work, FileStatus status, string? detail = null, Uri? url = null)
    {
        var outcome = new FileOutcome(work.Dataset, work.File, work.Destination, status, detail, url);
        _outcomes[work] = outcome;
        observer.Done(outcome);
    }

    /// <summary>A damaged archive, or a file that cannot be read or written.</summary>
    private static bool Unreadable(Exception e) => e is InvalidDataException or IOException or UnauthorizedAccessException;

    /// <summary>Removes a folder left empty by failed downloads, with its empty subfolders.</summary>
    private static void RemoveIfEmpty(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var sub in Directory.GetDirectories(folder))
        {
            RemoveIfEmpty(sub);
        }

        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }
}
