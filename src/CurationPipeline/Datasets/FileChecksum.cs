using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CurationPipeline.Datasets;

/// <summary>How a file's checksum is computed.</summary>
public enum ChecksumKind
{
    /// <summary>SHA-256 over the bytes.</summary>
    Sha256,

    /// <summary>Git's blob id: SHA-1 over <c>blob &lt;size&gt;\0</c> followed by the bytes.</summary>
    GitBlobSha1,
}

/// <summary>The checksum a file must have, and its computation.</summary>
public sealed record FileChecksum(ChecksumKind Kind, string Value)
{
    /// <summary>The manifest key of the kind.</summary>
    public string KindName => Kind == ChecksumKind.Sha256 ? "sha256" : "git_blob_sha1";

    /// <summary>Computes the checksum of a file's bytes, lowercase hex.</summary>
    public async Task<string> ComputeAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        if (Kind == ChecksumKind.Sha256)
        {
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }

        // Git names a blob by SHA-1; it is the only checksum GitHub gives for files it serves at a commit.
#pragma warning disable CA5350
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
#pragma warning restore CA5350
        hash.AppendData(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"blob {stream.Length}\0")));
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>True when the file has this checksum.</summary>
    public async Task<bool> MatchesAsync(string path, CancellationToken cancellationToken = default) =>
        string.Equals(await ComputeAsync(path, cancellationToken), Value, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{KindName} {Value}";
}
