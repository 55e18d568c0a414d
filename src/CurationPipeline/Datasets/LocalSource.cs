using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace CurationPipeline.Datasets;

/// <summary>What a local path holds, told by its first bytes rather than its name.</summary>
public enum LocalSourceKind
{
    Folder,
    Zip,
    Tar,
    TarGz,
    Gz,
    File,
}

/// <summary>One file inside a local source, readable while the scan stands on it.</summary>
public sealed class SourceEntry
{
    private readonly Func<Stream> _open;
    private readonly bool _ownsStream;

    internal SourceEntry(string path, long? length, Func<Stream> open, bool ownsStream)
    {
        Path = path;
        Length = length;
        _open = open;
        _ownsStream = ownsStream;
    }

    /// <summary>Path inside the source, '/'-separated.</summary>
    public string Path { get; }

    public long? Length { get; }

    /// <summary>True when the entry is the file <paramref name="member"/> names: the same path, or a path ending in it.</summary>
    public bool Is(string member) =>
        string.Equals(Path, member, StringComparison.OrdinalIgnoreCase)
        || Path.EndsWith("/" + member, StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes the entry's bytes to a file (created or truncated).</summary>
    public async Task CopyToAsync(string destination, CancellationToken cancellationToken = default)
    {
        var stream = _open();
        try
        {
            await using var file = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await stream.CopyToAsync(file, cancellationToken);
        }
        finally
        {
            if (_ownsStream)
            {
                await stream.DisposeAsync();
            }
        }
    }
}

/// <summary>
/// The files a local path offers: a folder (searched to any depth; archives in it are opened too), a zip, tar or
/// tar.gz archive, a gzip-compressed file, or a single file. Used for <c>--from</c> and for downloaded archives.
/// Entries are only ever copied to paths the manifest names, so names inside an archive cannot place files elsewhere.
/// </summary>
public static class LocalSource
{
    /// <summary>What the path holds.</summary>
    public static LocalSourceKind Detect(string path)
    {
        if (Directory.Exists(path))
        {
            return LocalSourceKind.Folder;
        }

        Span<byte> head = stackalloc byte[512];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (read >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] is 3 or 5 && head[3] is 4 or 6)
        {
            return LocalSourceKind.Zip;
        }

        if (read >= 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            Span<byte> inner = stackalloc byte[512];
            try
            {
                return IsTarHeader(inner[..gz.ReadAtLeast(inner, inner.Length, throwOnEndOfStream: false)]) ? LocalSourceKind.TarGz : LocalSourceKind.Gz;
            }
            catch (InvalidDataException)
            {
                return LocalSourceKind.Gz;
            }
        }

        return IsTarHeader(head[..read]) ? LocalSourceKind.Tar : LocalSourceKind.File;
    }

    /// <summary>Every file the path offers, in a stable order; each entry is readable until the next is asked for.</summary>
    public static async IAsyncEnumerable<SourceEntry> EntriesAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var kind = Detect(path);
        if (kind == LocalSourceKind.Folder)
        {
            var files = Directory.GetFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None });
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var file in files)
            {
                var relative = Path.GetRelativePath(path, file).Replace('\\', '/');
                if (Detect(file) is LocalSourceKind.Zip or LocalSourceKind.Tar or LocalSourceKind.TarGz)
                {
                    await foreach (var inner in ArchiveEntriesAsync(file, Detect(file), relative + "/", cancellationToken))
                    {
                        yield return inner;
                    }

                    continue;
                }

                yield return FileEntry(file, relative);
            }

            yield break;
        }

        await foreach (var entry in ArchiveEntriesAsync(path, kind, "", cancellationToken))
        {
            yield return entry;
        }
    }

    private static async IAsyncEnumerable<SourceEntry> ArchiveEntriesAsync(string path, LocalSourceKind kind, string prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        switch (kind)
        {
            case LocalSourceKind.Zip:
                using (var zip = ZipFile.OpenRead(path))
                {
                    foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')).OrderBy(e => e.FullName, StringComparer.Ordinal))
                    {
                        yield return new SourceEntry(prefix + entry.FullName.Replace('\\', '/'), entry.Length, entry.Open, ownsStream: true);
                    }
                }

                break;
            case LocalSourceKind.Tar or LocalSourceKind.TarGz:
                await using (var file = File.OpenRead(path))
                await using (Stream stream = kind == LocalSourceKind.TarGz ? new GZipStream(file, CompressionMode.Decompress) : file)
                await using (var tar = new TarReader(stream))
                {
                    while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
                    {
                        if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.DataStream is { } data)
                        {
                            // The reader owns the data stream and moves past it on the next entry.
                            yield return new SourceEntry(prefix + TarPath(entry.Name), entry.Length, () => data, ownsStream: false);
                        }
                    }
                }

                break;
            case LocalSourceKind.Gz:
                var name = Path.GetFileName(path);
                var inner = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
                yield return new SourceEntry(prefix + inner, null, () => new GZipStream(File.OpenRead(path), CompressionMode.Decompress), ownsStream: true);
                break;
            default:
                yield return FileEntry(path, prefix + Path.GetFileName(path));
                break;
        }
    }

    private static SourceEntry FileEntry(string file, string relative) =>
        new(relative, new FileInfo(file).Length, () => File.OpenRead(file), ownsStream: true);

    private static string TarPath(string name)
    {
        name = name.Replace('\\', '/');
        while (name.StartsWith("./", StringComparison.Ordinal))
        {
            name = name[2..];
        }

        return name.TrimStart('/');
    }

    /// <summary>A POSIX (ustar) or GNU tar header: "ustar" at offset 257.</summary>
    private static bool IsTarHeader(ReadOnlySpan<byte> block) =>
        block.Length >= 262 && block.Slice(257, 5).SequenceEqual("ustar"u8);
}
